// Errors a caller can expect, as values: one closed ErrorCode, an Error with the fields it
// concerns, and Result<T> (boost::system::result until C++23 brings std::expected).
// The code is mapped to the outside world in exactly two places: http/problem.cpp (HTTP status)
// and cli/exit_code.cpp (process exit code); see docs/adr/0002-error-model.md.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

namespace isms {

enum class ErrorCode {
    kInvalidArgument,   // input violates a rule; FieldError names the field
    kMalformedInput,    // input cannot be parsed at all (JSON syntax, bad query string)
    kNotFound,          // no such object inside the caller's tenant
    kConflict,          // state conflict: duplicate, wrong lifecycle state, concurrent change
    kStaleVersion,      // optimistic concurrency: the If-Match / version no longer matches
    kUnauthenticated,   // no or invalid credentials
    kPermissionDenied,  // authenticated, but the role or ownership does not allow it
    kTooLarge,          // input over a size limit
    kRateLimited,       // too many attempts (failed log-ons): retry after `retry_after` seconds
    kUnavailable,       // database busy or timed out after retries
    kInternal,          // a bug or an infrastructure failure (I/O, corrupted store)
};

/// One problem with one input field; `field` is a dotted path ("extra.cost", "tags[2]").
struct FieldError {
    std::string field;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;
    std::vector<FieldError> fields;
    std::int64_t retry_after = 0;  // kRateLimited: seconds until a retry may be accepted

    [[nodiscard]] static Error Invalid(std::string field, std::string message);
    [[nodiscard]] static Error Invalid(std::vector<FieldError> fields);
    [[nodiscard]] static Error Malformed(std::string message);
    [[nodiscard]] static Error NotFound(std::string message);
    [[nodiscard]] static Error Conflict(std::string message);
    [[nodiscard]] static Error Stale(std::string message);
    [[nodiscard]] static Error Unauthenticated(std::string message);
    [[nodiscard]] static Error Denied(std::string message);
    [[nodiscard]] static Error Internal(std::string message);
    [[nodiscard]] static Error RateLimited(std::string message, std::int64_t retry_after);
};

/// Stable machine name of a code ("validation", "not-found", …): the problem+json type suffix.
[[nodiscard]] const char* ErrorName(ErrorCode code);

template <class T>
using Result = boost::system::result<T, Error>;
using Status = Result<void>;

/// Called by boost::system::result::value() on an error: throws std::runtime_error.
[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

}  // namespace isms

#define ISMS_CONCAT_INNER(a, b) a##b
#define ISMS_CONCAT(a, b) ISMS_CONCAT_INNER(a, b)

/// Evaluates a Result/Status expression and returns its error from the enclosing function.
#define ISMS_TRY(expr)                                  \
    do {                                                \
        auto&& isms_try_result_ = (expr);               \
        if (!isms_try_result_) {                        \
            return std::move(isms_try_result_).error(); \
        }                                               \
    } while (false)

#define ISMS_TRY_ASSIGN_IMPL(tmp, decl, expr) \
    auto tmp = (expr);                        \
    if (!tmp) {                               \
        return std::move(tmp).error();        \
    }                                         \
    decl = std::move(*tmp)

/// `ISMS_TRY_ASSIGN(auto risk, LoadRisk(id));` binds the value or returns the error.
#define ISMS_TRY_ASSIGN(decl, expr) \
    ISMS_TRY_ASSIGN_IMPL(ISMS_CONCAT(isms_try_, __LINE__), decl, expr)
