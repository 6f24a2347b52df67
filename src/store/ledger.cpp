#include "store/ledger.hpp"

#include <filesystem>

#include "core/json.hpp"
#include "core/private_file.hpp"

namespace isms::store {

namespace {

/// Appends `s` as a JSON string, escaped the way Boost.JSON serializes: \" \\ \b \f \n \r \t,
/// other control characters as \u00XX, everything else (UTF-8 included) as is.
void AppendString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += kHex[(static_cast<unsigned char>(c) >> 4U) & 0xFU];
                    out += kHex[static_cast<unsigned char>(c) & 0xFU];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace

std::string CanonicalEvent(const LedgerEvent& e) {
    std::string out;
    out.reserve(128 + (e.before ? e.before->size() : 4) + (e.after ? e.after->size() : 4));
    out += '[';
    out += std::to_string(e.seq);
    out += ',';
    out += std::to_string(e.tenant.value);
    out += ',';
    AppendString(out, FormatTimestamp(e.at));
    out += ',';
    out += std::to_string(e.actor.id.value);
    out += ',';
    AppendString(out, e.actor.name);
    out += ',';
    AppendString(out, e.action);
    out += ',';
    AppendString(out, e.subject);
    out += ',';
    out += std::to_string(e.record_id);
    out += ',';
    out += e.before ? *e.before : "null";
    out += ',';
    out += e.after ? *e.after : "null";
    out += ']';
    return out;
}

const std::string& GenesisHash() {
    static const std::string kGenesis(64, '0');
    return kGenesis;
}

std::string ChainHash(const std::string& prev_hash_hex, const LedgerEvent& e) {
    // One buffer, one digest: prev (32 raw bytes) ‖ canonical event.
    auto prev = crypto::HexDecode(prev_hash_hex);
    std::string message = prev ? std::move(*prev) : std::string();
    message.resize(32, '\0');
    message += CanonicalEvent(e);
    return crypto::HexEncode(crypto::Sha256(message));
}

std::string CheckpointMessage(std::int64_t seq, const std::string& hash_hex) {
    return "isms-ledger-checkpoint/v1\n" + std::to_string(seq) + "\n" + hash_hex;
}

std::string KeyId(const std::string& public_key) {
    return crypto::HexEncode(crypto::Sha256(public_key)).substr(0, 16);
}

Result<LedgerKey> LoadOrCreateLedgerKey(const std::string& keys_dir) {
    const std::filesystem::path dir(keys_dir);
    ISMS_TRY_ASSIGN(
        std::string secret_hex,
        LoadOrCreateSecretFile(
            dir,
            "ledger.key",
            [&dir]() -> Result<std::string> {
                const crypto::SigningKey key = crypto::GenerateSigningKey();
                ISMS_TRY(WriteTextFile(dir / "ledger.pub", crypto::HexEncode(key.public_key), 0644)
                );
                return crypto::HexEncode(key.secret_key);
            }
        )
    );
    ISMS_TRY_ASSIGN(std::string secret, crypto::HexDecode(secret_hex));
    if (secret.size() != 64) {
        return Error::Internal((dir / "ledger.key").string() + " is not an Ed25519 secret key");
    }
    LedgerKey out;
    out.key.secret_key = secret;
    out.key.public_key = secret.substr(32);  // libsodium layout: seed ‖ public key
    out.key_id = KeyId(out.key.public_key);
    return out;
}

Result<std::string> LoadLedgerPublicKey(const std::string& keys_dir) {
    ISMS_TRY_ASSIGN(std::string hex, ReadTextFile(std::filesystem::path(keys_dir) / "ledger.pub"));
    ISMS_TRY_ASSIGN(std::string key, crypto::HexDecode(hex));
    if (key.size() != 32) {
        return Error::Internal("ledger.pub is not an Ed25519 public key");
    }
    return key;
}

}  // namespace isms::store
