// The pure parts of the PostgreSQL engine, kept apart from libpq so unit tests need no server:
// rewriting the portable `?` placeholders to PostgreSQL's `$n`, and the error class a SQLSTATE
// belongs to (constraint violations are conflicts as on SQLite; serialization failures,
// deadlocks, lock timeouts and lost connections are "unavailable", worth a retry).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::store {

/// `sql` with every `?` outside quoted literals, quoted identifiers and `--` comments replaced
/// by `$1`, `$2`, … in order; `count` receives the number of placeholders.
[[nodiscard]] std::string RewritePlaceholders(std::string_view sql, int& count);

/// The ErrorCode for a five-character SQLSTATE ("23505" → kConflict, "40001" → kUnavailable).
[[nodiscard]] ErrorCode ErrorCodeForSqlState(std::string_view sqlstate);

/// The text of a server error for our messages: the primary message, except for data
/// exceptions (class 22), whose messages quote the offending value; those are named by
/// SQLSTATE only, so parameter values never reach a log or a response.
[[nodiscard]] std::string SafeErrorText(std::string_view sqlstate, std::string_view primary);

}  // namespace isms::store
