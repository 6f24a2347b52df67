// The Database: a source of connections. Readers come from a pool; the writer is one
// connection handed out exclusively, so every write transaction is serialized (the ledger
// chain needs a single order). Engines implement it: SqliteDatabase and PostgresDatabase
// (which also orders the writers of several processes: docs/adr/0004).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "store/sql.hpp"

namespace isms::store {

/// A borrowed connection; returns it to its owner when destroyed. Move-only.
class ConnectionLease {
public:
    ConnectionLease(Connection* connection, std::function<void(Connection*)> release)
        : connection_(connection), release_(std::move(release)) {}
    ConnectionLease(ConnectionLease&& other) noexcept
        : connection_(std::exchange(other.connection_, nullptr)),
          release_(std::move(other.release_)) {}
    ConnectionLease& operator=(ConnectionLease&&) = delete;
    ConnectionLease(const ConnectionLease&) = delete;
    ConnectionLease& operator=(const ConnectionLease&) = delete;
    ~ConnectionLease() {
        if (connection_ != nullptr) {
            release_(connection_);
        }
    }

    [[nodiscard]] Connection& operator*() const { return *connection_; }
    [[nodiscard]] Connection* operator->() const { return connection_; }

private:
    Connection* connection_;
    std::function<void(Connection*)> release_;
};

class Database {
public:
    virtual ~Database() = default;

    /// A pooled connection for reading; waits for a free one.
    [[nodiscard]] virtual Result<ConnectionLease> Reader() = 0;
    /// The writer connection, exclusively, with a write transaction begun; the caller
    /// commits or rolls back (WriteTx does both).
    [[nodiscard]] virtual Result<ConnectionLease> Writer() = 0;
    [[nodiscard]] virtual Dialect dialect() const = 0;
    /// Writes a consistent copy of the whole database to `path` while it stays in use.
    [[nodiscard]] virtual Status Backup(const std::string& path) = 0;
};

}  // namespace isms::store
