// The evidence module's blob store, service and register rules, built once by the composition
// root.
#pragma once

#include <filesystem>
#include <optional>

#include "evidence/blob_store.hpp"
#include "evidence/evidence_rules.hpp"
#include "evidence/evidence_service.hpp"
#include "records/record_service.hpp"

namespace isms::evidence {

struct EvidenceServices {
    /// `blob_dir` is `<data>/blobs`; with `blob_key` new blobs are encrypted; `max_bytes` the
    /// largest file accepted.
    EvidenceServices(
        store::Database& db,
        const schema::Registry& registry,
        const Clock& clock,
        const store::LedgerKey& key,
        std::filesystem::path blob_dir,
        std::optional<crypto::StreamKey> blob_key,
        std::int64_t max_bytes
    )
        : blobs(std::move(blob_dir), std::move(blob_key)),
          service(EvidenceDeps{db, registry, clock, key, blobs, max_bytes}) {}

    /// Hooks the rules to the writes of the evidence register.
    void HookRules(records::RecordService& records) { records.SetRules("evidence", rules); }

    BlobStore blobs;
    EvidenceRules rules;
    EvidenceService service;
};

}  // namespace isms::evidence
