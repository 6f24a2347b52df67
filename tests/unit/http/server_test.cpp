#include "http/server.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <gtest/gtest.h>

#include "core/json.hpp"
#include "http/client.hpp"

namespace isms::http {
namespace {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using std::chrono::steady_clock;

constexpr std::size_t kBodyLimit = 1024;
constexpr std::size_t kHeaderLimit = 4096;

Response Echo(Request&& request) {
    if (request.target == "/throw") {
        throw std::runtime_error("boom");
    }
    json::object o;
    o["method"] = request.method;
    o["target"] = request.target;
    o["body"] = request.body;
    o["request_id"] = request.Header("x-request-id");
    o["remote"] = request.remote_address;
    std::size_t request_id_headers = 0;
    for (const auto& [name, value] : request.headers) {
        for (char c : name) {
            EXPECT_FALSE(c >= 'A' && c <= 'Z') << "header name not lower case: " << name;
        }
        request_id_headers += name == "x-request-id" ? 1U : 0U;
    }
    o["request_id_headers"] = request_id_headers;
    return JsonResponse(200, json::serialize(o));
}

ServerOptions TestOptions() {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = kBodyLimit;
    options.max_header_bytes = kHeaderLimit;
    options.read_timeout = std::chrono::seconds(5);
    options.idle_timeout = std::chrono::seconds(30);
    return options;
}

Request MakeRequest(std::string method, std::string target, std::string body = {}) {
    Request r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.body = std::move(body);
    return r;
}

json::object BodyOf(const Response& response) {
    auto parsed = ParseJsonObject(response.body);
    EXPECT_TRUE(parsed) << response.body;
    return parsed ? *parsed : json::object{};
}

std::string Str(const json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : "<not a string: " + serialize(v) + ">";
}

bool IsGeneratedId(std::string_view id) {
    return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

class ServerTest : public ::testing::Test {
protected:
    void SetUp() override { StartServer(TestOptions()); }

    void StartServer(ServerOptions options) {
        server_ = std::make_unique<Server>(std::move(options), Echo);
        auto port = server_->Start();
        ASSERT_TRUE(port) << port.error().message;
        port_ = *port;
        ASSERT_NE(port_, 0);
    }

    /// Sends raw bytes on a fresh connection and returns everything read until the server
    /// closes the connection.
    std::string RawExchange(const std::string& bytes) {
        asio::io_context ioc;
        tcp::socket socket(ioc);
        socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
        asio::write(socket, asio::buffer(bytes));
        std::string received;
        boost::system::error_code ec;
        asio::read(socket, asio::dynamic_buffer(received), ec);
        return received;
    }

    std::unique_ptr<Server> server_;
    unsigned short port_ = 0;
};

TEST_F(ServerTest, RoundTrip) {
    Client client("127.0.0.1", port_);
    auto response = client.Send(MakeRequest("POST", "/things?a=1&b=%20x", "hello"));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 200U);
    EXPECT_EQ(response->Header("content-type"), "application/json");
    EXPECT_EQ(response->Header("server"), "isms");
    EXPECT_EQ(response->Header("content-length"), std::to_string(response->body.size()));
    json::object body = BodyOf(*response);
    EXPECT_EQ(Str(body["method"]), "POST");
    EXPECT_EQ(Str(body["target"]), "/things?a=1&b=%20x");
    EXPECT_EQ(Str(body["body"]), "hello");
    EXPECT_EQ(Str(body["remote"]), "127.0.0.1");
    EXPECT_EQ(body["request_id_headers"], 1);

    // The response carries the id the handler saw, under the name as sent by the server.
    bool found = false;
    for (const auto& [name, value] : response->headers) {
        if (name == "X-Request-Id") {
            found = true;
            EXPECT_TRUE(IsGeneratedId(value)) << value;
            EXPECT_EQ(Str(body["request_id"]), value);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(ServerTest, RequestIdsDiffer) {
    Client client("127.0.0.1", port_);
    auto first = client.Send(MakeRequest("GET", "/"));
    auto second = client.Send(MakeRequest("GET", "/"));
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->Header("x-request-id"), second->Header("x-request-id"));
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    boost::beast::flat_buffer buffer;
    for (int i = 0; i < 5; ++i) {
        const std::string body = "n=" + std::to_string(i);
        const std::string request = "POST /count HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                    + std::to_string(body.size()) + "\r\n\r\n" + body;
        asio::write(socket, asio::buffer(request));
        bhttp::response<bhttp::string_body> response;
        bhttp::read(socket, buffer, response);
        EXPECT_EQ(response.result_int(), 200U);
        EXPECT_TRUE(response.keep_alive());
        EXPECT_NE(response.body().find("\"body\":\"" + body + "\""), std::string::npos);
    }

    // Pipelined: two requests in one write, two responses in order.
    asio::write(
        socket,
        asio::buffer(std::string("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\n"
                                 "Host: x\r\nConnection: close\r\n\r\n"))
    );
    bhttp::response<bhttp::string_body> one;
    bhttp::response<bhttp::string_body> two;
    bhttp::read(socket, buffer, one);
    bhttp::read(socket, buffer, two);
    EXPECT_NE(one.body().find("\"target\":\"/one\""), std::string::npos);
    EXPECT_NE(two.body().find("\"target\":\"/two\""), std::string::npos);
    EXPECT_TRUE(one.keep_alive());
    EXPECT_FALSE(two.keep_alive());
    boost::system::error_code ec;
    bhttp::response<bhttp::string_body> none;
    bhttp::read(socket, buffer, none, ec);
    EXPECT_EQ(ec, bhttp::error::end_of_stream);
}

TEST_F(ServerTest, ClientReusesItsConnection) {
    Client client("127.0.0.1", port_);
    for (int i = 0; i < 20; ++i) {
        auto response = client.Send(MakeRequest("GET", "/n/" + std::to_string(i)));
        ASSERT_TRUE(response) << response.error().message;
        EXPECT_EQ(Str(BodyOf(*response)["target"]), "/n/" + std::to_string(i));
    }
}

TEST_F(ServerTest, OversizedBodyIs413) {
    Client client("127.0.0.1", port_);
    auto response = client.Send(MakeRequest("POST", "/big", std::string(kBodyLimit * 4, 'x')));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 413U);
    EXPECT_EQ(response->Header("content-type"), "application/problem+json");
    EXPECT_EQ(response->Header("connection"), "close");
    json::object problem = BodyOf(*response);
    EXPECT_EQ(Str(problem["type"]), "https://isms.dev/problems/too-large");
    EXPECT_EQ(problem["status"], 413);
    EXPECT_EQ(Str(problem["request_id"]), std::string(response->Header("x-request-id")));
    EXPECT_TRUE(IsGeneratedId(response->Header("x-request-id")));

    // A body exactly at the limit is fine, and the client reconnects transparently.
    auto ok = client.Send(MakeRequest("POST", "/fits", std::string(kBodyLimit, 'y')));
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->status, 200U);
}

TEST_F(ServerTest, OversizedChunkedBodyIs413) {
    std::string request = "POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        request += "200\r\n" + std::string(0x200, 'z') + "\r\n";
    }
    request += "0\r\n\r\n";
    const std::string received = RawExchange(request);
    EXPECT_EQ(received.rfind("HTTP/1.1 413 ", 0), 0U) << received;
    EXPECT_NE(received.find("problems/too-large"), std::string::npos);
}

TEST_F(ServerTest, HugeHeaderIs431) {
    Client client("127.0.0.1", port_);
    Request request = MakeRequest("GET", "/");
    request.headers.emplace_back("X-Filler", std::string(kHeaderLimit * 2, 'h'));
    auto response = client.Send(request);
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 431U);
    EXPECT_EQ(response->Header("content-type"), "application/problem+json");
    json::object problem = BodyOf(*response);
    EXPECT_EQ(Str(problem["type"]), "https://isms.dev/problems/header-too-large");
    EXPECT_EQ(Str(problem["request_id"]), std::string(response->Header("x-request-id")));
}

TEST_F(ServerTest, MalformedRequestIs400) {
    const std::string received = RawExchange("THIS IS NOT HTTP\r\n\r\n");
    EXPECT_EQ(received.rfind("HTTP/1.1 400 ", 0), 0U) << received;
    EXPECT_NE(received.find("application/problem+json"), std::string::npos);
    EXPECT_NE(received.find("problems/malformed"), std::string::npos);
    EXPECT_NE(received.find("X-Request-Id: "), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionIs500WithRequestId) {
    Client client("127.0.0.1", port_);
    auto response = client.Send(MakeRequest("GET", "/throw"));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 500U);
    EXPECT_EQ(response->Header("content-type"), "application/problem+json");
    const std::string id(response->Header("x-request-id"));
    EXPECT_TRUE(IsGeneratedId(id)) << id;
    json::object problem = BodyOf(*response);
    EXPECT_EQ(Str(problem["type"]), "https://isms.dev/problems/internal");
    EXPECT_EQ(Str(problem["request_id"]), id);
    EXPECT_EQ(problem["detail"].as_string().find("boom"), json::string::npos)
        << "exception text must not leak to the client";

    // The connection stays usable.
    auto next = client.Send(MakeRequest("GET", "/after"));
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200U);
}

TEST_F(ServerTest, ClientRequestIdIsEchoed) {
    Client client("127.0.0.1", port_);
    Request request = MakeRequest("GET", "/");
    request.headers.emplace_back("X-Request-Id", "abc-DEF_123");
    auto response = client.Send(request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->Header("x-request-id"), "abc-DEF_123");
    json::object body = BodyOf(*response);
    EXPECT_EQ(Str(body["request_id"]), "abc-DEF_123");
    EXPECT_EQ(body["request_id_headers"], 1);
}

TEST_F(ServerTest, InvalidClientRequestIdIsReplaced) {
    Client client("127.0.0.1", port_);
    for (const std::string& bad :
         {std::string("has space"), std::string(65, 'a'), std::string("semi;colon")}) {
        Request request = MakeRequest("GET", "/");
        request.headers.emplace_back("X-Request-Id", bad);
        auto response = client.Send(request);
        ASSERT_TRUE(response);
        const std::string id(response->Header("x-request-id"));
        EXPECT_TRUE(IsGeneratedId(id)) << id;
        json::object body = BodyOf(*response);
        EXPECT_EQ(Str(body["request_id"]), id);
        EXPECT_EQ(body["request_id_headers"], 1);
    }
}

TEST_F(ServerTest, ConcurrentClients) {
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            Client client("127.0.0.1", port_);
            for (int i = 0; i < 50; ++i) {
                const std::string target = "/t" + std::to_string(t) + "/" + std::to_string(i);
                auto response = client.Send(MakeRequest("PUT", target, target));
                if (response && response->status == 200U
                    && response->body.find(target) != std::string::npos) {
                    ++ok;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(ok.load(), 200);
}

TEST_F(ServerTest, StopReturnsPromptlyWithOpenConnections) {
    Client idle("127.0.0.1", port_);
    ASSERT_TRUE(idle.Send(MakeRequest("GET", "/")));  // leaves an idle keep-alive connection

    asio::io_context ioc;  // and one with half a request
    tcp::socket partial(ioc);
    partial.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    asio::write(partial, asio::buffer(std::string("GET / HTTP/1.1\r\nHo")));

    std::atomic<bool> waited{false};
    std::thread waiter([&] {
        server_->Wait();
        waited = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(waited.load());

    const auto started = steady_clock::now();
    server_->Stop();
    const auto elapsed = steady_clock::now() - started;
    EXPECT_LT(elapsed, std::chrono::seconds(1));
    waiter.join();
    EXPECT_TRUE(waited.load());

    // The server is gone: no new connections, and the client reports an error.
    auto after = idle.Send(MakeRequest("GET", "/"));
    EXPECT_FALSE(after);
    server_->Stop();  // idempotent
}

TEST_F(ServerTest, StopFromHandlerThread) {
    std::atomic<Server*> self{nullptr};
    ServerOptions options = TestOptions();
    Server server(options, [&](Request&&) {
        self.load()->Stop();  // only starts the shutdown; must not deadlock
        return JsonResponse(200, "{}");
    });
    self = &server;
    auto port = server.Start();
    ASSERT_TRUE(port);
    Client client("127.0.0.1", *port);
    auto response = client.Send(MakeRequest("GET", "/"));
    ASSERT_TRUE(response);
    EXPECT_EQ(response->Header("connection"), "close");
    server.Wait();
}

TEST_F(ServerTest, PortInUseIsAClearError) {
    ServerOptions options = TestOptions();
    options.port = port_;
    Server second(options, Echo);
    auto result = second.Start();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(result.error().message.find("in use"), std::string::npos) << result.error().message;
}

TEST_F(ServerTest, StartTwiceFails) {
    EXPECT_FALSE(server_->Start());
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterIdleTimeout) {
    server_.reset();
    ServerOptions options = TestOptions();
    options.idle_timeout = std::chrono::seconds(1);
    StartServer(options);

    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    const auto started = steady_clock::now();
    std::string received;
    boost::system::error_code ec;
    asio::read(socket, asio::dynamic_buffer(received), ec);
    EXPECT_EQ(ec, asio::error::eof);
    EXPECT_TRUE(received.empty());
    EXPECT_LT(steady_clock::now() - started, std::chrono::seconds(3));

    // The client reconnects transparently after the server closed its idle connection.
    Client client("127.0.0.1", port_);
    ASSERT_TRUE(client.Send(MakeRequest("GET", "/1")));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    auto again = client.Send(MakeRequest("GET", "/2"));
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->status, 200U);
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAlive) {
    const std::string received = RawExchange("GET /old HTTP/1.0\r\n\r\n");
    EXPECT_EQ(received.rfind("HTTP/1.1 200 OK\r\n", 0), 0U) << received;
    EXPECT_NE(received.find("Connection: close\r\n"), std::string::npos);
}

TEST_F(ServerTest, ExpectContinueIsAnswered) {
    asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    asio::write(
        socket,
        asio::buffer(std::string("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                                 "Expect: 100-continue\r\n\r\n"))
    );
    std::string interim(25, '\0');
    asio::read(socket, asio::buffer(interim));
    EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
    asio::write(socket, asio::buffer(std::string("ok")));
    boost::beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    bhttp::read(socket, buffer, response);
    EXPECT_EQ(response.result_int(), 200U);
    EXPECT_NE(response.body().find("\"body\":\"ok\""), std::string::npos);
}

TEST(ParseListenTest, AcceptsHostAndPort) {
    ServerOptions base;
    base.threads = 3;
    auto v4 = Server::ParseListen("0.0.0.0:9090", base);
    ASSERT_TRUE(v4) << v4.error().message;
    EXPECT_EQ(v4->host, "0.0.0.0");
    EXPECT_EQ(v4->port, 9090);
    EXPECT_EQ(v4->threads, 3);

    auto v6 = Server::ParseListen("[::1]:8080", base);
    ASSERT_TRUE(v6) << v6.error().message;
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(v6->port, 8080);

    auto name = Server::ParseListen("localhost:0", base);
    ASSERT_TRUE(name);
    EXPECT_EQ(name->host, "localhost");
    EXPECT_EQ(name->port, 0);

    auto top = Server::ParseListen("127.0.0.1:65535", base);
    ASSERT_TRUE(top);
    EXPECT_EQ(top->port, 65535);
}

TEST(ParseListenTest, RejectsMalformedInput) {
    for (const char* bad :
         {"",
          "8080",
          "127.0.0.1",
          "127.0.0.1:",
          ":8080",
          "127.0.0.1:65536",
          "127.0.0.1:-1",
          "127.0.0.1:80a",
          "::1:8080",
          "[::1]8080",
          "[::1",
          "[]:80",
          "a b:80",
          "127.0.0.1:+80"}) {
        auto result = Server::ParseListen(bad, ServerOptions{});
        EXPECT_FALSE(result) << "accepted \"" << bad << "\"";
        if (!result) {
            EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
            EXPECT_NE(result.error().message.find("HOST:PORT"), std::string::npos);
        }
    }
}

TEST(ServerIpv6Test, ListensOnLoopback) {
    ServerOptions options = TestOptions();
    options.host = "::1";
    Server server(options, Echo);
    auto port = server.Start();
    if (!port) {
        GTEST_SKIP() << "no IPv6 loopback: " << port.error().message;
    }
    Client client("::1", *port);
    auto response = client.Send(MakeRequest("GET", "/six"));
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(Str(BodyOf(*response)["remote"]), "::1");
}

}  // namespace
}  // namespace isms::http
