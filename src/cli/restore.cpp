#include "cli/restore.hpp"

#include <filesystem>

#include "app/registers.hpp"
#include "store/ledger.hpp"
#include "store/ledger_verify.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace isms::cli {

Result<std::int64_t> RestoreBackup(
    const Config& config, const std::string& backup_file, bool force
) {
    namespace fs = std::filesystem;
    const fs::path data(config.data_dir);
    const fs::path target = data / "isms.db";
    if (!config.database.empty()) {
        return Error::Invalid(
            "database",
            "isms restore replaces the SQLite database only; restore PostgreSQL with pg_restore, "
            "then run isms ledger verify"
        );
    }
    if (!fs::exists(backup_file)) {
        return Error::NotFound("no backup file " + backup_file);
    }
    if (fs::exists(target) && !force) {
        return Error::Conflict(target.string() + " exists; add --force to replace it");
    }
    ISMS_TRY_ASSIGN(std::string public_key, store::LoadLedgerPublicKey((data / "keys").string()));
    ISMS_TRY_ASSIGN(auto registry, app::BuildRegistry());
    const fs::path staged = data / "isms.db.restoring";
    std::error_code ec;
    fs::remove(staged, ec);
    fs::copy_file(backup_file, staged, ec);
    if (ec) {
        return Error::Internal("cannot copy " + backup_file + ": " + ec.message());
    }
    std::int64_t events = 0;
    {  // verify, then close the staged copy before it moves
        store::SqliteOptions options;
        options.path = staged.string();
        ISMS_TRY_ASSIGN(auto db, store::SqliteDatabase::Open(options));
        ISMS_TRY_ASSIGN(auto report, store::VerifyLedger(*db, public_key, registry));
        if (!report.ok) {
            db.reset();
            fs::remove(staged, ec);
            return Error::Conflict("the backup does not verify: " + report.problem);
        }
        events = report.events;
    }
    fs::remove(target.string() + "-wal", ec);
    fs::remove(target.string() + "-shm", ec);
    fs::rename(staged, target, ec);
    if (ec) {
        return Error::Internal("cannot move the restored database in place: " + ec.message());
    }
    return events;
}

}  // namespace isms::cli
