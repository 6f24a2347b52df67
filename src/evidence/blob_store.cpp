#include "evidence/blob_store.hpp"

#include <atomic>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"

namespace isms::evidence {

namespace {

namespace fs = std::filesystem;

bool IsHexDigest(std::string_view text) {
    return text.size() == 64
           && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// Writes `content` to a new file at `path` (mode 0600) and flushes it to the disk.
Status WriteDurably(const fs::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::Internal("cannot create " + path.string());
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n <= 0) {
            ::close(fd);
            return Error::Internal("cannot write " + path.string());
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        return Error::Internal("cannot flush " + path.string());
    }
    return {};
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
    if (auto written = WriteDurably(temporary, content); !written) {
        fs::remove(temporary, ec);
        return written.error();
    }
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
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) {
        return Error::Conflict(fmt::format(
            "blob {} fails its integrity check: it is missing from the blob store", sha256
        ));
    }
    std::ostringstream content;
    content << in.rdbuf();
    std::string bytes = std::move(content).str();
    if (crypto::HexEncode(crypto::Sha256(bytes)) != sha256) {
        return Error::Conflict(fmt::format(
            "blob {} fails its integrity check: its content no longer has that SHA-256", sha256
        ));
    }
    return bytes;
}

}  // namespace isms::evidence
