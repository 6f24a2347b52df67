// Transport-neutral HTTP request and response. The Beast server (server.cpp), the in-process
// test transport and the router all speak these types, so handlers never see Beast.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace isms::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Request {
    std::string method;  // upper case: "GET", "POST", …
    std::string target;  // as received: path and query, percent-encoded
    HeaderList headers;  // names in lower case
    std::string body;
    std::string remote_address;
    bool tls = false;  // arrived over TLS (set by the transport)

    /// First value of a header (name compared case-insensitively), or "" when absent.
    [[nodiscard]] std::string_view Header(std::string_view name) const;
};

struct Response {
    unsigned status = 200;
    HeaderList headers;  // names as they should be sent
    std::string body;

    /// Replaces the header if present (case-insensitive), appends it otherwise.
    void SetHeader(std::string_view name, std::string value);
    [[nodiscard]] std::string_view Header(std::string_view name) const;
};

/// Splits a request target into its decoded path and decoded query parameters (in order).
/// Returns nullopt when the target is not a valid origin-form URI.
struct Target {
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
};
[[nodiscard]] std::optional<Target> ParseTarget(std::string_view target);

/// ASCII case-insensitive comparison, as HTTP header names and tokens are compared.
[[nodiscard]] bool EqualsIgnoreCase(std::string_view a, std::string_view b);

/// Builds a JSON response (Content-Type application/json).
[[nodiscard]] Response JsonResponse(unsigned status, std::string body);

}  // namespace isms::http
