// Secrets isms must read back later (a user's TOTP seed), sealed with the instance's secrets
// key, <data>/keys/secrets.key (32 random bytes as hex, mode 0600, created beside
// ledger.key and refused when group or others can read it). XSalsa20-Poly1305 (libsodium
// crypto_secretbox) with a fresh random nonce per seal; a changed or foreign box fails to open.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::iam {

class SecretBox {
public:
    /// Loads <keys_dir>/secrets.key, creating it when missing.
    [[nodiscard]] static Result<SecretBox> LoadOrCreate(const std::string& keys_dir);
    /// A box with the given 32-byte key (tests).
    [[nodiscard]] static Result<SecretBox> FromKey(std::string key);

    /// hex(nonce ‖ ciphertext ‖ tag) of `plaintext`.
    [[nodiscard]] std::string Seal(std::string_view plaintext) const;
    /// The plaintext of a box Seal made with this key; kInternal when it does not open.
    [[nodiscard]] Result<std::string> Open(std::string_view sealed_hex) const;

private:
    explicit SecretBox(std::string key) : key_(std::move(key)) {}

    std::string key_;
};

}  // namespace isms::iam
