// The `database` setting: empty for the SQLite file in the data directory, or a PostgreSQL
// URL (postgresql://user:password@host:port/dbname?…). The password in it is a secret: only
// the redacted form may appear in logs, console output and error messages.
#pragma once

#include <string>
#include <string_view>

namespace isms::store {

/// True for `postgresql://…` and `postgres://…`.
[[nodiscard]] bool IsPostgresUrl(std::string_view url);

/// The URL with the password (after `user:` and in a `password=` query parameter) replaced by
/// `***`; anything else is returned unchanged.
[[nodiscard]] std::string RedactDatabaseUrl(std::string_view url);

/// `text` with every occurrence of the URL's password replaced by `***`: for messages of
/// libpq, which may quote a malformed part of the URL.
[[nodiscard]] std::string RedactPasswordIn(std::string text, std::string_view url);

/// The URL with its database name (the path) set to `name`, keeping user, host, port and
/// query: how tests and tools address a database next to the one a URL names.
[[nodiscard]] std::string WithDatabaseName(std::string_view url, std::string_view name);

}  // namespace isms::store
