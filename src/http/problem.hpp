// RFC 9457 problem details: the one place where an ErrorCode becomes an HTTP status.
// Every error response is application/problem+json with type, title, status, detail,
// request_id and, for validation errors, errors[] = {field, message}.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace isms::http {

/// Base of problem type URIs; the suffix is ErrorName(code) ("…/problems/validation").
inline constexpr std::string_view kProblemTypeBase = "https://isms.dev/problems/";

[[nodiscard]] unsigned HttpStatus(ErrorCode code);

/// A problem response for a domain error.
[[nodiscard]] Response ProblemResponse(const Error& error, std::string_view request_id);

/// A problem response decided by the transport or router (404 route, 405, 413, 431, 500);
/// `type` is the suffix ("not-found", "method-not-allowed", "too-large", "internal").
[[nodiscard]] Response ProblemResponse(
    unsigned status, std::string_view type, std::string_view detail, std::string_view request_id
);

}  // namespace isms::http
