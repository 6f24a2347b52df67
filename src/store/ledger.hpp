// The ledger: an append-only, hash-chained log of every change (ARCHITECTURE.md "Every change
// is a ledger entry"). hash = SHA-256(prev_hash ‖ canonical event); the first event chains from
// 32 zero bytes. Checkpoints sign the chain head with the instance's Ed25519 key, so an edit
// that recomputes the hashes is still caught. Nothing here is ever updated or deleted.
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/ids.hpp"

namespace isms::store {

/// Who made a change: a user (id and e-mail) or the system (id 0, name "system").
struct Actor {
    UserId id;
    std::string name;
};

struct LedgerEvent {
    std::int64_t seq = 0;
    TenantId tenant;  // 0 for instance-wide events (a tenant created)
    Timestamp at;
    Actor actor;
    std::string action;   // created, updated, archived, login, token_created, …
    std::string subject;  // register name, or "tenants", "users", "tokens", "auth"
    std::int64_t record_id = 0;
    std::optional<std::string> before;  // canonical JSON text of the state before
    std::optional<std::string> after;   // canonical JSON text of the state after
    std::string prev_hash;              // hex
    std::string hash;                   // hex
};

/// The bytes that are hashed: a JSON array of the event's members in a fixed order, with
/// before/after embedded as the exact stored text.
[[nodiscard]] std::string CanonicalEvent(const LedgerEvent& e);

/// SHA-256(prev ‖ canonical) as hex; `prev_hash_hex` empty or all zeros for the first event.
[[nodiscard]] std::string ChainHash(const std::string& prev_hash_hex, const LedgerEvent& e);

/// The hex hash every chain starts from.
[[nodiscard]] const std::string& GenesisHash();

/// The message a checkpoint signature covers.
[[nodiscard]] std::string CheckpointMessage(std::int64_t seq, const std::string& hash_hex);

/// The instance signing key, kept in <data>/keys/ledger.key (secret, mode 0600) and
/// <data>/keys/ledger.pub. key_id is the first 16 hex digits of SHA-256(public key).
struct LedgerKey {
    crypto::SigningKey key;
    std::string key_id;
};

/// Loads the key from `keys_dir`, creating directory (0700) and key (0600) when missing.
/// Refuses a secret key file that group or others can read.
[[nodiscard]] Result<LedgerKey> LoadOrCreateLedgerKey(const std::string& keys_dir);
/// Reads only the public key (for offline verification).
[[nodiscard]] Result<std::string> LoadLedgerPublicKey(const std::string& keys_dir);
[[nodiscard]] std::string KeyId(const std::string& public_key);

}  // namespace isms::store
