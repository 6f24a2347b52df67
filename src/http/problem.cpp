#include "http/problem.hpp"

#include "core/json.hpp"

namespace isms::http {

namespace {

std::string_view Title(unsigned status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Content Too Large";
        case 415:
            return "Unsupported Media Type";
        case 422:
            return "Unprocessable Content";
        case 428:
            return "Precondition Required";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 503:
            return "Service Unavailable";
        default:
            return status >= 500 ? "Internal Server Error" : "Error";
    }
}

Response Render(json::object problem, unsigned status) {
    Response r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/problem+json");
    r.body = json::serialize(problem);
    return r;
}

json::object Base(
    unsigned status, std::string_view type, std::string_view detail, std::string_view request_id
) {
    json::object p;
    p["type"] = std::string(kProblemTypeBase) + std::string(type);
    p["title"] = Title(status);
    p["status"] = status;
    p["detail"] = detail;
    p["request_id"] = request_id;
    return p;
}

}  // namespace

unsigned HttpStatus(ErrorCode code) {
    switch (code) {  // no default: -Wswitch names any enumerator left unmapped
        case ErrorCode::kInvalidArgument:
            return 422;
        case ErrorCode::kMalformedInput:
            return 400;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kStaleVersion:
            return 412;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kPermissionDenied:
            return 403;
        case ErrorCode::kTooLarge:
            return 413;
        case ErrorCode::kRateLimited:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInternal:
            return 500;
    }
    return 500;
}

Response ProblemResponse(const Error& error, std::string_view request_id) {
    const unsigned status = HttpStatus(error.code);
    json::object p = Base(status, ErrorName(error.code), error.message, request_id);
    if (!error.fields.empty()) {
        json::array errors;
        for (const auto& f : error.fields) {
            errors.push_back(json::object{{"field", f.field}, {"message", f.message}});
        }
        p["errors"] = std::move(errors);
    }
    Response r = Render(std::move(p), status);
    if (error.code == ErrorCode::kUnauthenticated) {
        r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"isms\"");
    }
    if (error.code == ErrorCode::kRateLimited && error.retry_after > 0) {
        r.headers.emplace_back("Retry-After", std::to_string(error.retry_after));
    }
    return r;
}

Response ProblemResponse(
    unsigned status, std::string_view type, std::string_view detail, std::string_view request_id
) {
    return Render(Base(status, type, detail, request_id), status);
}

}  // namespace isms::http
