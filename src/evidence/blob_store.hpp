// Content-addressed storage of evidence files (ARCHITECTURE.md "Storage"): a file is stored
// once under its SHA-256 in `<data>/blobs/<first two hex digits>/<hex>`, written to a temporary
// file, flushed and renamed into place, so a crash never leaves a half-written blob under a
// valid name. Reading re-hashes the content and refuses a blob that no longer matches.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::evidence {

struct StoredBlob {
    std::string sha256;    // lowercase hex
    bool existed = false;  // the same content was already stored (deduplicated)
};

class BlobStore {
public:
    /// `dir` is created (mode 0700) on the first write.
    explicit BlobStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

    /// Stores `content` unless a blob with its hash exists.
    [[nodiscard]] Result<StoredBlob> Put(std::string_view content) const;
    /// The content stored under `sha256`; kConflict naming the blob when it is missing or its
    /// content no longer hashes to its name (deleted, tampered with or corrupted).
    [[nodiscard]] Result<std::string> Get(std::string_view sha256) const;

    /// Where the blob with this hash lives (whether or not it exists).
    [[nodiscard]] std::filesystem::path PathOf(std::string_view sha256) const;

private:
    std::filesystem::path dir_;
};

}  // namespace isms::evidence
