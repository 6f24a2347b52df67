// The requests of the crash harness: every one carries the organization's admin token.
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/json.hpp"
#include "http/client.hpp"

namespace isms::crash {

/// The bearer token every harness request carries (set once, before any writer starts).
void SetToken(std::string token);

/// A request with the token and, when `body` is not empty, Content-Type `content_type`.
[[nodiscard]] http::Request MakeRequest(
    std::string method,
    std::string target,
    std::string body = {},
    std::string content_type = "application/json"
);

/// GET `target`; the body as a JSON object. Anything but 200 is an error naming the target
/// and the answer.
[[nodiscard]] Result<json::object> GetJson(http::Client& client, const std::string& target);

}  // namespace isms::crash
