// SQLite engine of the store: WAL journal, synchronous=FULL by default (a committed write
// survives power loss), one writer connection and a pool of readers, each with a cache of
// prepared statements. Busy waits are bounded by a timeout and surface as kUnavailable.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/connection_pool.hpp"
#include "store/database.hpp"

namespace isms::store {

struct SqliteOptions {
    std::string path;              // database file; created when missing
    bool synchronous_full = true;  // false: synchronous=NORMAL (faster, may lose last commits)
    int readers = 4;               // maximum reader connections
    int busy_timeout_ms = 5000;
};

class SqliteDatabase final : public Database {
public:
    [[nodiscard]] static Result<std::unique_ptr<SqliteDatabase>> Open(const SqliteOptions& options);
    ~SqliteDatabase() override;

    [[nodiscard]] Result<ConnectionLease> Reader() override;
    [[nodiscard]] Result<ConnectionLease> Writer() override;
    [[nodiscard]] Dialect dialect() const override { return Dialect::kSqlite; }
    [[nodiscard]] Status Backup(const std::string& path) override;

private:
    explicit SqliteDatabase(SqliteOptions options);
    [[nodiscard]] Result<std::unique_ptr<Connection>> Connect(bool writer) const;

    SqliteOptions options_;
    std::unique_ptr<Connection> writer_;
    std::mutex writer_mutex_;
    ConnectionPool readers_;
};

}  // namespace isms::store
