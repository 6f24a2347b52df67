// A small synchronous HTTP/1.1 client on Boost.Beast, for tests and tools (the apitest runner,
// smoke checks). It keeps one keep-alive connection, reopens it once when the server has closed
// it in between, and gives every step (connect, write, read) a 30 second timeout.
#pragma once

#include <memory>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace isms::http {

namespace detail {
class ClientImpl;  // client.cpp
}  // namespace detail

class Client {
public:
    Client(std::string host, unsigned short port);
    ~Client();

    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;
    Client(Client&&) noexcept;
    Client& operator=(Client&&) noexcept;

    /// Sends `request` (method, target, headers, body; remote_address is ignored) and reads the
    /// response. Adds Host, and Content-Length when there is a body, unless present. Response
    /// header names are returned as received. Network failures and timeouts are kUnavailable.
    [[nodiscard]] Result<Response> Send(const Request& request);

    /// Closes the connection; the next Send opens a new one.
    void Close();

private:
    std::unique_ptr<detail::ClientImpl> impl_;
};

}  // namespace isms::http
