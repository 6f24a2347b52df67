// One libpq connection as a store::Connection: `?` placeholders become `$n`, parameters go as
// text with int8/float8 types for numbers (strings and NULLs are left for the server to type
// from their context, as SQLite's affinity does; where a context gives no type, as in
// `? IS NULL`, the SQL casts), and result columns come back by type OID — integers and
// booleans as int64, float4/float8/numeric as double, NULL, everything else text — so callers
// see the values SQLite would give them. A connection that broke is re-established before the
// next statement that starts outside a transaction; after a connection lost inside a
// transaction every statement fails (kUnavailable) until the owner rolls back or the lease
// ends, so the rest of a transaction never runs on a new connection.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/postgres/pg_handles.hpp"
#include "store/sql.hpp"

namespace isms::store {

class PgConnection final : public Connection {
public:
    /// Connects to `url` (postgresql://…) and runs `setup` (SET statements) on every
    /// (re)connection. Errors never contain the password.
    [[nodiscard]] static Result<std::unique_ptr<PgConnection>> Open(
        const std::string& url, std::string setup
    );

    [[nodiscard]] Result<std::vector<SqlRow>> Query(std::string_view sql, const SqlParams& params)
        override;
    [[nodiscard]] Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params) override;
    [[nodiscard]] Status ExecScript(std::string_view sql) override;
    [[nodiscard]] Result<std::vector<std::string>> Columns(std::string_view table) override;
    [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }

    /// Reconnects when the connection is known to be broken; kUnavailable when the server
    /// cannot be reached.
    [[nodiscard]] Status EnsureConnected();
    /// Rolls back a transaction left open (or aborted), so the next user starts clean.
    void EndTransaction();

private:
    PgConnection(PgConnPtr conn, std::string url, std::string setup);
    [[nodiscard]] Status Setup();
    [[nodiscard]] Result<PgResultPtr> Run(std::string_view sql, const SqlParams* params);
    [[nodiscard]] Error ResultError(const PGresult* result, std::string_view sql) const;

    PgConnPtr conn_;
    std::string url_;
    std::string setup_;
    bool lost_transaction_ = false;  // the connection dropped inside a transaction
};

}  // namespace isms::store
