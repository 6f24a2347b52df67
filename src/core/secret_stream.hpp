// Authenticated encryption of data at rest (evidence blobs, backups) with libsodium's
// crypto_secretstream_xchacha20poly1305, in isms's sealed format:
//   "ISMSENC1" | key id (8 bytes) | secretstream header (24 bytes) | chunks
// Every chunk but the last seals exactly kSealChunkBytes of plaintext (plus 17 bytes of tag and
// MAC); the last seals the rest and carries the FINAL tag. A wrong key (by its id), a changed,
// reordered or removed chunk and a cut-off end are all detected. Data passes through a chunk at a
// time, so a large file is never held whole a second time.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::crypto {

inline constexpr std::size_t kStreamKeyBytes = 32;
inline constexpr std::size_t kSealChunkBytes = 64 * 1024;
inline constexpr std::string_view kSealMagic = "ISMSENC1";
/// Magic, key id and secretstream header: what comes before the first chunk.
inline constexpr std::size_t kSealPrefixBytes = 8 + 8 + 24;

/// A 32-byte secret key; wiped from memory when destroyed.
struct StreamKey {
    std::array<unsigned char, kStreamKeyBytes> bytes{};

    StreamKey() = default;
    StreamKey(const StreamKey&) = default;
    StreamKey& operator=(const StreamKey&) = default;
    ~StreamKey();
};

[[nodiscard]] StreamKey GenerateStreamKey();
/// A key file holds exactly 32 bytes, or 64 hex digits (optionally followed by a newline).
/// Errors name `setting`.
[[nodiscard]] Result<StreamKey> ParseStreamKey(std::string_view content, std::string_view setting);
/// Reads a key file, refused when group or others may read it (CheckPrivateFile).
[[nodiscard]] Result<StreamKey> LoadStreamKey(
    const std::filesystem::path& path, std::string_view setting
);
/// Writes a new random key to the new file `path` (32 bytes, mode 0600; never overwrites) and
/// returns its id.
[[nodiscard]] Result<std::string> WriteNewStreamKey(const std::filesystem::path& path);
/// 16 hex digits naming a key without revealing it; sealed data records it.
[[nodiscard]] std::string StreamKeyId(const StreamKey& key);

/// Whether data starting with `prefix` looks sealed (begins with kSealMagic).
[[nodiscard]] bool LooksSealed(std::string_view prefix);

/// Receives output in pieces; an error stops the stream.
using ByteSink = std::function<Status(std::string_view)>;

struct SealState;  // secret_stream.cpp: the libsodium state

/// Encrypts what is written into the sealed format, handing the output to `sink`.
class Sealer {
public:
    Sealer(const StreamKey& key, ByteSink sink);
    ~Sealer();
    Sealer(const Sealer&) = delete;
    Sealer& operator=(const Sealer&) = delete;

    [[nodiscard]] Status Write(std::string_view plaintext);
    /// Seals the last chunk; call once, after every Write.
    [[nodiscard]] Status Finish();

private:
    [[nodiscard]] Status Begin();
    [[nodiscard]] Status Push(unsigned char tag);

    StreamKey key_;
    ByteSink sink_;
    std::unique_ptr<SealState> state_;
    bool begun_ = false;
    std::string pending_;  // plaintext of the chunk being filled
    std::string sealed_;   // output buffer of one chunk
};

/// Decrypts sealed data written to it in pieces of any size, handing the plaintext to `sink`.
/// Errors are kConflict and say what is wrong: not sealed, sealed with another key (both key
/// ids), a chunk that does not authenticate (damaged or tampered with), data cut off before the
/// final chunk, or data after it.
class Unsealer {
public:
    Unsealer(const StreamKey& key, ByteSink sink);
    ~Unsealer();
    Unsealer(const Unsealer&) = delete;
    Unsealer& operator=(const Unsealer&) = delete;

    [[nodiscard]] Status Write(std::string_view sealed);
    /// Checks that the final chunk arrived; call once, after every Write.
    [[nodiscard]] Status Finish();

private:
    [[nodiscard]] Status Begin();
    [[nodiscard]] Status Pull();

    StreamKey key_;
    ByteSink sink_;
    std::unique_ptr<SealState> state_;
    bool begun_ = false;
    bool finished_ = false;  // the FINAL chunk was opened
    std::size_t chunk_index_ = 0;
    std::string pending_;  // sealed bytes not yet opened
    std::string opened_;   // output buffer of one chunk
};

/// Seals the file `from` into the new file `to` (mode 0600, flushed); `to` must not exist and
/// is removed again on failure.
[[nodiscard]] Status SealFile(
    const StreamKey& key, const std::filesystem::path& from, const std::filesystem::path& to
);
/// Opens the sealed file `from` into the new file `to` (mode 0600); on any error (Unsealer's)
/// `to` is removed, so nothing half-decrypted stays behind.
[[nodiscard]] Status UnsealFile(
    const StreamKey& key, const std::filesystem::path& from, const std::filesystem::path& to
);
/// Whether the file at `path` starts like sealed data (false when it cannot be read).
[[nodiscard]] bool FileLooksSealed(const std::filesystem::path& path);

}  // namespace isms::crypto
