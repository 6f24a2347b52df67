// `isms backup`: a consistent copy of the running instance's database, written as is or
// encrypted with a backup key (the sealed format of core/secret_stream.hpp).
#pragma once

#include <string>

#include "app/app.hpp"
#include "core/error.hpp"

namespace isms::cli {

/// Writes the backup to the new file `out` (refused when it exists). With `key_file` non-empty
/// the copy is encrypted with that key (32 bytes, mode 0600; errors name `encrypt-key-file`);
/// the plaintext copy made on the way lives only inside the data directory and is removed.
[[nodiscard]] Status WriteBackup(
    app::App& app, const std::string& out, const std::string& key_file
);

}  // namespace isms::cli
