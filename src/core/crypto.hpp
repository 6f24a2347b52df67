// Cryptographic helpers: SHA-256 (OpenSSL), Ed25519 signatures, random bytes and tokens, and
// argon2id password hashes (libsodium). Call InitCrypto() once before anything else (the app does).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

struct evp_md_ctx_st;  // OpenSSL EVP_MD_CTX

namespace isms::crypto {

using Sha256Digest = std::array<std::uint8_t, 32>;

/// Initializes libsodium; safe to call more than once. Aborts if the library cannot start.
void InitCrypto();

[[nodiscard]] Sha256Digest Sha256(std::string_view data);

/// Incremental SHA-256 for hashing several pieces without concatenating them.
class Sha256Hasher {
public:
    Sha256Hasher();
    void Update(std::string_view data);
    void Update(const Sha256Digest& digest);
    [[nodiscard]] Sha256Digest Finish();

private:
    struct ContextDeleter {
        void operator()(evp_md_ctx_st* ctx) const noexcept;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> ctx_;
};

[[nodiscard]] std::string HexEncode(std::string_view bytes);
[[nodiscard]] std::string HexEncode(const Sha256Digest& digest);
/// Decodes lowercase or uppercase hex; error when the text is not hex of even length.
[[nodiscard]] Result<std::string> HexDecode(std::string_view hex);

[[nodiscard]] std::string RandomBytes(std::size_t n);
/// A URL-safe random token of `bytes` bytes of entropy, base64url without padding.
[[nodiscard]] std::string RandomToken(std::size_t bytes = 32);

/// Compares two strings in time that depends only on their length.
[[nodiscard]] bool ConstantTimeEquals(std::string_view a, std::string_view b);

struct SigningKey {
    std::string public_key;  // 32 bytes
    std::string secret_key;  // 64 bytes (libsodium layout: seed ‖ public key)
};

[[nodiscard]] SigningKey GenerateSigningKey();
[[nodiscard]] std::string Sign(const SigningKey& key, std::string_view message);  // 64 bytes
[[nodiscard]] bool VerifySignature(
    std::string_view public_key, std::string_view message, std::string_view signature
);

/// argon2id hash in the self-describing PHC string format ("$argon2id$v=19$m=…").
[[nodiscard]] Result<std::string> HashPassword(std::string_view password);
[[nodiscard]] bool VerifyPassword(std::string_view phc_hash, std::string_view password);
/// True when the hash was made with other parameters than HashPassword uses now.
[[nodiscard]] bool PasswordNeedsRehash(std::string_view phc_hash);

}  // namespace isms::crypto
