// `isms restore`: puts a backup made by `isms backup` (encrypted or not) in place of the data
// directory's database, after checking that its ledger verifies with this instance's key.
#pragma once

#include <string>

#include "core/config.hpp"
#include "core/error.hpp"

namespace isms::cli {

/// Verifies `backup_file` and installs it as <data>/isms.db; returns the number of ledger
/// events verified. Refuses to replace an existing database unless `force`. An encrypted
/// backup needs `key_file` (the key it was made with; errors name `decrypt-key-file`), a plain
/// one must come without. A wrong key, a damaged file or a ledger that does not verify change
/// nothing. The server must be stopped.
[[nodiscard]] Result<std::int64_t> RestoreBackup(
    const Config& config, const std::string& backup_file, bool force, const std::string& key_file
);

}  // namespace isms::cli
