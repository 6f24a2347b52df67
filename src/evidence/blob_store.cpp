#include "evidence/blob_store.hpp"

#include <atomic>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"
#include "core/private_file.hpp"

namespace isms::evidence {

namespace {

namespace fs = std::filesystem;

bool IsHexDigest(std::string_view text) {
    return text.size() == 64
           && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// Flushes a directory so a rename inside it survives a crash.
void SyncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

/// Creates `dir` (mode 0700) when missing and flushes its parent, so that the new directory
/// entry survives a power loss together with the blob renamed into it.
Status MakeDirectory(const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        return {};
    }
    fs::create_directories(dir, ec);
    if (ec || ::chmod(dir.c_str(), 0700) != 0) {
        return Error::Internal("cannot create " + dir.string());
    }
    SyncDirectory(dir.parent_path());
    return {};
}

/// Writes `content` to the new file `path` (0600, flushed), sealed when `key` is given.
Status WriteBlobFile(
    const fs::path& path, std::string_view content, const std::optional<crypto::StreamKey>& key
) {
    ISMS_TRY_ASSIGN(NewPrivateFile file, NewPrivateFile::Create(path));
    if (key) {
        crypto::Sealer sealer(*key, [&file](std::string_view bytes) { return file.Write(bytes); });
        ISMS_TRY(sealer.Write(content));
        ISMS_TRY(sealer.Finish());
    } else {
        ISMS_TRY(file.Write(content));
    }
    return file.Commit();
}

Error IntegrityError(std::string_view sha256, std::string_view why) {
    return Error::Conflict(fmt::format("blob {} fails its integrity check: {}", sha256, why));
}

}  // namespace

fs::path BlobStore::PathOf(std::string_view sha256) const {
    return dir_ / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

Result<StoredBlob> BlobStore::Put(std::string_view content) const {
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(content));
    const fs::path target = PathOf(sha256);
    std::error_code ec;
    if (fs::exists(target, ec)) {
        return StoredBlob{sha256, true};
    }
    ISMS_TRY(MakeDirectory(dir_));
    ISMS_TRY(MakeDirectory(target.parent_path()));
    static std::atomic<std::uint64_t> counter{0};
    const fs::path temporary =
        target.parent_path()
        / fmt::format(".{}.{}.{}.tmp", sha256.substr(0, 16), ::getpid(), counter.fetch_add(1));
    ISMS_TRY(WriteBlobFile(temporary, content, key_));
    // Two writers of the same content rename equal files onto one name: either wins.
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return Error::Internal("cannot move blob " + sha256 + " into place");
    }
    SyncDirectory(target.parent_path());
    return StoredBlob{sha256, false};
}

Result<std::string> BlobStore::Get(std::string_view sha256) const {
    if (!IsHexDigest(sha256)) {
        return Error::Internal(fmt::format("'{}' is not a SHA-256 blob name", sha256));
    }
    if (!crypto::FileLooksSealed(PathOf(sha256))) {
        return ReadPlain(sha256);
    }
    // A plaintext file may start like a sealed one (an encrypted backup kept as evidence):
    // it is plaintext when its bytes hash to its name.
    if (!key_) {
        if (auto plain = ReadPlain(sha256)) {
            return plain;
        }
        return Error::Conflict(fmt::format(
            "blob {} is encrypted and no blob key is configured (set blob_key_file or "
            "ISMS_BLOB_KEY_FILE)",
            sha256
        ));
    }
    auto opened = ReadSealed(sha256);
    if (!opened) {
        if (auto plain = ReadPlain(sha256)) {
            return plain;
        }
    }
    return opened;
}

Result<std::string> BlobStore::ReadPlain(std::string_view sha256) const {
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) {
        return IntegrityError(sha256, "it is missing from the blob store");
    }
    std::ostringstream content;
    content << in.rdbuf();
    std::string bytes = std::move(content).str();
    if (crypto::HexEncode(crypto::Sha256(bytes)) != sha256) {
        return IntegrityError(sha256, "its content no longer has that SHA-256");
    }
    return bytes;
}

Result<std::string> BlobStore::ReadSealed(std::string_view sha256) const {
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) {
        return IntegrityError(sha256, "it is missing from the blob store");
    }
    std::string plaintext;
    crypto::Sha256Hasher hasher;
    crypto::Unsealer unsealer(*key_, [&](std::string_view bytes) -> Status {
        hasher.Update(bytes);
        plaintext.append(bytes);
        return {};
    });
    std::string chunk(crypto::kSealChunkBytes, '\0');
    Status opened;
    while (opened && in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        opened =
            unsealer.Write(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (opened) {
        opened = unsealer.Finish();
    }
    if (!opened) {
        return IntegrityError(sha256, "it cannot be decrypted: " + opened.error().message);
    }
    if (crypto::HexEncode(hasher.Finish()) != sha256) {
        return IntegrityError(sha256, "its decrypted content no longer has that SHA-256");
    }
    return plaintext;
}

}  // namespace isms::evidence
