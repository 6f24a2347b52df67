// The PostgreSQL engine: placeholder rewriting, error classes and URL redaction without a
// server; type mapping, error mapping, reconnection, the cross-process write lock, read
// snapshots and concurrent migrations on the real server ISMS_TEST_POSTGRES names (skipped
// when it is unset; `make test` starts one with scripts/with-postgres.sh).
#include "store/postgres/pg_database.hpp"

#include <cstdlib>
#include <thread>

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "store/database_url.hpp"
#include "store/migrate.hpp"
#include "store/postgres/pg_sql.hpp"
#include "store/session.hpp"

namespace isms::store {
namespace {

TEST(RewritePlaceholders, NumbersEachPlaceholderOutsideQuotes) {
    int count = 0;
    EXPECT_EQ(
        RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)", count),
        "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
    );
    EXPECT_EQ(count, 3);
    EXPECT_EQ(
        RewritePlaceholders("SELECT '?', 'it''s ?', \"odd?\" FROM t WHERE x = ? -- why?\n", count),
        "SELECT '?', 'it''s ?', \"odd?\" FROM t WHERE x = $1 -- why?\n"
    );
    EXPECT_EQ(count, 1);
    EXPECT_EQ(RewritePlaceholders("BEGIN", count), "BEGIN");
    EXPECT_EQ(count, 0);
}

TEST(ErrorCodeForSqlState, ConstraintsConflictAndTransientFailuresAreUnavailable) {
    EXPECT_EQ(ErrorCodeForSqlState("23505"), ErrorCode::kConflict);     // unique violation
    EXPECT_EQ(ErrorCodeForSqlState("23503"), ErrorCode::kConflict);     // foreign key
    EXPECT_EQ(ErrorCodeForSqlState("40001"), ErrorCode::kUnavailable);  // serialization
    EXPECT_EQ(ErrorCodeForSqlState("40P01"), ErrorCode::kUnavailable);  // deadlock
    EXPECT_EQ(ErrorCodeForSqlState("55P03"), ErrorCode::kUnavailable);  // lock timeout
    EXPECT_EQ(ErrorCodeForSqlState("08006"), ErrorCode::kUnavailable);  // connection failure
    EXPECT_EQ(ErrorCodeForSqlState("57P01"), ErrorCode::kUnavailable);  // admin shutdown
    EXPECT_EQ(ErrorCodeForSqlState("42P01"), ErrorCode::kInternal);     // undefined table
    EXPECT_EQ(
        SafeErrorText("22P02", "invalid input syntax for type bigint: \"s3cret\"").find("s3cret"),
        std::string::npos
    );
    EXPECT_EQ(
        SafeErrorText("42P01", "relation \"x\" does not exist"),
        "relation \"x\" does not exist (SQLSTATE 42P01)"
    );
}

TEST(DatabaseUrl, RedactsPasswordsAndSwapsTheDatabaseName) {
    EXPECT_EQ(
        RedactDatabaseUrl("postgresql://isms:s3cret@db.example:5432/isms?sslmode=require"),
        "postgresql://isms:***@db.example:5432/isms?sslmode=require"
    );
    EXPECT_EQ(
        RedactDatabaseUrl("postgres://db.example/isms?user=isms&password=s3cret&x=1"),
        "postgres://db.example/isms?user=isms&password=***&x=1"
    );
    EXPECT_EQ(RedactDatabaseUrl("postgresql://isms@db/isms"), "postgresql://isms@db/isms");
    EXPECT_EQ(
        RedactPasswordIn("bad token \"pa%zz\" in pa%zz", "postgresql://u:pa%zz@h/d?password=x"),
        "bad token \"***\" in ***"
    );
    EXPECT_EQ(
        WithDatabaseName("postgresql://u:p@127.0.0.1:5/postgres?sslmode=disable", "other"),
        "postgresql://u:p@127.0.0.1:5/other?sslmode=disable"
    );
    EXPECT_EQ(WithDatabaseName("postgresql://u@h", "other"), "postgresql://u@h/other");
    EXPECT_TRUE(IsPostgresUrl("postgres://h/d"));
    EXPECT_FALSE(IsPostgresUrl("sqlite:///tmp/x"));
}

/// A fresh database on the test server, dropped at the end.
class PgDatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        const char* server = std::getenv("ISMS_TEST_POSTGRES");  // NOLINT(concurrency-mt-unsafe)
        if (server == nullptr || *server == '\0') {
            GTEST_SKIP() << "ISMS_TEST_POSTGRES is not set";
        }
        crypto::InitCrypto();
        server_ = server;
        name_ = "isms_unit_" + std::to_string(::getpid());  // one test per process under CTest
        ASSERT_TRUE(ExecStandalone(server_, "DROP DATABASE IF EXISTS " + name_));
        ASSERT_TRUE(ExecStandalone(server_, "CREATE DATABASE " + name_));
        url_ = WithDatabaseName(server_, name_);
    }
    void TearDown() override {
        if (!name_.empty()) {
            static_cast<void>(
                ExecStandalone(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)")
            );
        }
    }
    [[nodiscard]] std::unique_ptr<PostgresDatabase> Open(int lock_timeout_ms = 5000) const {
        PostgresOptions options;
        options.url = url_;
        options.lock_timeout_ms = lock_timeout_ms;
        return PostgresDatabase::Open(options).value();
    }
    /// Runs `script` in a write transaction of its own and commits it.
    static void Commit(PostgresDatabase& db, const std::string& script) {
        auto writer = db.Writer().value();
        ASSERT_TRUE(writer->ExecScript(script + "; COMMIT"));
    }
    static void Terminate(const std::string& url, std::int64_t pid) {
        ASSERT_TRUE(ExecStandalone(url, "SELECT pg_terminate_backend(" + std::to_string(pid) + ")")
        );
    }

    std::string server_;
    std::string name_;
    std::string url_;
};

TEST_F(PgDatabaseTest, ColumnsComeBackAsOnSqlite) {
    auto db = Open();
    auto reader = db->Reader().value();
    auto rows = reader
                    ->Query(
                        "SELECT 1::int2, 2::int4, 3::int8, true, false, 1.5::float4, "
                        "2.5::float8, 3.25::numeric, NULL, 'x'::text, '2026-01-01'::date, "
                        "COUNT(*) FROM (SELECT 1) s",
                        {}
                    )
                    .value();
    ASSERT_EQ(rows.size(), 1U);
    const SqlRow& r = rows[0];
    EXPECT_EQ(std::get<std::int64_t>(r.values[0]), 1);
    EXPECT_EQ(std::get<std::int64_t>(r.values[1]), 2);
    EXPECT_EQ(std::get<std::int64_t>(r.values[2]), 3);
    EXPECT_EQ(std::get<std::int64_t>(r.values[3]), 1);
    EXPECT_EQ(std::get<std::int64_t>(r.values[4]), 0);
    EXPECT_DOUBLE_EQ(std::get<double>(r.values[5]), 1.5);
    EXPECT_DOUBLE_EQ(std::get<double>(r.values[6]), 2.5);
    EXPECT_DOUBLE_EQ(std::get<double>(r.values[7]), 3.25);
    EXPECT_TRUE(r.IsNull(8));
    EXPECT_EQ(std::get<std::string>(r.values[9]), "x");
    EXPECT_EQ(std::get<std::string>(r.values[10]), "2026-01-01");
    EXPECT_EQ(std::get<std::int64_t>(r.values[11]), 1);
}

TEST_F(PgDatabaseTest, ParametersKeepTheirTypes) {
    auto db = Open();
    auto reader = db->Reader().value();
    auto rows = reader
                    ->Query(
                        "SELECT ? + 1, ? * 2, ? || '!', ?::text IS NULL, '?'",
                        {std::int64_t{41}, 0.25, std::string("it's"), std::monostate{}}
                    )
                    .value();
    EXPECT_EQ(rows.at(0).Int(0), 42);
    EXPECT_DOUBLE_EQ(rows.at(0).Real(1), 0.5);
    EXPECT_EQ(rows.at(0).Text(2), "it's!");
    EXPECT_EQ(rows.at(0).Int(3), 1);
    EXPECT_EQ(rows.at(0).Text(4), "?");
    auto mismatch = reader->Query("SELECT ?", {});
    ASSERT_FALSE(mismatch);
    EXPECT_EQ(mismatch.error().code, ErrorCode::kInternal);
}

TEST_F(PgDatabaseTest, ErrorsAreMappedAndNeverQuoteValues) {
    auto db = Open();
    Commit(*db, "CREATE TABLE t (k TEXT PRIMARY KEY); INSERT INTO t VALUES ('s3cret-key')");
    auto writer = db->Writer().value();
    auto duplicate = writer->Exec("INSERT INTO t (k) VALUES (?)", {std::string("s3cret-key")});
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
    EXPECT_EQ(duplicate.error().message.find("s3cret"), std::string::npos);
    EXPECT_NE(duplicate.error().message.find("23505"), std::string::npos);
    // The failed statement aborted the transaction: COMMIT must not claim success.
    auto commit = writer->ExecScript("COMMIT");
    ASSERT_FALSE(commit);
    auto reader = db->Reader().value();
    auto bad = reader->Query("SELECT ?::bigint", {std::string("s3cret")});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
    EXPECT_EQ(bad.error().message.find("s3cret"), std::string::npos);
    EXPECT_EQ(reader->Columns("t").value(), std::vector<std::string>{"k"});
    EXPECT_TRUE(reader->Columns("missing").value().empty());
}

TEST_F(PgDatabaseTest, ReadersAreReadOnlySnapshots) {
    auto db = Open();
    Commit(*db, "CREATE TABLE n (v BIGINT); INSERT INTO n VALUES (1)");
    auto session = ReadSession::Open(*db, TenantId{1}).value();
    EXPECT_EQ(session.sql().QueryInt("SELECT COUNT(*) FROM n", {}).value(), 1);
    Commit(*db, "INSERT INTO n VALUES (2)");
    EXPECT_EQ(session.sql().QueryInt("SELECT COUNT(*) FROM n", {}).value(), 1);  // snapshot
    auto write = session.sql().Exec("INSERT INTO n VALUES (3)", {});
    ASSERT_FALSE(write);  // read-only transaction
}

TEST_F(PgDatabaseTest, ALeaseDroppedMidTransactionRollsBack) {
    auto db = Open();
    Commit(*db, "CREATE TABLE n (v BIGINT)");
    {
        auto writer = db->Writer().value();
        ASSERT_TRUE(writer->Exec("INSERT INTO n VALUES (1)", {}));
    }  // dropped without COMMIT
    auto reader = db->Reader().value();
    EXPECT_EQ(reader->QueryInt("SELECT COUNT(*) FROM n", {}).value(), 0);
}

TEST_F(PgDatabaseTest, BrokenConnectionsAreReestablished) {
    auto db = Open();
    std::int64_t reader_pid = 0;
    {
        auto reader = db->Reader().value();
        reader_pid = reader->QueryInt("SELECT pg_backend_pid()", {}).value();
    }
    Terminate(url_, reader_pid);
    {
        auto reader = db->Reader().value();  // the same pooled connection, reconnected
        const auto pid = reader->QueryInt("SELECT pg_backend_pid()", {});
        ASSERT_TRUE(pid) << pid.error().message;
        EXPECT_NE(*pid, reader_pid);
    }
    std::int64_t writer_pid = 0;
    {
        auto writer = db->Writer().value();
        writer_pid = writer->QueryInt("SELECT pg_backend_pid()", {}).value();
        ASSERT_TRUE(writer->ExecScript("COMMIT"));
    }
    Terminate(url_, writer_pid);
    auto writer = db->Writer();
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_NE((*writer)->QueryInt("SELECT pg_backend_pid()", {}).value(), writer_pid);
}

TEST_F(PgDatabaseTest, TheRestOfATransactionNeverRunsOnANewConnection) {
    auto db = Open();
    Commit(*db, "CREATE TABLE n (v BIGINT)");
    {
        auto writer = db->Writer().value();
        ASSERT_TRUE(writer->Exec("INSERT INTO n VALUES (1)", {}));
        Terminate(url_, writer->QueryInt("SELECT pg_backend_pid()", {}).value());
        auto lost = writer->Exec("INSERT INTO n VALUES (2)", {});
        ASSERT_FALSE(lost);
        EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable);
        auto after = writer->Exec("INSERT INTO n VALUES (3)", {});  // not autocommitted
        ASSERT_FALSE(after);
        EXPECT_EQ(after.error().code, ErrorCode::kUnavailable);
        EXPECT_FALSE(writer->ExecScript("COMMIT"));
    }
    auto writer = db->Writer();  // the next transaction gets a fresh connection
    ASSERT_TRUE(writer) << writer.error().message;
    EXPECT_EQ((*writer)->QueryInt("SELECT COUNT(*) FROM n", {}).value(), 0);
}

TEST_F(PgDatabaseTest, WritersOfTwoProcessesTakeTurns) {
    auto first = Open();
    auto second = Open(200);  // a short lock_timeout: the wait ends as kUnavailable
    {
        auto holding = first->Writer().value();
        auto waiting = second->Writer();
        ASSERT_FALSE(waiting);
        EXPECT_EQ(waiting.error().code, ErrorCode::kUnavailable);
        EXPECT_EQ(waiting.error().message.find(url_), std::string::npos);
        ASSERT_TRUE(holding->ExecScript("COMMIT"));
    }
    auto now_free = second->Writer();
    ASSERT_TRUE(now_free) << now_free.error().message;
}

TEST_F(PgDatabaseTest, TwoProcessesMigratingAtOnceMigrateOnce) {
    const schema::Registry registry = app::BuildRegistry().value();
    auto first = Open();
    auto second = Open();
    Result<MigrationReport> a = Error::Internal("not run");
    Result<MigrationReport> b = Error::Internal("not run");
    std::thread t1([&] { a = Migrate(*first, registry); });
    std::thread t2([&] { b = Migrate(*second, registry); });
    t1.join();
    t2.join();
    ASSERT_TRUE(a) << a.error().message;
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(a->from_version + b->from_version, LatestSchemaVersion());  // one did it all
    auto reader = first->Reader().value();
    EXPECT_EQ(
        reader->QueryInt("SELECT COUNT(*) FROM schema_version", {}).value(), LatestSchemaVersion()
    );
}

TEST_F(PgDatabaseTest, BackupPointsToPgDump) {
    auto db = Open();
    auto refused = db->Backup("/tmp/never-written.db");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(refused.error().fields.at(0).message.find("pg_dump"), std::string::npos);
}

}  // namespace
}  // namespace isms::store
