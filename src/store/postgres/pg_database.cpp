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

PostgresDatabase::PostgresDatabase(PostgresOptions options) : options_(std::move(options)) {}

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
    std::unique_lock lock(pool_mutex_);
    if (idle_readers_.empty() && readers_.size() < static_cast<std::size_t>(options_.readers)) {
        ISMS_TRY_ASSIGN(auto conn, PgConnection::Open(options_.url, SessionSetup(options_, false)));
        readers_.push_back(std::move(conn));
        idle_readers_.push_back(readers_.back().get());
    }
    pool_cv_.wait(lock, [this] { return !idle_readers_.empty(); });
    PgConnection* conn = idle_readers_.back();
    idle_readers_.pop_back();
    lock.unlock();
    auto release = [this](Connection* c) {
        static_cast<PgConnection*>(c)->EndTransaction();
        {
            const std::lock_guard guard(pool_mutex_);
            idle_readers_.push_back(static_cast<PgConnection*>(c));
        }
        pool_cv_.notify_one();
    };
    if (auto connected = conn->EnsureConnected(); !connected) {
        release(conn);
        return connected.error();
    }
    return ConnectionLease(conn, release);
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
