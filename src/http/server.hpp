// The HTTP/1.1 transport: a Boost.Beast server with a fixed pool of threads running one
// io_context. It reads requests under size and time limits, gives each one a request id
// (X-Request-Id), calls one Handler synchronously on the I/O thread and writes its Response.
// Limit violations and malformed requests become problem+json (413, 431, 400); a throwing
// handler becomes a 500. With a certificate and key the port speaks TLS only. Beast stays inside
// server.cpp: handlers only see message.hpp types.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace isms::http {

namespace detail {
class ServerImpl;  // server.cpp
}  // namespace detail

struct ServerOptions {
    std::string host = "127.0.0.1";  // numeric IPv4/IPv6 address or a name to resolve
    unsigned short port = 8080;      // 0: the system picks a free port (Start returns it)
    int threads = 0;                 // 0: std::thread::hardware_concurrency()
    std::size_t max_body_bytes = 1024 * 1024;
    std::size_t max_header_bytes = 16 * 1024;
    std::chrono::seconds read_timeout{30};  // a whole request must arrive within this
    std::chrono::seconds idle_timeout{60};  // a keep-alive connection waits this long for more
    /// PEM certificate chain and private key; when set, the port speaks HTTPS only (TLS 1.2 or
    /// 1.3, AEAD suites; tls_context.hpp) and requests carry `tls = true`.
    std::string tls_cert_file = {};
    std::string tls_key_file = {};

    [[nodiscard]] bool Tls() const { return !tls_cert_file.empty() || !tls_key_file.empty(); }
};

class Server {
public:
    /// Called once per request on an I/O thread; must be thread-safe and should be fast.
    /// An exception escaping it becomes a 500 problem response.
    using Handler = std::function<Response(Request&&)>;

    Server(ServerOptions options, Handler handler);
    /// Stops the server and waits for its threads; must not run on one of its I/O threads.
    ~Server();

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    Server(Server&&) = delete;
    Server& operator=(Server&&) = delete;

    /// Binds, listens and starts the threads. Returns the bound port (the chosen one when
    /// options.port is 0). Fails when the address cannot be resolved or bound (e.g. in use),
    /// or when the server was already started or stopped. A server starts at most once.
    [[nodiscard]] Result<unsigned short> Start();

    /// Blocks until Stop() has been called and every I/O thread has finished.
    void Wait();

    /// Stops gracefully: no new connections; idle connections close at once, a response being
    /// written is finished first (with Connection: close). Connections still open after a few
    /// seconds are closed hard. Thread-safe and idempotent. Called from a non-I/O thread it
    /// waits like Wait(); called from a handler it only starts the shutdown.
    void Stop();

    /// Loads the TLS certificate and key as Start will (when options.Tls()), so that a bad TLS
    /// setting is reported before anything else starts. Errors are MakeTlsContext's.
    [[nodiscard]] static Status CheckTls(const ServerOptions& options);

    /// Parses "HOST:PORT" ("127.0.0.1:8080", "localhost:0", "[::1]:8443") into a copy of
    /// `base` with host and port replaced. IPv6 addresses must be in brackets.
    [[nodiscard]] static Result<ServerOptions> ParseListen(
        std::string_view host_port, ServerOptions base
    );

private:
    std::unique_ptr<detail::ServerImpl> impl_;
};

}  // namespace isms::http
