#include "core/crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include "core/assert.hpp"

namespace isms::crypto {

namespace {

// argon2id parameters: libsodium's "moderate" preset (3 passes, 256 MiB) is too heavy for a
// server answering concurrent log-ons on 2 cores; OWASP's current minimum for argon2id is
// m=19 MiB, t=2, p=1. We use t=3, m=64 MiB (RFC 9106's second recommended option).
constexpr unsigned long long kPwOpsLimit = 3;
constexpr std::size_t kPwMemLimit = 64ULL * 1024 * 1024;

// SHA-256 comes from OpenSSL, which uses the CPU's SHA extensions where present (several times
// faster than libsodium's portable code); ledger hashing and verification are bound by it.
const EVP_MD* Sha256Md() {
    static const EVP_MD* md = EVP_sha256();
    return md;
}

EVP_MD_CTX* ThreadContext() {
    struct Holder {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        ~Holder() { EVP_MD_CTX_free(ctx); }
    };
    thread_local Holder holder;
    ISMS_CHECK(holder.ctx != nullptr, "out of memory for a digest context");
    return holder.ctx;
}

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

void InitCrypto() {
    ISMS_CHECK(sodium_init() >= 0, "libsodium failed to initialize");
}

Sha256Digest Sha256(std::string_view data) {
    Sha256Digest out{};
    EVP_MD_CTX* ctx = ThreadContext();
    const bool ok = EVP_DigestInit_ex2(ctx, Sha256Md(), nullptr) == 1
                    && EVP_DigestUpdate(ctx, data.data(), data.size()) == 1
                    && EVP_DigestFinal_ex(ctx, out.data(), nullptr) == 1;
    ISMS_CHECK(ok, "SHA-256 failed");
    return out;
}

void Sha256Hasher::ContextDeleter::operator()(evp_md_ctx_st* ctx) const noexcept {
    EVP_MD_CTX_free(ctx);
}

Sha256Hasher::Sha256Hasher() : ctx_(EVP_MD_CTX_new()) {
    ISMS_CHECK(
        ctx_ != nullptr && EVP_DigestInit_ex2(ctx_.get(), Sha256Md(), nullptr) == 1,
        "SHA-256 init failed"
    );
}

void Sha256Hasher::Update(std::string_view data) {
    ISMS_CHECK(
        EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) == 1, "SHA-256 update failed"
    );
}

void Sha256Hasher::Update(const Sha256Digest& digest) {
    ISMS_CHECK(
        EVP_DigestUpdate(ctx_.get(), digest.data(), digest.size()) == 1, "SHA-256 update failed"
    );
}

Sha256Digest Sha256Hasher::Finish() {
    Sha256Digest out{};
    ISMS_CHECK(EVP_DigestFinal_ex(ctx_.get(), out.data(), nullptr) == 1, "SHA-256 final failed");
    return out;
}

std::string HexEncode(std::string_view bytes) {
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), Bytes(bytes), bytes.size());
    out.pop_back();
    return out;
}

std::string HexEncode(const Sha256Digest& digest) {
    return HexEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

Result<std::string> HexDecode(std::string_view hex) {
    std::string out(hex.size() / 2, '\0');
    std::size_t len = 0;
    const char* end = nullptr;
    if (hex.size() % 2 != 0
        || sodium_hex2bin(
               reinterpret_cast<unsigned char*>(out.data()),
               out.size(),
               hex.data(),
               hex.size(),
               nullptr,
               &len,
               &end
           ) != 0
        || end != hex.data() + hex.size()) {
        return Error::Malformed("not a hex string");
    }
    out.resize(len);
    return out;
}

std::string RandomBytes(std::size_t n) {
    std::string out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

std::string RandomToken(std::size_t bytes) {
    const std::string raw = RandomBytes(bytes);
    const std::size_t max_len =
        sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    std::string out(max_len, '\0');
    sodium_bin2base64(
        out.data(), out.size(), Bytes(raw), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING
    );
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SigningKey GenerateSigningKey() {
    SigningKey key;
    key.public_key.resize(crypto_sign_PUBLICKEYBYTES);
    key.secret_key.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(
        reinterpret_cast<unsigned char*>(key.public_key.data()),
        reinterpret_cast<unsigned char*>(key.secret_key.data())
    );
    return key;
}

std::string Sign(const SigningKey& key, std::string_view message) {
    ISMS_CHECK(key.secret_key.size() == crypto_sign_SECRETKEYBYTES, "signing key not loaded");
    std::string sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(
        reinterpret_cast<unsigned char*>(sig.data()),
        nullptr,
        Bytes(message),
        message.size(),
        Bytes(key.secret_key)
    );
    return sig;
}

bool VerifySignature(
    std::string_view public_key, std::string_view message, std::string_view signature
) {
    if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
        return false;
    }
    return crypto_sign_verify_detached(
               Bytes(signature), Bytes(message), message.size(), Bytes(public_key)
           )
           == 0;
}

Result<std::string> HashPassword(std::string_view password) {
    std::string out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), kPwOpsLimit, kPwMemLimit)
        != 0) {
        return Error::Internal("out of memory while hashing a password");
    }
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

bool VerifyPassword(std::string_view phc_hash, std::string_view password) {
    const std::string hash(phc_hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view phc_hash) {
    const std::string hash(phc_hash);
    return crypto_pwhash_str_needs_rehash(hash.c_str(), kPwOpsLimit, kPwMemLimit) != 0;
}

}  // namespace isms::crypto
