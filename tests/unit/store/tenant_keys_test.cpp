// Tenant-leading keys (docs/adr/0005-tenant-leading-keys.md), read from the live catalog of a
// freshly migrated database and of one migrated from schema version 9 (built from steps 1-9 and
// register tables of the version-9 shape, with rows in them), on SQLite and on the PostgreSQL
// server ISMS_TEST_POSTGRES names (skipped when it is unset; scripts/with-postgres.sh sets it).
#include "store/tenant_keys.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <unistd.h>

#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "store/database_url.hpp"
#include "store/migrate.hpp"
#include "store/postgres/pg_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace isms::store {
namespace {

struct Index {
    std::string name;
    bool unique = false;
    bool primary = false;
    std::vector<std::string> columns;
};

// A table's keys as the engine's catalog reports them.
struct TableKeys {
    std::vector<std::string> primary_key;  // SQLite: the declared PRIMARY KEY columns
    std::vector<Index> indexes;            // PostgreSQL: the primary key's index too
};

std::vector<std::string> Split(const std::string& csv) {
    std::vector<std::string> out;
    std::string::size_type start = 0;
    while (start <= csv.size() && !csv.empty()) {
        const auto comma = csv.find(',', start);
        out.push_back(csv.substr(start, comma - start));
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

std::map<std::string, TableKeys> SqliteTenantTables(Connection& conn) {
    std::map<std::string, TableKeys> tables;
    auto names = conn.Query(
                         "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS "
                         "(SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'tenant_id')",
                         {}
    )
                     .value();
    for (const auto& row : names) {
        const std::string table = row.Text(0);
        TableKeys& keys = tables[table];
        for (const auto& c :
             conn.Query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", {table})
                 .value()) {
            keys.primary_key.push_back(c.Text(0));
        }
        for (const auto& i :
             conn.Query("SELECT name, \"unique\", origin FROM pragma_index_list(?)", {table})
                 .value()) {
            Index index{i.Text(0), i.Int(1) != 0, i.Text(2) == "pk", {}};
            for (const auto& c :
                 conn.Query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {index.name})
                     .value()) {
                index.columns.push_back(c.Text(0));
            }
            keys.indexes.push_back(index);
        }
    }
    return tables;
}

std::map<std::string, TableKeys> PostgresTenantTables(Connection& conn) {
    std::map<std::string, TableKeys> tables;
    auto rows = conn.Query(
                        "SELECT t.relname, i.relname, x.indisunique, x.indisprimary, "
                        "array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) "
                        "WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = "
                        "x.indrelid AND a.attnum = k.attnum ORDER BY k.ord), ',') "
                        "FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid "
                        "JOIN pg_class i ON i.oid = x.indexrelid "
                        "JOIN pg_namespace n ON n.oid = t.relnamespace "
                        "WHERE n.nspname = current_schema() AND t.relname IN (SELECT table_name "
                        "FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND column_name = 'tenant_id')",
                        {}
    )
                    .value();
    for (const auto& row : rows) {
        TableKeys& keys = tables[row.Text(0)];
        Index index{row.Text(1), row.Int(2) != 0, row.Int(3) != 0, Split(row.Text(4))};
        if (index.primary) {
            keys.primary_key = index.columns;
        }
        keys.indexes.push_back(index);
    }
    return tables;
}

// What every tenant table must satisfy; the ledger is one global chain (ADR 0004) and keeps
// `seq` as its key.
void ExpectTenantLeadingKeys(Connection& conn) {
    const bool postgres = conn.dialect() == Dialect::kPostgres;
    const auto tables = postgres ? PostgresTenantTables(conn) : SqliteTenantTables(conn);
    const auto columns_of = [&](const std::string& table) {
        return conn.Columns(table).value();
    };
    std::set<std::string> checked;
    for (const auto& [table, keys] : tables) {
        if (table == "ledger") {
            continue;
        }
        checked.insert(table);
        const auto columns = columns_of(table);
        const bool surrogate = std::find(columns.begin(), columns.end(), "id") != columns.end();
        if (postgres && surrogate) {
            EXPECT_EQ(keys.primary_key, (std::vector<std::string>{"tenant_id", "id"})) << table;
        } else if (!postgres && surrogate) {
            EXPECT_EQ(keys.primary_key, std::vector<std::string>{"id"}) << table << ": the rowid";
        } else {
            ASSERT_FALSE(keys.primary_key.empty()) << table << " has no primary key";
            EXPECT_EQ(keys.primary_key.front(), "tenant_id") << table;
        }
        for (const Index& index : keys.indexes) {
            const bool token_lookup = index.name == table + "_by_token_hash";
            ASSERT_FALSE(index.columns.empty()) << index.name;
            if (token_lookup) {
                EXPECT_FALSE(index.unique) << index.name;
                EXPECT_EQ(index.columns, std::vector<std::string>{"token_hash"});
                continue;
            }
            EXPECT_EQ(index.columns.front(), "tenant_id")
                << table << " index " << index.name << (index.unique ? " (unique)" : "");
        }
    }
    for (const std::string& expected : TenantTablesWithSurrogateId()) {
        EXPECT_TRUE(checked.contains(expected)) << expected << " not in the catalog";
    }
    EXPECT_TRUE(checked.contains("r_risks"));
    EXPECT_TRUE(checked.contains("memberships"));
}

// One empty database of either engine, removed afterwards.
class TenantKeysTest : public ::testing::TestWithParam<Dialect> {
protected:
    void SetUp() override {
        crypto::InitCrypto();
        registry_ = app::BuildRegistry().value();
        const std::string suffix = std::to_string(::getpid()) + "_" + crypto::RandomToken(4);
        if (GetParam() == Dialect::kSqlite) {
            dir_ = std::filesystem::temp_directory_path() / ("isms-unit-keys-" + suffix);
            std::filesystem::create_directories(dir_);
            SqliteOptions options;
            options.path = (dir_ / "isms.db").string();
            db_ = SqliteDatabase::Open(options).value();
            return;
        }
        const char* server = std::getenv("ISMS_TEST_POSTGRES");  // NOLINT(concurrency-mt-unsafe)
        if (server == nullptr || *server == '\0') {
            GTEST_SKIP() << "ISMS_TEST_POSTGRES is not set";
        }
        server_ = server;
        name_ = "isms_unit_keys_" + std::to_string(::getpid());
        ASSERT_TRUE(ExecStandalone(server_, "DROP DATABASE IF EXISTS " + name_));
        ASSERT_TRUE(ExecStandalone(server_, "CREATE DATABASE " + name_));
        PostgresOptions options;
        options.url = WithDatabaseName(server_, name_);
        db_ = PostgresDatabase::Open(options).value();
    }
    void TearDown() override {
        db_.reset();
        if (!name_.empty()) {
            static_cast<void>(
                ExecStandalone(server_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)")
            );
        }
        if (!dir_.empty()) {
            std::filesystem::remove_all(dir_);
        }
    }

    /// A database as isms left it at schema version 9: system steps 1-9 and every register
    /// table in the shape of that version (`id` alone the primary key).
    void BuildVersion9() {
        auto conn = db_->Writer().value();
        const Dialect d = conn->dialect();
        ASSERT_TRUE(conn->ExecScript("CREATE TABLE schema_version (version BIGINT NOT NULL)"));
        for (int v = 1; v <= 9; ++v) {
            ASSERT_TRUE(conn->ExecScript(SystemStepSql(v, d)));
            ASSERT_TRUE(
                conn->Exec("INSERT INTO schema_version (version) VALUES (?)", {std::int64_t{v}})
            );
        }
        for (const schema::RegisterSpec& spec : registry_.All()) {
            std::string ddl = "CREATE TABLE " + RegisterTable(spec) + " (id "
                              + (d == Dialect::kSqlite
                                     ? std::string("INTEGER PRIMARY KEY")
                                     : std::string("BIGINT GENERATED BY DEFAULT AS IDENTITY "
                                                   "PRIMARY KEY"))
                              + ", tenant_id BIGINT NOT NULL REFERENCES tenants(id), ref_num "
                                "BIGINT NOT NULL, ref TEXT NOT NULL, version BIGINT NOT NULL, "
                                "created_at TEXT NOT NULL, created_by BIGINT NOT NULL, "
                                "updated_at TEXT NOT NULL, updated_by BIGINT NOT NULL, "
                                "owner BIGINT, tags TEXT NOT NULL, extra TEXT NOT NULL, "
                                "archived_at TEXT";
            for (const auto& f : spec.fields) {
                ddl += ", " + f.name + " " + ColumnType(f.type);
            }
            ASSERT_TRUE(conn->ExecScript(ddl + ", UNIQUE (tenant_id, ref_num))"));
        }
        ASSERT_TRUE(conn->ExecScript("COMMIT"));
    }

    /// Rows in every table step 10 and the register migration change, for two tenants.
    void InsertRows() {
        auto conn = db_->Writer().value();
        const std::string at = "2026-03-01T09:00:00Z";
        const auto user = conn->QueryInt(
                                  "INSERT INTO users (email, name, password_hash, created_at) "
                                  "VALUES ('a@example.org', 'A', 'x', ?) RETURNING id",
                                  {at}
        )
                              .value();
        for (const std::string slug : {"one", "two"}) {
            const auto tenant = conn->QueryInt(
                                        "INSERT INTO tenants (slug, name, created_at) VALUES (?, "
                                        "?, ?) RETURNING id",
                                        {slug, slug, at}
            )
                                    .value();
            const SqlParams t{tenant};
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, 'admin')",
                {tenant, user}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO sessions (token_hash, tenant_id, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at, remote) VALUES (?, ?, ?, 'c', ?, ?, ?, '127.0.0.1')",
                {"session-" + slug, tenant, user, at, at, at}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO api_tokens (token_hash, tenant_id, user_id, name, scope, created_at) "
                "VALUES (?, ?, ?, 'ci', 'read', ?)",
                {"token-" + slug, tenant, user, at}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO catalog_libraries (tenant_id, urn, version, format, name, source, "
                "sha256, document, imported_at, imported_by) VALUES (?, 'urn:x', '1', 'yaml', "
                "'X', 'file', 'h', 'doc', ?, ?)",
                {tenant, at, user}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO risk_acceptances (tenant_id, risk_id, level, method_version, "
                "snapshot, snapshot_sha256, signature, key_id, approver, accepted_at, comment, "
                "expires_on) VALUES (?, 1, 'low', 1, 's', 'h', 'sig', 'k', ?, ?, 'ok', "
                "'2027-01-01')",
                {tenant, user, at}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO soa_decisions (tenant_id, control_urn, document, updated_at, "
                "updated_by) VALUES (?, 'urn:c', 'd', ?, ?)",
                {tenant, at, user}
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO evidence_revisions (tenant_id, evidence_id, revision, sha256, "
                "document) VALUES (?, 1, 1, 'h', 'd')",
                t
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO assessment_results (tenant_id, assessment_id, requirement_urn, "
                "result, document) VALUES (?, 1, 'urn:r', 'met', 'd')",
                t
            ));
            ASSERT_TRUE(conn->Exec(
                "INSERT INTO r_risks (tenant_id, ref_num, ref, version, created_at, created_by, "
                "updated_at, updated_by, tags, extra, title) VALUES (?, 1, 'RSK-1', 1, ?, ?, ?, "
                "?, '[]', '{}', ?)",
                {tenant, at, user, at, user, "risk of " + slug}
            ));
        }
        ASSERT_TRUE(conn->ExecScript("COMMIT"));
    }

    /// Every table's rows, as text, in key order: what a migration must keep.
    std::map<std::string, std::vector<std::string>> Snapshot() {
        auto conn = db_->Reader().value();
        std::map<std::string, std::vector<std::string>> rows;
        const std::vector<std::pair<std::string, std::string>> queries = {
            {"sessions", "tenant_id || ':' || id || ':' || token_hash || ':' || remote"},
            {"api_tokens", "tenant_id || ':' || id || ':' || token_hash || ':' || name"},
            {"catalog_libraries", "tenant_id || ':' || id || ':' || urn"},
            {"risk_acceptances", "tenant_id || ':' || id || ':' || level"},
            {"soa_decisions", "tenant_id || ':' || id || ':' || control_urn"},
            {"evidence_revisions", "tenant_id || ':' || id || ':' || sha256"},
            {"assessment_results", "tenant_id || ':' || id || ':' || result"},
            {"r_risks", "tenant_id || ':' || id || ':' || ref || ':' || title"},
        };
        for (const auto& [table, expr] : queries) {
            for (const auto& row :
                 conn->Query("SELECT " + expr + " FROM " + table + " ORDER BY tenant_id, id", {})
                     .value()) {
                rows[table].push_back(row.Text(0));
            }
        }
        return rows;
    }

    std::filesystem::path dir_;
    std::string server_;
    std::string name_;
    std::unique_ptr<Database> db_;
    schema::Registry registry_;
};

TEST_P(TenantKeysTest, AFreshDatabaseHasTenantLeadingKeys) {
    const auto report = Migrate(*db_, registry_).value();
    EXPECT_EQ(report.to_version, LatestSchemaVersion());
    auto conn = db_->Reader().value();
    ExpectTenantLeadingKeys(*conn);
}

TEST_P(TenantKeysTest, AVersion9DatabaseIsMigratedAndKeepsItsRows) {
    BuildVersion9();
    InsertRows();
    const auto before = Snapshot();
    ASSERT_EQ(before.at("sessions").size(), 2U);
    ASSERT_EQ(before.at("r_risks").size(), 2U);

    const auto report = Migrate(*db_, registry_).value();
    EXPECT_EQ(report.from_version, 9);
    EXPECT_EQ(report.to_version, LatestSchemaVersion());
    const bool postgres = GetParam() == Dialect::kPostgres;
    const auto rekeyed =
        std::count_if(report.changes.begin(), report.changes.end(), [](const std::string& c) {
            return c.starts_with("primary key of r_");
        });
    EXPECT_EQ(rekeyed, postgres ? static_cast<long>(registry_.All().size()) : 0L);
    {
        auto conn = db_->Reader().value();
        ExpectTenantLeadingKeys(*conn);
    }
    EXPECT_EQ(Snapshot(), before);

    // The ids go on from the old ones, and the token hash is unique per tenant now.
    auto conn = db_->Writer().value();
    const auto next = conn->QueryInt(
                              "INSERT INTO sessions (token_hash, tenant_id, user_id, csrf_token, "
                              "created_at, last_seen_at, expires_at) VALUES ('session-new', 1, "
                              "1, 'c', 'a', 'a', 'a') RETURNING id",
                              {}
    )
                          .value();
    EXPECT_GT(next, 2);
    const auto again = conn->Exec(
        "INSERT INTO sessions (token_hash, tenant_id, user_id, csrf_token, created_at, "
        "last_seen_at, expires_at) VALUES ('session-new', 1, 1, 'c', 'a', 'a', 'a')",
        {}
    );
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(TenantKeysTest, MigratingAgainChangesNothing) {
    BuildVersion9();
    static_cast<void>(Migrate(*db_, registry_).value());
    const auto second = Migrate(*db_, registry_).value();
    EXPECT_EQ(second.from_version, LatestSchemaVersion());
    EXPECT_TRUE(second.changes.empty()) << second.changes.front();
}

INSTANTIATE_TEST_SUITE_P(
    Engines,
    TenantKeysTest,
    ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
    [](const ::testing::TestParamInfo<Dialect>& engine) {
        return engine.param == Dialect::kSqlite ? "Sqlite" : "Postgres";
    }
);

}  // namespace
}  // namespace isms::store
