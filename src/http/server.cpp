#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "core/log.hpp"
#include "http/problem.hpp"
#include "http/tls_context.hpp"

namespace isms::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::size_t kMaxRequestIdLength = 64;
// After an error response (or Connection: close) the server stops sending and discards what
// the client still sends for a while, so that closing does not reset the connection and
// destroy the response before the client has read it (the "lingering close" of RFC 9112 9.6).
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kLingerMaxBytes = 1024 * 1024;
constexpr std::chrono::seconds kStopGrace{5};
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

using Strand = asio::strand<asio::io_context::executor_type>;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using AnyStream = std::variant<PlainStream, TlsStream>;

AnyStream MakeStream(tcp::socket socket, asio::ssl::context* tls) {
    if (tls != nullptr) {
        return AnyStream(std::in_place_type<TlsStream>, std::move(socket), *tls);
    }
    return AnyStream(std::in_place_type<PlainStream>, std::move(socket));
}

bool IsRequestIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_';
}

/// A client-supplied X-Request-Id is kept when it is 1–64 characters of [A-Za-z0-9-_].
bool IsValidRequestId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxRequestIdLength
           && std::all_of(id.begin(), id.end(), IsRequestIdChar);
}

char ToLowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool HasLineBreak(std::string_view text) {
    return text.find_first_of("\r\n") != std::string_view::npos;
}

void AppendNumber(std::string& out, std::uint64_t value) {
    std::array<char, 24> digits{};
    auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    static_cast<void>(ec);  // 24 characters always hold a 64-bit number
    out.append(digits.data(), end);
}

/// splitmix64: a bijection on 64-bit values, so distinct counters give distinct ids.
std::uint64_t Mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

std::string FormatEndpoint(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    std::string text = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    text += ':';
    AppendNumber(text, endpoint.port());
    return text;
}

/// The address of the peer as text, without port; IPv4-mapped IPv6 addresses as IPv4.
std::string PeerAddress(const tcp::socket& socket) {
    boost::system::error_code ec;
    auto endpoint = socket.remote_endpoint(ec);
    if (ec) {
        return {};
    }
    auto address = endpoint.address();
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

}  // namespace

namespace detail {

class Session;

/// Owns the io_context, the acceptor, the threads and the registry of live sessions.
class ServerImpl {
public:
    ServerImpl(ServerOptions options, Server::Handler handler);

    [[nodiscard]] Result<unsigned short> Start();
    void Wait();
    void Stop();

    [[nodiscard]] const ServerOptions& options() const { return options_; }
    [[nodiscard]] const Server::Handler& handler() const { return handler_; }
    /// The TLS context when the server speaks HTTPS, else null.
    [[nodiscard]] asio::ssl::context* tls() const { return tls_.get(); }
    [[nodiscard]] bool Stopping() const { return stopping_flag_.load(std::memory_order_relaxed); }
    /// Writes a fresh request id: 16 lower-case hex digits, unique within this server.
    void NextRequestId(std::string& out);
    void Unregister(const Session* session);

private:
    void DoAccept();
    void OnAccept(const beast::error_code& ec, tcp::socket socket);
    [[nodiscard]] std::vector<std::shared_ptr<Session>> LiveSessions();  // mutex_ held
    [[nodiscard]] bool OnIoThread() { return ioc_.get_executor().running_in_this_thread(); }

    ServerOptions options_;
    Server::Handler handler_;
    std::unique_ptr<asio::ssl::context> tls_;  // set by Start when options_.Tls()
    unsigned thread_count_;
    std::atomic<std::uint64_t> request_counter_{0};
    std::uint64_t request_id_key_;
    std::atomic<bool> stopping_flag_{false};  // stopping_, readable without the mutex

    // Declared before ioc_ so that sessions still owned by its handlers can unregister while
    // it is destroyed.
    std::mutex mutex_;  // guards started_, stopping_, sessions_
    std::condition_variable changed_;
    bool started_ = false;
    bool stopping_ = false;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;

    asio::io_context ioc_;
    Strand accept_strand_;
    tcp::acceptor acceptor_;                 // used on accept_strand_ only
    asio::steady_timer accept_retry_timer_;  // used on accept_strand_ only
    std::string listen_address_;

    std::mutex join_mutex_;  // one thread joins at a time
    std::vector<std::thread> threads_;
};

/// One connection: reads requests one after another (keep-alive), runs the handler and writes
/// the response. All of its work runs on its own strand.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(ServerImpl& server, tcp::socket socket)
        : server_(server), stream_(MakeStream(std::move(socket), server.tls())) {}

    ~Session() { server_.Unregister(this); }

    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] auto executor() { return Tcp().get_executor(); }

    /// Runs on the strand: starts reading the first request.
    void Start();
    /// Runs on the strand: asked by Server::Stop. `hard` closes even a response being written.
    void Shutdown(bool hard);

private:
    enum class State { kReading, kWriting, kLingering, kClosed };

    /// The TCP layer, under TLS or not: timeouts, socket options, closing.
    [[nodiscard]] beast::tcp_stream& Tcp() {
        return std::visit(
            [](auto& stream) -> beast::tcp_stream& { return beast::get_lowest_layer(stream); },
            stream_
        );
    }
    /// Calls `op` with the stream requests and responses travel on (TLS or plain TCP).
    template <class Op>
    void OnStream(Op&& op) {
        std::visit(std::forward<Op>(op), stream_);
    }
    [[nodiscard]] bool IsTls() const { return std::holds_alternative<TlsStream>(stream_); }

    void OnHandshake(beast::error_code ec);
    void StartRequest();
    void ReadMore();
    void OnRead(beast::error_code ec, std::size_t bytes);
    void Parse();
    void OnContinueWritten(beast::error_code ec, std::size_t bytes);
    void Reject(const beast::error_code& ec);
    void HandleRequest();
    void Respond(Response&& response);
    void OnWrite(beast::error_code ec, std::size_t bytes);
    void Linger();
    void OnLingerRead(beast::error_code ec, std::size_t bytes);
    void Close();

    ServerImpl& server_;
    AnyStream stream_;
    beast::flat_buffer buffer_;  // bytes read but not yet parsed; reused for every request
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::string remote_address_;
    std::string request_id_;
    std::string head_;   // status line and header fields of the response being written
    Response response_;  // the response being written (its body is sent from here)
    State state_ = State::kReading;
    bool request_started_ = false;  // bytes of the current request have arrived
    bool continue_sent_ = false;    // "100 Continue" written for the current request
    bool keep_alive_ = false;
    bool http10_ = false;
    bool close_requested_ = false;  // the server is stopping
    bool linger_after_write_ = false;
    std::size_t lingered_bytes_ = 0;
    // Access log (only filled when debug logging is on).
    bool access_log_ = false;
    std::string log_method_;
    std::string log_path_;
    std::chrono::steady_clock::time_point handled_at_;
};

// ---- Session ----------------------------------------------------------------------------------

void Session::Start() {
    remote_address_ = PeerAddress(Tcp().socket());
    boost::system::error_code ec;
    Tcp().socket().set_option(tcp::no_delay(true), ec);
    if (close_requested_) {
        Close();
        return;
    }
    if (IsTls()) {
        Tcp().expires_after(server_.options().read_timeout);
        std::get<TlsStream>(stream_).async_handshake(
            asio::ssl::stream_base::server,
            beast::bind_front_handler(&Session::OnHandshake, shared_from_this())
        );
        return;
    }
    StartRequest();
}

void Session::OnHandshake(beast::error_code ec) {
    if (ec) {
        // Plain HTTP on the TLS port, an old protocol version, no shared cipher suite, a
        // client that gave up: nothing can be answered.
        Log().Log(
            Severity::kInfo,
            "http.tls_handshake_failed",
            {{"reason", ec.message()}, {"remote", remote_address_}}
        );
        Close();
        return;
    }
    StartRequest();
}

void Session::Shutdown(bool hard) {
    close_requested_ = true;
    if (hard || state_ == State::kReading) {
        Close();
    }
    // kWriting: OnWrite sees close_requested_ and closes after the response.
    // kLingering: ends by itself within kLingerTimeout.
}

void Session::StartRequest() {
    const ServerOptions& options = server_.options();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())
    ));
    parser_->body_limit(static_cast<std::uint64_t>(options.max_body_bytes));
    parser_->eager(true);
    state_ = State::kReading;
    continue_sent_ = false;
    request_id_.clear();
    if (buffer_.size() > 0) {  // a pipelined request has (partly) arrived already
        request_started_ = true;
        Tcp().expires_after(options.read_timeout);
        Parse();
        return;
    }
    request_started_ = false;
    Tcp().expires_after(options.idle_timeout);
    ReadMore();
}

void Session::ReadMore() {
    OnStream([this](auto& stream) {
        stream.async_read_some(
            buffer_.prepare(kReadChunk),
            beast::bind_front_handler(&Session::OnRead, shared_from_this())
        );
    });
}

void Session::OnRead(beast::error_code ec, std::size_t bytes) {
    if (ec) {
        // End of stream, timeout, reset or Stop(): nothing to answer. A request cut off by the
        // client's end of stream cannot be answered either.
        Close();
        return;
    }
    buffer_.commit(bytes);
    if (!request_started_) {
        request_started_ = true;
        Tcp().expires_after(server_.options().read_timeout);
    }
    Parse();
}

void Session::Parse() {
    for (;;) {
        if (parser_->is_done()) {
            HandleRequest();
            return;
        }
        if (buffer_.size() == 0) {
            break;
        }
        beast::error_code ec;
        const std::size_t used = parser_->put(buffer_.data(), ec);
        buffer_.consume(used);
        if (ec == bhttp::error::need_more) {
            break;
        }
        if (ec) {
            Reject(ec);
            return;
        }
        if (used == 0 && !parser_->is_done()) {
            break;
        }
    }
    // More bytes are needed. A client that sent "Expect: 100-continue" waits for permission.
    if (!continue_sent_ && parser_->is_header_done()) {
        continue_sent_ = true;
        const auto& expect = parser_->get()[bhttp::field::expect];
        if (EqualsIgnoreCase(expect, "100-continue")) {
            static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            OnStream([this](auto& stream) {
                asio::async_write(
                    stream,
                    asio::buffer(kContinue.data(), kContinue.size()),
                    beast::bind_front_handler(&Session::OnContinueWritten, shared_from_this())
                );
            });
            return;
        }
    }
    ReadMore();
}

void Session::OnContinueWritten(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
        Close();
        return;
    }
    ReadMore();
}

void Session::Reject(const beast::error_code& ec) {
    const ServerOptions& options = server_.options();
    unsigned status = 400;
    std::string_view type = "malformed";
    std::string detail;
    if (ec == bhttp::error::header_limit) {
        status = 431;
        type = "header-too-large";
        detail = "request header exceeds " + std::to_string(options.max_header_bytes) + " bytes";
    } else if (ec == bhttp::error::body_limit) {
        status = 413;
        type = "too-large";
        detail = "request body exceeds " + std::to_string(options.max_body_bytes) + " bytes";
    } else {
        detail = "malformed HTTP request: " + ec.message();
    }
    server_.NextRequestId(request_id_);
    Log().Log(
        Severity::kInfo,
        "http.request_rejected",
        {{"status", status},
         {"reason", ec.message()},
         {"remote", remote_address_},
         {"request_id", request_id_}}
    );
    state_ = State::kWriting;
    keep_alive_ = false;
    linger_after_write_ = true;
    access_log_ = false;
    Respond(ProblemResponse(status, type, detail, request_id_));
}

void Session::HandleRequest() {
    auto& message = parser_->get();
    state_ = State::kWriting;
    keep_alive_ = message.keep_alive();
    http10_ = message.version() < 11;
    linger_after_write_ = false;

    Request request;
    request.method = message.method_string();
    request.target = message.target();
    request.remote_address = remote_address_;
    request.tls = IsTls();
    request.headers.reserve(
        static_cast<std::size_t>(std::distance(message.begin(), message.end()) + 1)
    );
    for (const auto& field : message) {
        const std::string_view name = field.name_string();
        std::string lower(name.size(), '\0');
        std::transform(name.begin(), name.end(), lower.begin(), ToLowerAscii);
        if (lower == "x-request-id") {
            // Keep the first valid one; drop invalid ones and duplicates.
            if (!request_id_.empty() || !IsValidRequestId(field.value())) {
                continue;
            }
            request_id_ = field.value();
        }
        request.headers.emplace_back(std::move(lower), std::string(field.value()));
    }
    if (request_id_.empty()) {
        server_.NextRequestId(request_id_);
        request.headers.emplace_back("x-request-id", request_id_);
    }
    request.body = std::move(message.body());

    access_log_ = Log().Enabled(Severity::kDebug);
    if (access_log_) {
        log_method_ = request.method;
        const std::string_view target = request.target;
        log_path_ = target.substr(0, target.find('?'));
        handled_at_ = std::chrono::steady_clock::now();
    }

    Response response;
    try {
        response = server_.handler()(std::move(request));
    } catch (const std::exception& e) {
        Log().Log(
            Severity::kError,
            "http.handler_exception",
            {{"what", e.what()}, {"request_id", request_id_}, {"path", log_path_}}
        );
        response = ProblemResponse(500, "internal", "internal server error", request_id_);
    } catch (...) {
        Log().Log(
            Severity::kError,
            "http.handler_exception",
            {{"what", "unknown exception"}, {"request_id", request_id_}}
        );
        response = ProblemResponse(500, "internal", "internal server error", request_id_);
    }
    Respond(std::move(response));
}

void Session::Respond(Response&& response) {
    response_ = std::move(response);
    if (response_.status < 100 || response_.status > 999) {
        Log().Log(
            Severity::kError,
            "http.invalid_status",
            {{"status", response_.status}, {"request_id", request_id_}}
        );
        response_ = ProblemResponse(500, "internal", "internal server error", request_id_);
    }
    if (close_requested_ || server_.Stopping()) {
        keep_alive_ = false;
    }
    const unsigned status = response_.status;
    const bool has_body = status >= 200 && status != 204 && status != 304;

    head_.clear();
    head_ += "HTTP/1.1 ";
    AppendNumber(head_, status);
    head_ += ' ';
    const std::string_view reason = bhttp::obsolete_reason(bhttp::int_to_status(status));
    if (reason.empty() || reason.front() != '<') {  // "<unknown-status>"
        head_ += reason;
    }
    head_ += "\r\nServer: isms\r\nX-Request-Id: ";
    head_ += request_id_;
    head_ += "\r\n";
    for (const auto& [name, value] : response_.headers) {
        if (EqualsIgnoreCase(name, "connection")) {
            if (EqualsIgnoreCase(value, "close")) {
                keep_alive_ = false;
            }
            continue;
        }
        if (name.empty() || HasLineBreak(name) || HasLineBreak(value)
            || name.find(':') != std::string::npos || EqualsIgnoreCase(name, "content-length")
            || EqualsIgnoreCase(name, "transfer-encoding") || EqualsIgnoreCase(name, "server")
            || EqualsIgnoreCase(name, "x-request-id")) {
            continue;  // set by the transport, or would break the framing
        }
        head_ += name;
        head_ += ": ";
        head_ += value;
        head_ += "\r\n";
    }
    if (has_body) {
        head_ += "Content-Length: ";
        AppendNumber(head_, response_.body.size());
        head_ += "\r\n";
    } else {
        response_.body.clear();
    }
    if (!keep_alive_) {
        head_ += "Connection: close\r\n";
    } else if (http10_) {
        head_ += "Connection: keep-alive\r\n";
    }
    head_ += "\r\n";

    Tcp().expires_after(server_.options().read_timeout);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head_), asio::buffer(response_.body)};
    OnStream([this, &buffers](auto& stream) {
        asio::async_write(
            stream, buffers, beast::bind_front_handler(&Session::OnWrite, shared_from_this())
        );
    });
}

void Session::OnWrite(beast::error_code ec, std::size_t /*bytes*/) {
    if (access_log_) {
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - handled_at_
        );
        Log().Log(
            Severity::kDebug,
            "http.access",
            {{"method", log_method_},
             {"path", log_path_},
             {"status", response_.status},
             {"us", micros.count()},
             {"request_id", request_id_}}
        );
    }
    response_ = Response{};
    if (ec) {
        Close();
        return;
    }
    if (close_requested_ || !keep_alive_) {
        Linger();
        return;
    }
    StartRequest();
}

void Session::Linger() {
    state_ = State::kLingering;
    Tcp().expires_after(kLingerTimeout);
    if (IsTls()) {
        // close_notify, then wait for the client's (or its end of the connection).
        std::get<TlsStream>(stream_).async_shutdown(
            [self = shared_from_this()](beast::error_code /*ec*/) { self->Close(); }
        );
        return;
    }
    boost::system::error_code ignored;
    Tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    lingered_bytes_ = 0;
    Tcp().async_read_some(
        buffer_.prepare(kReadChunk),
        beast::bind_front_handler(&Session::OnLingerRead, shared_from_this())
    );
}

void Session::OnLingerRead(beast::error_code ec, std::size_t bytes) {
    lingered_bytes_ += bytes;
    if (ec || lingered_bytes_ > kLingerMaxBytes || state_ != State::kLingering) {
        Close();
        return;
    }
    Tcp().async_read_some(
        buffer_.prepare(kReadChunk),
        beast::bind_front_handler(&Session::OnLingerRead, shared_from_this())
    );
}

void Session::Close() {
    if (state_ == State::kClosed) {
        return;
    }
    state_ = State::kClosed;
    boost::system::error_code ignored;
    Tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
    Tcp().close();
}

// ---- ServerImpl -------------------------------------------------------------------------------

ServerImpl::ServerImpl(ServerOptions options, Server::Handler handler)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      thread_count_(std::max(
          options_.threads > 0 ? static_cast<unsigned>(options_.threads)
                               : std::thread::hardware_concurrency(),
          1U
      )),
      ioc_(static_cast<int>(thread_count_)),
      accept_strand_(asio::make_strand(ioc_)),
      acceptor_(accept_strand_),
      accept_retry_timer_(accept_strand_) {
    std::random_device random;
    request_id_key_ = (static_cast<std::uint64_t>(random()) << 32U) ^ random();
    if (!handler_) {
        handler_ = [](Request&& request) {
            return ProblemResponse(404, "not-found", "no handler", request.Header("x-request-id"));
        };
    }
}

void ServerImpl::NextRequestId(std::string& out) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    const std::uint64_t counter = request_counter_.fetch_add(1, std::memory_order_relaxed);
    std::uint64_t id = Mix(request_id_key_ ^ counter);
    out.resize(16);
    for (std::size_t i = 16; i-- > 0;) {
        out[i] = kHex[id & 0xFU];
        id >>= 4U;
    }
}

Result<unsigned short> ServerImpl::Start() {
    {
        std::lock_guard lock(mutex_);
        if (started_ || stopping_) {
            return Error::Conflict("the HTTP server was already started or stopped");
        }
    }
    if (options_.Tls()) {
        ISMS_TRY_ASSIGN(tls_, MakeTlsContext(options_.tls_cert_file, options_.tls_key_file));
    }
    const std::string where = options_.host + ":" + std::to_string(options_.port);
    boost::system::error_code ec;
    tcp::endpoint endpoint;
    const auto address = asio::ip::make_address(options_.host, ec);
    if (!ec) {
        endpoint = tcp::endpoint(address, options_.port);
    } else {
        tcp::resolver resolver(ioc_);
        auto results = resolver.resolve(
            options_.host, std::to_string(options_.port), tcp::resolver::passive, ec
        );
        if (ec || results.empty()) {
            return Error::Invalid(
                "listen",
                "cannot resolve host \"" + options_.host
                    + "\": " + (ec ? ec.message() : std::string("no address"))
            );
        }
        endpoint = results.begin()->endpoint();
    }

    auto fail = [&](std::string_view step, const boost::system::error_code& error) {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        std::string message = "cannot listen on " + FormatEndpoint(endpoint) + " (" + where
                              + "): " + std::string(step) + ": " + error.message();
        if (error == asio::error::address_in_use) {
            message = "cannot listen on " + FormatEndpoint(endpoint)
                      + ": address already in use (another process is listening on that port)";
        }
        return Error{ErrorCode::kUnavailable, std::move(message), {}};
    };
    if (acceptor_.open(endpoint.protocol(), ec)) {
        return fail("open", ec);
    }
    if (acceptor_.set_option(asio::socket_base::reuse_address(true), ec)) {
        return fail("setsockopt", ec);
    }
    if (acceptor_.bind(endpoint, ec)) {
        return fail("bind", ec);
    }
    if (acceptor_.listen(asio::socket_base::max_listen_connections, ec)) {
        return fail("listen", ec);
    }
    const auto local = acceptor_.local_endpoint(ec);
    if (ec) {
        return fail("getsockname", ec);
    }
    listen_address_ = FormatEndpoint(local);

    {
        std::lock_guard lock(mutex_);
        started_ = true;
    }
    asio::post(accept_strand_, [this] { DoAccept(); });
    std::lock_guard join_lock(join_mutex_);
    threads_.reserve(thread_count_);
    for (unsigned i = 0; i < thread_count_; ++i) {
        threads_.emplace_back([this] {
            for (;;) {
                try {
                    ioc_.run();
                    return;
                } catch (const std::exception& e) {
                    Log().Log(Severity::kError, "http.io_exception", {{"what", e.what()}});
                }
            }
        });
    }
    Log().Log(
        Severity::kInfo,
        "http.listening",
        {{"address", listen_address_},
         {"threads", thread_count_},
         {"scheme", tls_ ? "https" : "http"}}
    );
    return local.port();
}

void ServerImpl::DoAccept() {
    acceptor_.async_accept(
        asio::make_strand(ioc_),
        [this](const beast::error_code& ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); }
    );
}

void ServerImpl::OnAccept(const beast::error_code& ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) {
        return;
    }
    if (ec) {
        // Typically out of file descriptors: wait a little instead of spinning.
        Log().Log(Severity::kWarning, "http.accept_failed", {{"reason", ec.message()}});
        accept_retry_timer_.expires_after(kAcceptRetryDelay);
        accept_retry_timer_.async_wait([this](const beast::error_code& wait_ec) {
            if (!wait_ec && acceptor_.is_open()) {
                DoAccept();
            }
        });
        return;
    }
    auto session = std::make_shared<Session>(*this, std::move(socket));
    bool accepted = false;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            sessions_.emplace(session.get(), session);
            accepted = true;
        }
    }
    if (accepted) {
        asio::dispatch(session->executor(), [session] { session->Start(); });
    }
    DoAccept();
}

void ServerImpl::Unregister(const Session* session) {
    std::lock_guard lock(mutex_);
    sessions_.erase(session);
    if (stopping_ && sessions_.empty()) {
        changed_.notify_all();
    }
}

std::vector<std::shared_ptr<Session>> ServerImpl::LiveSessions() {
    std::vector<std::shared_ptr<Session>> live;
    live.reserve(sessions_.size());
    for (const auto& [key, weak] : sessions_) {
        if (auto session = weak.lock()) {
            live.push_back(std::move(session));
        }
    }
    return live;
}

void ServerImpl::Stop() {
    std::vector<std::shared_ptr<Session>> live;
    bool first = false;
    {
        std::lock_guard lock(mutex_);
        if (!stopping_) {
            stopping_ = true;
            stopping_flag_ = true;
            first = true;
            live = LiveSessions();
        }
    }
    if (first) {
        changed_.notify_all();
        asio::post(accept_strand_, [this] {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            accept_retry_timer_.cancel();
        });
        for (auto& session : live) {
            asio::post(session->executor(), [session] { session->Shutdown(false); });
        }
        live.clear();  // outside the lock: a last reference runs ~Session, which locks
        Log().Log(Severity::kInfo, "http.stopping", {{"address", listen_address_}});
    }
    if (!OnIoThread()) {
        Wait();
    }
}

void ServerImpl::Wait() {
    if (OnIoThread()) {
        return;  // joining our own thread would deadlock
    }
    std::vector<std::shared_ptr<Session>> stragglers;
    {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stopping_; });
        if (!changed_.wait_for(lock, kStopGrace, [this] { return sessions_.empty(); })) {
            stragglers = LiveSessions();
        }
    }
    for (auto& session : stragglers) {
        asio::post(session->executor(), [session] { session->Shutdown(true); });
    }
    stragglers.clear();
    std::lock_guard join_lock(join_mutex_);
    for (auto& thread : threads_) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

}  // namespace detail

// ---- Server -----------------------------------------------------------------------------------

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<detail::ServerImpl>(std::move(options), std::move(handler))) {}

Server::~Server() {
    impl_->Stop();
}

Result<unsigned short> Server::Start() {
    return impl_->Start();
}

void Server::Wait() {
    impl_->Wait();
}

void Server::Stop() {
    impl_->Stop();
}

Status Server::CheckTls(const ServerOptions& options) {
    if (options.Tls()) {
        ISMS_TRY(MakeTlsContext(options.tls_cert_file, options.tls_key_file));
    }
    return {};
}

Result<ServerOptions> Server::ParseListen(std::string_view host_port, ServerOptions base) {
    const auto invalid = [&](std::string_view why) {
        return Error::Invalid(
            "listen",
            std::string(why) + " (expected HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080; got \""
                + std::string(host_port) + "\")"
        );
    };
    std::string_view host;
    std::string_view port;
    if (!host_port.empty() && host_port.front() == '[') {
        const auto close = host_port.find(']');
        if (close == std::string_view::npos) {
            return invalid("missing ']' after the IPv6 address");
        }
        host = host_port.substr(1, close - 1);
        const std::string_view rest = host_port.substr(close + 1);
        if (rest.empty() || rest.front() != ':') {
            return invalid("missing ':PORT' after the IPv6 address");
        }
        port = rest.substr(1);
    } else {
        const auto colon = host_port.rfind(':');
        if (colon == std::string_view::npos) {
            return invalid("missing ':PORT'");
        }
        host = host_port.substr(0, colon);
        port = host_port.substr(colon + 1);
        if (host.find(':') != std::string_view::npos) {
            return invalid("an IPv6 address must be written in brackets");
        }
    }
    if (host.empty()) {
        return invalid("missing host");
    }
    if (host.find_first_of(" \t[]/") != std::string_view::npos) {
        return invalid("invalid host");
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value > 65535) {
        return invalid("the port must be a number from 0 to 65535");
    }
    base.host = std::string(host);
    base.port = static_cast<unsigned short>(value);
    return base;
}

}  // namespace isms::http
