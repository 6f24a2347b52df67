// Content-addressed storage of evidence files (ARCHITECTURE.md "Storage"): a file is stored
// once under the SHA-256 of its content in `<data>/blobs/<first two hex digits>/<hex>`, written
// to a temporary file, flushed and renamed into place, so a crash never leaves a half-written
// blob under a valid name. With a blob key, new blobs are written encrypted (the sealed format of
// core/secret_stream.hpp) and still named by the SHA-256 of the plaintext, so deduplication and
// integrity checks work the same; blobs written before the key was set stay readable. Reading
// decrypts, re-hashes and refuses a blob that no longer matches its name.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/secret_stream.hpp"

namespace isms::evidence {

struct StoredBlob {
    std::string sha256;    // lowercase hex
    bool existed = false;  // the same content was already stored (deduplicated)
};

class BlobStore {
public:
    /// `dir` is created (mode 0700) on the first write. With `key`, new blobs are encrypted.
    explicit BlobStore(
        std::filesystem::path dir, std::optional<crypto::StreamKey> key = std::nullopt
    )
        : dir_(std::move(dir)), key_(std::move(key)) {}

    /// Stores `content` unless a blob with its hash exists.
    [[nodiscard]] Result<StoredBlob> Put(std::string_view content) const;
    /// The content stored under `sha256`; kConflict naming the blob when it is missing, cannot
    /// be decrypted (no key configured, another key, damaged or tampered ciphertext) or no longer
    /// hashes to its name (deleted, tampered with or corrupted).
    [[nodiscard]] Result<std::string> Get(std::string_view sha256) const;

    /// Where the blob with this hash lives (whether or not it exists).
    [[nodiscard]] std::filesystem::path PathOf(std::string_view sha256) const;

private:
    [[nodiscard]] Result<std::string> ReadPlain(std::string_view sha256) const;
    [[nodiscard]] Result<std::string> ReadSealed(std::string_view sha256) const;

    std::filesystem::path dir_;
    std::optional<crypto::StreamKey> key_;
};

}  // namespace isms::evidence
