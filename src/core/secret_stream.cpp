#include "core/secret_stream.hpp"

#include <algorithm>
#include <fstream>
#include <utility>

#include <sodium.h>

#include "core/crypto.hpp"
#include "core/private_file.hpp"

namespace isms::crypto {

static_assert(kStreamKeyBytes == crypto_secretstream_xchacha20poly1305_KEYBYTES);
static_assert(kSealPrefixBytes == 16 + crypto_secretstream_xchacha20poly1305_HEADERBYTES);

struct SealState {
    crypto_secretstream_xchacha20poly1305_state state{};
    ~SealState() { sodium_memzero(&state, sizeof state); }
};

namespace {

constexpr std::size_t kAuthBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t kSealedChunkBytes = kSealChunkBytes + kAuthBytes;
constexpr std::size_t kKeyIdBytes = 8;
constexpr std::string_view kKeyIdContext = "isms-stream-key-id/v1";

std::string RawKeyId(const StreamKey& key) {
    std::array<unsigned char, crypto_generichash_BYTES_MIN> digest{};
    crypto_generichash(
        digest.data(),
        digest.size(),
        key.bytes.data(),
        key.bytes.size(),
        reinterpret_cast<const unsigned char*>(kKeyIdContext.data()),
        kKeyIdContext.size()
    );
    return {reinterpret_cast<const char*>(digest.data()), kKeyIdBytes};
}

const unsigned char* Bytes(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* Bytes(std::string& text) {
    return reinterpret_cast<unsigned char*>(text.data());
}

/// Feeds the file at `from` to `write` in chunks.
template <class Writer>
Status ReadInto(const std::filesystem::path& from, Writer& writer) {
    std::ifstream in(from, std::ios::binary);
    if (!in) {
        return Error::NotFound("cannot read " + from.string());
    }
    std::string buffer(kSealChunkBytes, '\0');
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got > 0) {
            ISMS_TRY(writer.Write(std::string_view(buffer.data(), got)));
        }
    }
    if (in.bad()) {
        return Error::Internal("cannot read " + from.string());
    }
    return writer.Finish();
}

template <class Transform>
Status TransformFile(
    const StreamKey& key, const std::filesystem::path& from, const std::filesystem::path& to
) {
    ISMS_TRY_ASSIGN(NewPrivateFile out, NewPrivateFile::Create(to));
    Transform transform(key, [&out](std::string_view bytes) { return out.Write(bytes); });
    ISMS_TRY(ReadInto(from, transform));
    return out.Commit();  // `out` removes the file when anything above fails
}

}  // namespace

StreamKey::~StreamKey() {
    sodium_memzero(bytes.data(), bytes.size());
}

StreamKey GenerateStreamKey() {
    StreamKey key;
    crypto_secretstream_xchacha20poly1305_keygen(key.bytes.data());
    return key;
}

Result<StreamKey> ParseStreamKey(std::string_view content, std::string_view setting) {
    StreamKey key;
    if (content.size() == kStreamKeyBytes) {
        std::copy(content.begin(), content.end(), key.bytes.begin());
        return key;
    }
    std::string_view hex = content;
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) {
        hex.remove_suffix(1);
    }
    if (hex.size() == 2 * kStreamKeyBytes) {
        if (auto decoded = HexDecode(hex)) {
            std::copy(decoded->begin(), decoded->end(), key.bytes.begin());
            sodium_memzero(decoded->data(), decoded->size());
            return key;
        }
    }
    return Error::Invalid(
        std::string(setting),
        "a key file must hold exactly 32 bytes or 64 hex digits (got "
            + std::to_string(content.size())
            + " bytes); make one with: head -c 32 /dev/urandom > FILE && chmod 600 FILE"
    );
}

Result<StreamKey> LoadStreamKey(const std::filesystem::path& path, std::string_view setting) {
    ISMS_TRY_ASSIGN(std::string content, ReadPrivateFile(path, setting));
    auto key = ParseStreamKey(content, setting);
    sodium_memzero(content.data(), content.size());
    if (!key) {
        Error e = key.error();
        e.fields.at(0).message = path.string() + ": " + e.fields.at(0).message;
        e.message = std::string(setting) + ": " + e.fields.at(0).message;
        return e;
    }
    return key;
}

Result<std::string> WriteNewStreamKey(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        return Error::Conflict(path.string() + " exists; choose a new file");
    }
    const StreamKey key = GenerateStreamKey();
    ISMS_TRY_ASSIGN(NewPrivateFile file, NewPrivateFile::Create(path));
    ISMS_TRY(file.Write(
        std::string_view(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size())
    ));
    ISMS_TRY(file.Commit());
    return StreamKeyId(key);
}

std::string StreamKeyId(const StreamKey& key) {
    return HexEncode(RawKeyId(key));
}

bool LooksSealed(std::string_view prefix) {
    return prefix.starts_with(kSealMagic);
}

// ---- Sealer -----------------------------------------------------------------------------------

Sealer::Sealer(const StreamKey& key, ByteSink sink)
    : key_(key), sink_(std::move(sink)), state_(std::make_unique<SealState>()) {}

Sealer::~Sealer() {
    sodium_memzero(pending_.data(), pending_.size());
}

Status Sealer::Begin() {
    if (begun_) {
        return {};
    }
    begun_ = true;
    std::string prefix(kSealMagic);
    prefix += RawKeyId(key_);
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    crypto_secretstream_xchacha20poly1305_init_push(
        &state_->state, header.data(), key_.bytes.data()
    );
    prefix.append(reinterpret_cast<const char*>(header.data()), header.size());
    pending_.reserve(kSealChunkBytes);
    return sink_(prefix);
}

Status Sealer::Push(unsigned char tag) {
    sealed_.resize(pending_.size() + kAuthBytes);
    unsigned long long length = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state_->state, Bytes(sealed_), &length, Bytes(pending_), pending_.size(), nullptr, 0, tag
    );
    sodium_memzero(pending_.data(), pending_.size());
    pending_.clear();
    return sink_(std::string_view(sealed_.data(), static_cast<std::size_t>(length)));
}

Status Sealer::Write(std::string_view plaintext) {
    ISMS_TRY(Begin());
    while (!plaintext.empty()) {
        // A full chunk is sealed only once more data follows: the last one carries FINAL.
        if (pending_.size() == kSealChunkBytes) {
            ISMS_TRY(Push(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE));
        }
        const std::size_t take = std::min(kSealChunkBytes - pending_.size(), plaintext.size());
        pending_.append(plaintext.substr(0, take));
        plaintext.remove_prefix(take);
    }
    return {};
}

Status Sealer::Finish() {
    ISMS_TRY(Begin());
    return Push(crypto_secretstream_xchacha20poly1305_TAG_FINAL);
}

// ---- Unsealer ---------------------------------------------------------------------------------

Unsealer::Unsealer(const StreamKey& key, ByteSink sink)
    : key_(key), sink_(std::move(sink)), state_(std::make_unique<SealState>()) {}

Unsealer::~Unsealer() {
    sodium_memzero(opened_.data(), opened_.size());
}

Status Unsealer::Begin() {
    begun_ = true;
    const std::string_view prefix(pending_.data(), kSealPrefixBytes);
    if (!LooksSealed(prefix)) {
        return Error::Conflict("not encrypted by isms (no ISMSENC1 header)");
    }
    const std::string_view key_id = prefix.substr(kSealMagic.size(), kKeyIdBytes);
    if (key_id != RawKeyId(key_)) {
        return Error::Conflict(
            "encrypted with another key (key id " + HexEncode(key_id) + "; the key given has id "
            + StreamKeyId(key_) + ")"
        );
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(
            &state_->state, Bytes(prefix.substr(kSealMagic.size() + kKeyIdBytes)), key_.bytes.data()
        )
        != 0) {
        return Error::Conflict("damaged: the encryption header is invalid");
    }
    pending_.erase(0, kSealPrefixBytes);
    return {};
}

Status Unsealer::Pull() {
    const std::size_t length = std::min(pending_.size(), kSealedChunkBytes);
    if (finished_) {
        return Error::Conflict("damaged: data follows the final chunk");
    }
    if (length < kAuthBytes) {
        return Error::Conflict("damaged: chunk " + std::to_string(chunk_index_) + " is cut short");
    }
    opened_.resize(length - kAuthBytes);
    unsigned long long opened_length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state_->state,
            Bytes(opened_),
            &opened_length,
            &tag,
            Bytes(std::string_view(pending_.data(), length)),
            length,
            nullptr,
            0
        )
        != 0) {
        return Error::Conflict(
            "damaged or tampered with: chunk " + std::to_string(chunk_index_)
            + " does not authenticate"
        );
    }
    pending_.erase(0, length);
    ++chunk_index_;
    finished_ = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    const Status written = sink_(std::string_view(opened_.data(), opened_length));
    sodium_memzero(opened_.data(), opened_.size());
    return written;
}

Status Unsealer::Write(std::string_view sealed) {
    while (!sealed.empty()) {
        const std::size_t want = begun_ ? kSealedChunkBytes + 1 : kSealPrefixBytes;
        const std::size_t take = std::min(want - std::min(want, pending_.size()), sealed.size());
        pending_.append(sealed.substr(0, take));
        sealed.remove_prefix(take);
        if (!begun_ && pending_.size() == kSealPrefixBytes) {
            ISMS_TRY(Begin());
        } else if (begun_ && pending_.size() > kSealedChunkBytes) {
            // A full chunk followed by more data cannot be the last one.
            ISMS_TRY(Pull());
            if (finished_) {
                return Error::Conflict("damaged: data follows the final chunk");
            }
        }
    }
    return {};
}

Status Unsealer::Finish() {
    if (!begun_) {
        return Error::Conflict(
            LooksSealed(pending_) || pending_.empty()
                ? "damaged: cut off inside the encryption header"
                : "not encrypted by isms (no ISMSENC1 header)"
        );
    }
    while (!finished_ && !pending_.empty()) {
        ISMS_TRY(Pull());
    }
    if (!finished_) {
        return Error::Conflict("damaged: cut off before the final chunk");
    }
    if (!pending_.empty()) {
        return Error::Conflict("damaged: data follows the final chunk");
    }
    return {};
}

// ---- files ------------------------------------------------------------------------------------

Status SealFile(
    const StreamKey& key, const std::filesystem::path& from, const std::filesystem::path& to
) {
    return TransformFile<Sealer>(key, from, to);
}

Status UnsealFile(
    const StreamKey& key, const std::filesystem::path& from, const std::filesystem::path& to
) {
    return TransformFile<Unsealer>(key, from, to);
}

bool FileLooksSealed(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string prefix(kSealMagic.size(), '\0');
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    return in.gcount() == static_cast<std::streamsize>(prefix.size()) && LooksSealed(prefix);
}

}  // namespace isms::crypto
