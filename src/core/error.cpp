#include "core/error.hpp"

#include <stdexcept>

namespace isms {

Error Error::Invalid(std::string field, std::string message) {
    std::string summary = field + ": " + message;
    return Error{
        ErrorCode::kInvalidArgument, std::move(summary), {{std::move(field), std::move(message)}}};
}

Error Error::Invalid(std::vector<FieldError> fields) {
    std::string summary =
        fields.empty() ? "invalid input" : fields.front().field + ": " + fields.front().message;
    if (fields.size() > 1) {
        summary += " (and " + std::to_string(fields.size() - 1) + " more)";
    }
    return Error{ErrorCode::kInvalidArgument, std::move(summary), std::move(fields)};
}

Error Error::Malformed(std::string message) {
    return Error{ErrorCode::kMalformedInput, std::move(message), {}};
}
Error Error::NotFound(std::string message) {
    return Error{ErrorCode::kNotFound, std::move(message), {}};
}
Error Error::Conflict(std::string message) {
    return Error{ErrorCode::kConflict, std::move(message), {}};
}
Error Error::Stale(std::string message) {
    return Error{ErrorCode::kStaleVersion, std::move(message), {}};
}
Error Error::Unauthenticated(std::string message) {
    return Error{ErrorCode::kUnauthenticated, std::move(message), {}};
}
Error Error::Denied(std::string message) {
    return Error{ErrorCode::kPermissionDenied, std::move(message), {}};
}
Error Error::Internal(std::string message) {
    return Error{ErrorCode::kInternal, std::move(message), {}};
}
Error Error::RateLimited(std::string message, std::int64_t retry_after) {
    return Error{ErrorCode::kRateLimited, std::move(message), {}, retry_after};
}

const char* ErrorName(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
            return "validation";
        case ErrorCode::kMalformedInput:
            return "malformed";
        case ErrorCode::kNotFound:
            return "not-found";
        case ErrorCode::kConflict:
            return "conflict";
        case ErrorCode::kStaleVersion:
            return "stale-version";
        case ErrorCode::kUnauthenticated:
            return "unauthenticated";
        case ErrorCode::kPermissionDenied:
            return "forbidden";
        case ErrorCode::kTooLarge:
            return "too-large";
        case ErrorCode::kRateLimited:
            return "rate-limited";
        case ErrorCode::kUnavailable:
            return "unavailable";
        case ErrorCode::kInternal:
            return "internal";
    }
    return "internal";
}

void throw_exception_from_error(const Error& e, const boost::source_location& /*loc*/) {
    throw std::runtime_error(std::string(ErrorName(e.code)) + ": " + e.message);
}

}  // namespace isms
