#include "cli/restore.hpp"

#include <filesystem>
#include <optional>

#include "app/registers.hpp"
#include "core/secret_stream.hpp"
#include "store/ledger.hpp"
#include "store/ledger_verify.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace isms::cli {

namespace {

/// Copies (or, with a key, decrypts) the backup to `staged`.
Status Stage(
    const std::string& backup_file,
    const std::filesystem::path& staged,
    const std::optional<crypto::StreamKey>& key
) {
    if (!key) {
        std::error_code ec;
        std::filesystem::copy_file(backup_file, staged, ec);
        if (ec) {
            return Error::Internal("cannot copy " + backup_file + ": " + ec.message());
        }
        return {};
    }
    if (auto opened = crypto::UnsealFile(*key, backup_file, staged); !opened) {
        return Error::Conflict("cannot decrypt " + backup_file + ": " + opened.error().message);
    }
    return {};
}

}  // namespace

Result<std::int64_t> RestoreBackup(
    const Config& config, const std::string& backup_file, bool force, const std::string& key_file
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
    const bool sealed = crypto::FileLooksSealed(backup_file);
    if (sealed && key_file.empty()) {
        return Error::Invalid(
            "decrypt-key-file", backup_file + " is encrypted: name its key with --decrypt-key-file"
        );
    }
    if (!sealed && !key_file.empty()) {
        return Error::Invalid(
            "decrypt-key-file", backup_file + " is not encrypted: leave out --decrypt-key-file"
        );
    }
    std::optional<crypto::StreamKey> key;
    if (sealed) {
        ISMS_TRY_ASSIGN(key, crypto::LoadStreamKey(key_file, "decrypt-key-file"));
    }
    ISMS_TRY_ASSIGN(std::string public_key, store::LoadLedgerPublicKey((data / "keys").string()));
    ISMS_TRY_ASSIGN(auto registry, app::BuildRegistry());
    const fs::path staged = data / "isms.db.restoring";
    std::error_code ec;
    fs::remove(staged, ec);
    ISMS_TRY(Stage(backup_file, staged, key));
    auto verified = [&]() -> Result<std::int64_t> {  // closes the staged copy before it moves
        store::SqliteOptions options;
        options.path = staged.string();
        ISMS_TRY_ASSIGN(auto db, store::SqliteDatabase::Open(options));
        ISMS_TRY_ASSIGN(auto report, store::VerifyLedger(*db, public_key, registry));
        if (!report.ok) {
            return Error::Conflict("the backup does not verify: " + report.problem);
        }
        return report.events;
    }();
    if (!verified) {  // nothing changes: the staged copy goes, the database stays
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(staged.string() + suffix, ec);
        }
        return verified.error();
    }
    fs::remove(target.string() + "-wal", ec);
    fs::remove(target.string() + "-shm", ec);
    fs::rename(staged, target, ec);
    if (ec) {
        return Error::Internal("cannot move the restored database in place: " + ec.message());
    }
    return *verified;
}

}  // namespace isms::cli
