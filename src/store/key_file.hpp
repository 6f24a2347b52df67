// The instance's key files in <data>/keys/: the ledger signing key (ledger.key) and the
// secrets key (secrets.key). A secret file is created mode 0600 in a 0700 directory and
// refused when group or others may read it, so a careless copy never goes unnoticed.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <sys/types.h>

#include "core/error.hpp"

namespace isms::store {

/// The text of `path` without trailing newlines and spaces; kNotFound when it cannot be read.
[[nodiscard]] Result<std::string> ReadTextFile(const std::filesystem::path& path);
/// Writes `text` and a newline to `path`, then sets `mode`.
[[nodiscard]] Status WriteTextFile(
    const std::filesystem::path& path, const std::string& text, mode_t mode
);

/// The text of the secret file `keys_dir`/`name`. When it is missing, creates `keys_dir`
/// (0700) and writes what `create` returns (0600); `create` may write companion files
/// (a public key) into the directory. kPermissionDenied when group or others can read it.
[[nodiscard]] Result<std::string> LoadOrCreateSecretFile(
    const std::filesystem::path& keys_dir,
    std::string_view name,
    const std::function<Result<std::string>()>& create
);

}  // namespace isms::store
