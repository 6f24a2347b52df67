// A real SQLite store in a temporary directory for unit tests of the store layer.
#pragma once

#include <filesystem>
#include <memory>

#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "store/ledger.hpp"
#include "store/migrate.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace isms::testing {

struct TempStore {
    std::filesystem::path dir;
    std::unique_ptr<store::SqliteDatabase> db;
    store::LedgerKey key;
    schema::Registry registry;
    FixedClock clock{*ParseTimestamp("2026-03-01T09:00:00Z")};

    TempStore() {
        crypto::InitCrypto();
        dir = std::filesystem::temp_directory_path() / ("isms-unit-" + crypto::RandomToken(8));
        std::filesystem::create_directories(dir);
        key = store::LoadOrCreateLedgerKey((dir / "keys").string()).value();
        registry = app::BuildRegistry().value();
        Reopen();
    }
    ~TempStore() {
        db.reset();
        std::filesystem::remove_all(dir);
    }
    void Reopen() {
        db.reset();
        store::SqliteOptions options;
        options.path = (dir / "isms.db").string();
        db = store::SqliteDatabase::Open(options).value();
        static_cast<void>(store::Migrate(*db, registry).value());
    }
    /// Runs raw SQL on a separate connection, as an attacker with file access would.
    void Tamper(const std::string& sql) {
        auto writer = db->Writer().value();
        writer->ExecScript(sql).value();
        writer->ExecScript("COMMIT").value();
    }
    [[nodiscard]] TenantId MakeTenant(const std::string& slug) {
        auto writer = db->Writer().value();
        const auto id =
            writer
                ->QueryInt(
                    "INSERT INTO tenants (slug, name, created_at) VALUES (?, ?, ?) RETURNING id",
                    {slug, slug, std::string("2026-03-01T09:00:00Z")}
                )
                .value();
        writer->ExecScript("COMMIT").value();
        return TenantId{id};
    }
};

}  // namespace isms::testing
