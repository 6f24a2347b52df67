// Offline verification of the ledger and of the state it explains (`isms ledger verify`):
//  1. the chain: sequence without gaps, each prev_hash links, each hash recomputes;
//  2. the signature: the last checkpoint is signed by the instance key and matches the head,
//     every checkpoint names that key and matches the chain at its sequence;
//  3. the state: every register row and every membership (role) equals the `after` of the
//     last event about it (fields declared later must be null), and every record the ledger
//     knows still has its row.
// The first problem found is reported with the event or row it concerns.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::store {

struct VerifyReport {
    bool ok = true;
    std::int64_t events = 0;
    std::int64_t checkpoints = 0;
    std::int64_t records = 0;
    std::int64_t head_seq = 0;
    std::string head_hash;
    std::int64_t bad_seq = 0;  // the first bad event, when the problem is in the chain
    std::string problem;       // empty when ok
};

/// Walks everything; returns an error only when the store cannot be read at all.
[[nodiscard]] Result<VerifyReport> VerifyLedger(
    Database& db, const std::string& public_key, const schema::Registry& registry
);

/// At start: kConflict when the newest checkpoint was signed by another key than `key` — a
/// server started with keys/ of another instance would sign a chain no verifier accepts.
[[nodiscard]] Status CheckSigningKey(Database& db, const LedgerKey& key);

/// Only the chain (step 1), for the micro-benchmark.
[[nodiscard]] Result<VerifyReport> VerifyChain(Database& db);

}  // namespace isms::store
