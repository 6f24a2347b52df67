#include "cli/backup.hpp"

#include <filesystem>

#include "core/crypto.hpp"
#include "core/secret_stream.hpp"

namespace isms::cli {

Status WriteBackup(app::App& app, const std::string& out, const std::string& key_file) {
    namespace fs = std::filesystem;
    if (fs::exists(out)) {
        return Error::Conflict(out + " exists; choose a new file");
    }
    if (key_file.empty()) {
        return app.database().Backup(out);
    }
    ISMS_TRY_ASSIGN(
        const crypto::StreamKey key, crypto::LoadStreamKey(key_file, "encrypt-key-file")
    );
    // The data directory (0700) already holds the database in the clear.
    const fs::path plain = fs::path(app.config().data_dir)
                           / ("backup-" + crypto::HexEncode(crypto::RandomBytes(8)) + ".tmp");
    Status written = app.database().Backup(plain.string());
    if (written) {
        written = crypto::SealFile(key, plain, out);
    }
    std::error_code ignored;
    fs::remove(plain, ignored);
    return written;
}

}  // namespace isms::cli
