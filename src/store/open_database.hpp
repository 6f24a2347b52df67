// Opens the store a configuration names: the SQLite file in the data directory when the
// `database` setting is empty, PostgreSQL when it is a postgresql:// URL. Every command that
// opens the store (serve, migrate, init, user, token, ledger verify, catalog, bench gen, the
// apitest hosts) comes through here, so all of them honour the setting.
#pragma once

#include <memory>
#include <string>

#include "core/config.hpp"
#include "core/error.hpp"
#include "store/database.hpp"

namespace isms::store {

struct StoreOptions {
    std::string database;          // empty: SQLite at sqlite_path; else a postgresql:// URL
    std::string sqlite_path;       // <data>/isms.db
    bool synchronous_full = true;  // SQLite only
    int readers = 4;               // reader connections
};

/// The store a configuration names: `database`, `<data_dir>/isms.db`, `synchronous`,
/// `reader_connections`.
[[nodiscard]] StoreOptions StoreOptionsFrom(const Config& config);

[[nodiscard]] Result<std::unique_ptr<Database>> OpenDatabase(const StoreOptions& options);

/// True when the ledger table exists and holds at least one event.
[[nodiscard]] Result<bool> HasLedgerEvents(Database& db);

}  // namespace isms::store
