#include "crash/api.hpp"

namespace isms::crash {

namespace {

std::string& TokenStorage() {
    static std::string token;
    return token;
}

}  // namespace

void SetToken(std::string token) {
    TokenStorage() = std::move(token);
}

http::Request MakeRequest(
    std::string method, std::string target, std::string body, std::string content_type
) {
    http::Request r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.headers.emplace_back("authorization", "Bearer " + TokenStorage());
    if (!body.empty()) {
        r.headers.emplace_back("content-type", std::move(content_type));
    }
    r.body = std::move(body);
    return r;
}

Result<json::object> GetJson(http::Client& client, const std::string& target) {
    ISMS_TRY_ASSIGN(http::Response response, client.Send(MakeRequest("GET", target)));
    if (response.status != 200) {
        return Error::Internal(
            "GET " + target + " answered " + std::to_string(response.status) + ": "
            + response.body.substr(0, 500)
        );
    }
    auto body = ParseJsonObject(response.body);
    if (!body) {
        return Error::Internal("GET " + target + " answered no JSON object");
    }
    return std::move(*body);
}

}  // namespace isms::crash
