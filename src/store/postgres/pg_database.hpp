// PostgreSQL engine of the store (libpq): one writer connection and a pool of readers per
// process, each re-established when it breaks. Several isms processes may share one database:
// every write transaction takes the transaction-scoped advisory lock kWriteLockKey right after
// BEGIN, so writes of all processes — and with them the ledger chain — have one order
// (docs/adr/0004-cross-server-write-order.md). Readers run in REPEATABLE READ READ ONLY
// snapshots. Lock waits are bounded by lock_timeout and surface as kUnavailable.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"

namespace isms::store {

/// The advisory lock key every write transaction holds ("isms" in ASCII).
inline constexpr std::int64_t kWriteLockKey = 0x69736d73;

struct PostgresOptions {
    std::string url;             // postgresql://user:password@host:port/dbname
    int readers = 4;             // maximum reader connections
    int lock_timeout_ms = 5000;  // longest wait for the write lock or a row lock
};

class PostgresDatabase final : public Database {
public:
    /// Connects the writer; readers connect on demand. Errors name the redacted URL.
    [[nodiscard]] static Result<std::unique_ptr<PostgresDatabase>> Open(
        const PostgresOptions& options
    );
    ~PostgresDatabase() override;

    [[nodiscard]] Result<ConnectionLease> Reader() override;
    [[nodiscard]] Result<ConnectionLease> Writer() override;
    [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }
    /// Refuses: a PostgreSQL database is backed up with pg_dump (docs/operations.md).
    [[nodiscard]] Status Backup(const std::string& path) override;

private:
    explicit PostgresDatabase(PostgresOptions options);

    PostgresOptions options_;
    std::unique_ptr<PgConnection> writer_;
    std::mutex writer_mutex_;
    ConnectionPool readers_;
};

/// Runs `sql` on a connection of its own, outside any transaction (CREATE or DROP DATABASE),
/// then disconnects.
[[nodiscard]] Status ExecStandalone(const std::string& url, std::string_view sql);

}  // namespace isms::store
