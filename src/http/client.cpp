#include "http/client.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <utility>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace isms::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::seconds kTimeout{30};
constexpr std::uint32_t kMaxResponseHeaderBytes = 1024 * 1024;

Error Unavailable(std::string message) {
    return Error{ErrorCode::kUnavailable, std::move(message), {}};
}

}  // namespace

namespace detail {

class ClientImpl {
public:
    ClientImpl(std::string host, unsigned short port) : host_(std::move(host)), port_(port) {}
    ~ClientImpl() { Close(); }

    ClientImpl(const ClientImpl&) = delete;
    ClientImpl& operator=(const ClientImpl&) = delete;

    [[nodiscard]] Result<Response> Send(const Request& request);
    void Close();

private:
    using Parser = bhttp::response_parser<bhttp::string_body>;

    [[nodiscard]] Result<bhttp::request<bhttp::string_body>> Build(const Request& request) const;
    [[nodiscard]] beast::error_code Connect();
    [[nodiscard]] beast::error_code Write(bhttp::request<bhttp::string_body>& message);
    [[nodiscard]] beast::error_code Read(Parser& parser);
    [[nodiscard]] std::string Where() const { return host_ + ":" + std::to_string(port_); }
    void Run();

    std::string host_;
    unsigned short port_;
    asio::io_context ioc_{1};
    std::optional<beast::tcp_stream> stream_;  // engaged while connected
    beast::flat_buffer buffer_;
};

void ClientImpl::Run() {
    ioc_.restart();
    ioc_.run();
}

beast::error_code ClientImpl::Connect() {
    beast::error_code ec;
    tcp::resolver resolver(ioc_);
    const auto endpoints = resolver.resolve(host_, std::to_string(port_), ec);
    if (ec) {
        return ec;
    }
    stream_.emplace(ioc_);
    stream_->expires_after(kTimeout);
    stream_->async_connect(endpoints, [&ec](beast::error_code error, const tcp::endpoint&) {
        ec = error;
    });
    Run();
    if (ec) {
        stream_.reset();
        return ec;
    }
    beast::error_code ignored;
    stream_->socket().set_option(tcp::no_delay(true), ignored);
    buffer_.clear();
    return {};
}

beast::error_code ClientImpl::Write(bhttp::request<bhttp::string_body>& message) {
    beast::error_code ec;
    stream_->expires_after(kTimeout);
    bhttp::async_write(*stream_, message, [&ec](beast::error_code error, std::size_t) {
        ec = error;
    });
    Run();
    return ec;
}

beast::error_code ClientImpl::Read(Parser& parser) {
    beast::error_code ec;
    stream_->expires_after(kTimeout);
    bhttp::async_read(*stream_, buffer_, parser, [&ec](beast::error_code error, std::size_t) {
        ec = error;
    });
    Run();
    return ec;
}

void ClientImpl::Close() {
    if (stream_) {
        beast::error_code ignored;
        stream_->socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_->close();
        stream_.reset();
    }
    buffer_.clear();
}

Result<bhttp::request<bhttp::string_body>> ClientImpl::Build(const Request& request) const {
    bhttp::request<bhttp::string_body> message;
    try {
        message.version(11);
        message.method_string(request.method.empty() ? "GET" : request.method);
        message.target(request.target.empty() ? "/" : request.target);
        bool has_host = false;
        bool has_length = false;
        for (const auto& [name, value] : request.headers) {
            message.insert(name, value);
            has_host = has_host || EqualsIgnoreCase(name, "host");
            has_length = has_length || EqualsIgnoreCase(name, "content-length")
                         || EqualsIgnoreCase(name, "transfer-encoding");
        }
        if (!has_host) {
            const bool ipv6 = host_.find(':') != std::string::npos;
            message.set(
                bhttp::field::host, (ipv6 ? "[" + host_ + "]" : host_) + ":" + std::to_string(port_)
            );
        }
        message.body() = request.body;
        const bool sends_body = !request.body.empty() || request.method == "POST"
                                || request.method == "PUT" || request.method == "PATCH";
        if (!has_length && sends_body) {
            message.content_length(request.body.size());
        }
    } catch (const std::exception& e) {  // e.g. a header field longer than Beast allows
        return Error::Invalid("request", std::string("cannot build the request: ") + e.what());
    }
    return message;
}

Result<Response> ClientImpl::Send(const Request& request) {
    ISMS_TRY_ASSIGN(auto message, Build(request));
    for (int attempt = 0;; ++attempt) {
        bool fresh = false;
        if (!stream_) {
            if (const auto ec = Connect()) {
                return Unavailable("cannot connect to " + Where() + ": " + ec.message());
            }
            fresh = true;
        }
        const beast::error_code write_ec = Write(message);
        // Read even when the write failed: a server may answer early (413) and close.
        Parser parser;
        parser.body_limit(boost::none);
        parser.header_limit(kMaxResponseHeaderBytes);
        beast::error_code read_ec = write_ec;
        if (write_ec != beast::error::timeout) {
            read_ec = Read(parser);
        }
        if (!read_ec) {
            auto& reply = parser.get();
            Response response;
            response.status = reply.result_int();
            response.headers.reserve(
                static_cast<std::size_t>(std::distance(reply.begin(), reply.end()))
            );
            for (const auto& field : reply) {
                response.headers.emplace_back(
                    std::string(field.name_string()), std::string(field.value())
                );
            }
            response.body = std::move(reply.body());
            if (!reply.keep_alive()) {
                Close();
            }
            return response;
        }
        Close();
        // A reused connection the server had closed meanwhile: reconnect once and resend.
        const bool stale =
            !fresh && attempt == 0 && !parser.got_some() && read_ec != beast::error::timeout;
        if (!stale) {
            return Unavailable("HTTP request to " + Where() + " failed: " + read_ec.message());
        }
    }
}

}  // namespace detail

Client::Client(std::string host, unsigned short port)
    : impl_(std::make_unique<detail::ClientImpl>(std::move(host), port)) {}

Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

Result<Response> Client::Send(const Request& request) {
    return impl_->Send(request);
}

void Client::Close() {
    impl_->Close();
}

}  // namespace isms::http
