#include "store/postgres/pg_database.hpp"

namespace isms::store {

namespace {

std::string SessionSetup(const PostgresOptions& options, bool writer) {
    std::string setup = "SET client_min_messages = warning; SET lock_timeout = "
                        + std::to_string(options.lock_timeout_ms) + ";";
    if (!writer) {
        setup += "SET default_transaction_read_only = on;";  // as SQLite's query_only readers
    }
    return setup;
}

}  // namespace

PostgresDatabase::PostgresDatabase(PostgresOptions options)
    : options_(std::move(options)),
      readers_(
          static_cast<std::size_t>(options_.readers),
          [this]() -> Result<std::unique_ptr<Connection>> {
              ISMS_TRY_ASSIGN(
                  auto conn, PgConnection::Open(options_.url, SessionSetup(options_, false))
              );
              return std::unique_ptr<Connection>(std::move(conn));
          },
          [](Connection& c) { static_cast<PgConnection&>(c).EndTransaction(); }
      ) {}

PostgresDatabase::~PostgresDatabase() = default;

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::Open(const PostgresOptions& options) {
    std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(options));
    ISMS_TRY_ASSIGN(db->writer_, PgConnection::Open(options.url, SessionSetup(options, true)));
    return db;
}

Result<ConnectionLease> PostgresDatabase::Writer() {
    std::unique_lock lock(writer_mutex_);
    // The in-process mutex orders this process's writers; the advisory lock orders processes.
    auto begun = writer_->ExecScript(
        "BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")"
    );
    if (!begun) {
        writer_->EndTransaction();
        return begun.error();
    }
    lock.release();  // the lease holds the mutex until it ends
    return ConnectionLease(writer_.get(), [this](Connection*) {
        writer_->EndTransaction();  // a lease dropped mid-transaction rolls back
        writer_mutex_.unlock();
    });
}

Result<ConnectionLease> PostgresDatabase::Reader() {
    ISMS_TRY_ASSIGN(ConnectionLease lease, readers_.Acquire());
    ISMS_TRY(static_cast<PgConnection&>(*lease).EnsureConnected());  // the lease goes back
    return lease;
}

Status PostgresDatabase::Backup(const std::string& /*path*/) {
    return Error::Invalid(
        "database",
        "isms backup copies the SQLite database only; back up PostgreSQL with pg_dump "
        "(pg_dump --format=custom) and keep the data directory's keys/ with it"
    );
}

Status ExecStandalone(const std::string& url, std::string_view sql) {
    ISMS_TRY_ASSIGN(auto conn, PgConnection::Open(url, "SET client_min_messages = warning"));
    return conn->ExecScript(sql);
}

}  // namespace isms::store
