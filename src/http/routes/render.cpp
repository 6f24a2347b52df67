#include "http/routes/render.hpp"

#include <algorithm>
#include <charconv>

#include "http/problem.hpp"

namespace isms::http {

namespace {

std::optional<std::int64_t> ToInt(std::string_view s) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

std::optional<std::int64_t> ToPositive(std::string_view s) {
    const auto v = ToInt(s);
    return v && *v > 0 ? v : std::nullopt;
}

}  // namespace

Status OnlyKnownQuery(const RouteContext& ctx, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : ctx.target.query) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            return Error::Invalid(key, "unknown query parameter");
        }
    }
    return {};
}

std::string QueryValue(const RouteContext& ctx, std::string_view key) {
    for (const auto& [k, v] : ctx.target.query) {
        if (k == key) {
            return v;
        }
    }
    return {};
}

Result<bool> QueryBool(const RouteContext& ctx, std::string_view key) {
    const std::string v = QueryValue(ctx, key);
    if (v.empty() || v == "false") {
        return false;
    }
    if (v == "true") {
        return true;
    }
    return Error::Invalid(std::string(key), "expected true or false");
}

Result<std::int64_t> QueryInt(
    const RouteContext& ctx, std::string_view key, std::int64_t fallback
) {
    const std::string v = QueryValue(ctx, key);
    if (v.empty()) {
        return fallback;
    }
    if (auto parsed = ToInt(v)) {
        return *parsed;
    }
    return Error::Invalid(std::string(key), "expected an integer");
}

Result<std::string> RequiredString(const json::object& body, std::string_view key) {
    const json::value* v = body.if_contains(key);
    if (v == nullptr || !v->is_string() || v->get_string().empty()) {
        return Error::Invalid(std::string(key), "is required");
    }
    return std::string(v->get_string());
}

Status OnlyKnownMembers(const json::object& body, std::initializer_list<std::string_view> allowed) {
    std::vector<FieldError> errors;
    for (const auto& [key, value] : body) {
        if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) {
            errors.push_back({std::string(key), "unknown field"});
        }
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return {};
}

Result<json::object> JsonBody(const RouteContext& ctx) {
    const std::string_view type = ctx.request.Header("content-type");
    if (!type.starts_with("application/json")
        && !type.starts_with("application/merge-patch+json")) {
        return Error{ErrorCode::kMalformedInput, "send the body as application/json", {}};
    }
    auto parsed = ParseJson(ctx.request.body);
    if (!parsed) {
        return parsed.error();
    }
    if (!parsed->is_object()) {
        return Error::Malformed("the body must be a JSON object");
    }
    return std::move(parsed->as_object());
}

Result<std::int64_t> IdParam(const RouteContext& ctx, std::string_view name) {
    if (auto v = ToPositive(ctx.Param(name))) {
        return *v;
    }
    return Error::NotFound("no record '" + std::string(ctx.Param(name)) + "'");
}

Result<std::optional<std::int64_t>> IfMatchVersion(const RouteContext& ctx) {
    std::string_view v = ctx.request.Header("if-match");
    if (v.empty()) {
        return std::optional<std::int64_t>{};
    }
    if (v.starts_with("W/")) {
        v.remove_prefix(2);
    }
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        v = v.substr(1, v.size() - 2);
    }
    if (auto n = ToPositive(v)) {
        return std::optional<std::int64_t>{*n};
    }
    return Error::Invalid("If-Match", "must be the record's version, e.g. \"3\"");
}

Response RenderError(const RouteContext& ctx, const Error& error) {
    return ProblemResponse(error, ctx.request_id);
}

Response Render(
    const RouteContext& ctx, const Result<json::object>& result, unsigned success_status
) {
    if (!result) {
        return RenderError(ctx, result.error());
    }
    Response r = JsonResponse(success_status, json::serialize(*result));
    if (const auto* version = result->if_contains("version");
        version != nullptr && version->is_int64()) {
        r.SetHeader("ETag", "\"" + std::to_string(version->get_int64()) + "\"");
    }
    return r;
}

Response RenderText(
    const RouteContext& ctx, Result<std::string> result, std::string_view content_type
) {
    if (!result) {
        return RenderError(ctx, result.error());
    }
    Response r;
    r.SetHeader("Content-Type", std::string(content_type));
    r.body = std::move(*result);
    return r;
}

}  // namespace isms::http
