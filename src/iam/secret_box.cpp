#include "iam/secret_box.hpp"

#include <sodium.h>

#include "core/crypto.hpp"
#include "core/private_file.hpp"

namespace isms::iam {

namespace {

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Result<SecretBox> SecretBox::LoadOrCreate(const std::string& keys_dir) {
    ISMS_TRY_ASSIGN(
        const std::string hex,
        LoadOrCreateSecretFile(
            keys_dir,
            "secrets.key",
            []() -> Result<std::string> {
                return crypto::HexEncode(crypto::RandomBytes(crypto_secretbox_KEYBYTES));
            }
        )
    );
    auto key = crypto::HexDecode(hex);
    if (!key || key->size() != crypto_secretbox_KEYBYTES) {
        return Error::Internal(keys_dir + "/secrets.key is not a 32-byte key in hex");
    }
    return SecretBox(std::move(*key));
}

Result<SecretBox> SecretBox::FromKey(std::string key) {
    if (key.size() != crypto_secretbox_KEYBYTES) {
        return Error::Internal("a secrets key has 32 bytes");
    }
    return SecretBox(std::move(key));
}

std::string SecretBox::Seal(std::string_view plaintext) const {
    const std::string nonce = crypto::RandomBytes(crypto_secretbox_NONCEBYTES);
    std::string cipher(plaintext.size() + crypto_secretbox_MACBYTES, '\0');
    crypto_secretbox_easy(
        reinterpret_cast<unsigned char*>(cipher.data()),
        Bytes(plaintext),
        plaintext.size(),
        Bytes(nonce),
        Bytes(key_)
    );
    return crypto::HexEncode(nonce + cipher);
}

Result<std::string> SecretBox::Open(std::string_view sealed_hex) const {
    auto sealed = crypto::HexDecode(sealed_hex);
    if (!sealed || sealed->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        return Error::Internal("a sealed secret is malformed");
    }
    const std::string_view all(*sealed);
    const std::string_view nonce = all.substr(0, crypto_secretbox_NONCEBYTES);
    const std::string_view cipher = all.substr(crypto_secretbox_NONCEBYTES);
    std::string plain(cipher.size() - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(
            reinterpret_cast<unsigned char*>(plain.data()),
            Bytes(cipher),
            cipher.size(),
            Bytes(nonce),
            Bytes(key_)
        )
        != 0) {
        return Error::Internal("a sealed secret does not open with this instance's secrets key");
    }
    return plain;
}

}  // namespace isms::iam
