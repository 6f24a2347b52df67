#include "store/open_database.hpp"

#include <filesystem>

#include "store/database_url.hpp"
#include "store/postgres/pg_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace isms::store {

StoreOptions StoreOptionsFrom(const Config& config) {
    StoreOptions options;
    options.database = config.database;
    options.sqlite_path = (std::filesystem::path(config.data_dir) / "isms.db").string();
    options.synchronous_full = config.synchronous == "full";
    options.readers = config.reader_connections;
    return options;
}

Result<std::unique_ptr<Database>> OpenDatabase(const StoreOptions& options) {
    if (options.database.empty()) {
        SqliteOptions sqlite;
        sqlite.path = options.sqlite_path;
        sqlite.synchronous_full = options.synchronous_full;
        sqlite.readers = options.readers;
        ISMS_TRY_ASSIGN(auto db, SqliteDatabase::Open(sqlite));
        return std::unique_ptr<Database>(std::move(db));
    }
    if (!IsPostgresUrl(options.database)) {
        return Error::Invalid(
            "database", "expected empty (SQLite in the data directory) or a postgresql:// URL"
        );
    }
    PostgresOptions postgres;
    postgres.url = options.database;
    postgres.readers = options.readers;
    ISMS_TRY_ASSIGN(auto db, PostgresDatabase::Open(postgres));
    return std::unique_ptr<Database>(std::move(db));
}

Result<bool> HasLedgerEvents(Database& db) {
    ISMS_TRY_ASSIGN(ConnectionLease conn, db.Reader());
    ISMS_TRY_ASSIGN(auto columns, conn->Columns("ledger"));
    if (columns.empty()) {
        return false;
    }
    ISMS_TRY_ASSIGN(auto rows, conn->Query("SELECT 1 FROM ledger LIMIT 1", {}));
    return !rows.empty();
}

}  // namespace isms::store
