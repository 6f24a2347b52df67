// Files only their owner may read: secret keys (ledger, TLS, blob and backup keys) and the
// files isms writes that hold secrets or copies of the database. A key file that group or others
// can read is refused rather than used, so a leaked permission is noticed instead of hidden.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include <sys/types.h>

#include "core/error.hpp"

namespace isms {

/// Checks that `path` is a readable regular file whose mode grants nothing to group or others.
/// `setting` (e.g. "tls_key") names the flag or setting in the message. Missing or unreadable
/// files are kInvalidArgument for `setting`; a file group or others may read is
/// kPermissionDenied: "refusing PATH: readable by group or others (chmod 600 it)".
[[nodiscard]] Status CheckPrivateFile(const std::filesystem::path& path, std::string_view setting);

/// CheckPrivateFile, then the whole content of the file.
[[nodiscard]] Result<std::string> ReadPrivateFile(
    const std::filesystem::path& path, std::string_view setting
);

/// The text of `path` without trailing newlines and spaces; kNotFound when it cannot be read.
[[nodiscard]] Result<std::string> ReadTextFile(const std::filesystem::path& path);
/// Writes `text` and a newline to `path`, then sets `mode`.
[[nodiscard]] Status WriteTextFile(
    const std::filesystem::path& path, const std::string& text, mode_t mode
);

/// The text of the secret file `keys_dir`/`name` (the instance's keys in <data>/keys/: the
/// ledger signing key, the secrets key). When it is missing, creates `keys_dir` (0700) and
/// writes what `create` returns (0600); `create` may write companion files (a public key) into
/// the directory. Refused as CheckPrivateFile refuses (kPermissionDenied when group or others
/// can read it).
[[nodiscard]] Result<std::string> LoadOrCreateSecretFile(
    const std::filesystem::path& keys_dir,
    std::string_view name,
    const std::function<Result<std::string>()>& create
);

/// A new file (mode 0600, never an existing one) written in pieces and flushed to the disk by
/// Commit. Dropped without Commit, the file is closed and removed.
class NewPrivateFile {
public:
    [[nodiscard]] static Result<NewPrivateFile> Create(std::filesystem::path path);
    NewPrivateFile(NewPrivateFile&& other) noexcept;
    NewPrivateFile& operator=(NewPrivateFile&&) = delete;
    NewPrivateFile(const NewPrivateFile&) = delete;
    NewPrivateFile& operator=(const NewPrivateFile&) = delete;
    ~NewPrivateFile();

    [[nodiscard]] Status Write(std::string_view bytes);
    /// fsync and close; the file stays.
    [[nodiscard]] Status Commit();

private:
    NewPrivateFile(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}

    std::filesystem::path path_;
    int fd_ = -1;
};

}  // namespace isms
