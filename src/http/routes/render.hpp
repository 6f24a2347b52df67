// Shared helpers of the route handlers: decode a JSON body with precise errors, read ids and
// If-Match, and render a Result as JSON or problem+json.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace isms::http {

/// The body as a JSON object; kMalformedInput (400) unless the content type is JSON, and with
/// line and column
/// when malformed.
[[nodiscard]] Result<json::object> JsonBody(const RouteContext& ctx);
/// A non-empty string member of `body`; kInvalidArgument "is required" naming `key` otherwise.
[[nodiscard]] Result<std::string> RequiredString(const json::object& body, std::string_view key);
/// Refuses members of `body` outside `allowed`, each named with "unknown field".
[[nodiscard]] Status OnlyKnownMembers(
    const json::object& body, std::initializer_list<std::string_view> allowed
);
/// A positive integer path parameter; kNotFound otherwise (an id that cannot exist).
[[nodiscard]] Result<std::int64_t> IdParam(const RouteContext& ctx, std::string_view name);
/// The version in If-Match ("3", "\"3\"" or W/"3"); nullopt when absent; error when malformed.
[[nodiscard]] Result<std::optional<std::int64_t>> IfMatchVersion(const RouteContext& ctx);

/// Refuses query parameters a route does not know (kInvalidArgument naming the parameter), so a
/// misspelt option is not silently ignored.
[[nodiscard]] Status OnlyKnownQuery(
    const RouteContext& ctx, std::initializer_list<std::string_view> known
);
/// The first value of a query parameter, "" when absent.
[[nodiscard]] std::string QueryValue(const RouteContext& ctx, std::string_view key);
/// `true` or `false`; absent or empty is false; anything else an error naming the parameter.
[[nodiscard]] Result<bool> QueryBool(const RouteContext& ctx, std::string_view key);
/// An integer, or `fallback` when absent; anything else an error naming the parameter.
[[nodiscard]] Result<std::int64_t> QueryInt(
    const RouteContext& ctx, std::string_view key, std::int64_t fallback
);

[[nodiscard]] Response Render(
    const RouteContext& ctx, const Result<json::object>& result, unsigned success_status = 200
);
[[nodiscard]] Response RenderError(const RouteContext& ctx, const Error& error);
/// A drawing or other text answer (`content_type`, e.g. "image/svg+xml"), or the problem.
[[nodiscard]] Response RenderText(
    const RouteContext& ctx, Result<std::string> result, std::string_view content_type
);

}  // namespace isms::http
