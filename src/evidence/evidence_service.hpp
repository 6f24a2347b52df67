// EvidenceService: the content of file evidence. An upload is checked (size, name, type,
// content), stored once by SHA-256 in the blob store and recorded as the evidence's next
// revision — a row in `evidence_revisions` whose ledger event carries the hash, and the
// record's file fields. A download re-hashes the content and refuses it when it no longer
// matches. The register's fields go through the generic record service.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "evidence/blob_store.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::evidence {

struct EvidenceDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    const BlobStore& blobs;
    std::int64_t max_bytes;  // largest accepted file
};

struct UploadInput {
    std::string file_name;
    std::string content_type;  // as declared by the client; may be empty
    std::string content;
    std::optional<std::int64_t> expected_version;  // If-Match on the evidence record
};

struct UploadOutcome {
    json::object body;     // {"evidence": record, "revision": {...}, "deduplicated": bool}
    bool created = false;  // false when the content equals the current revision's
};

struct EvidenceFile {
    std::string file_name;
    std::string content_type;
    std::string sha256;
    std::string content;
};

class EvidenceService {
public:
    explicit EvidenceService(const EvidenceDeps& deps) : deps_(deps) {}

    /// Adds a revision to file evidence `id` (editors and the owner).
    [[nodiscard]] Result<UploadOutcome> Upload(
        const iam::Principal& who, RecordId id, const UploadInput& input
    );
    /// The content of the current revision, or of `revision`, after its hash is checked.
    [[nodiscard]] Result<EvidenceFile> File(
        const iam::Principal& who, RecordId id, std::optional<std::int64_t> revision
    );
    /// {"items": [revision documents, oldest first]}.
    [[nodiscard]] Result<json::object> Revisions(const iam::Principal& who, RecordId id);
    /// Re-hashes every revision: {"evidence", "valid", "revisions": [{revision, sha256, valid,
    /// problem}]}.
    [[nodiscard]] Result<json::object> Verify(const iam::Principal& who, RecordId id);
    /// {"items": [{source, label}]}: what cites this evidence and so keeps it from deletion.
    [[nodiscard]] Result<json::object> Citations(const iam::Principal& who, RecordId id);
    /// Live evidence whose valid-until day has passed: {"as_of", "items": [{id, ref, name,
    /// valid_until, days_stale}]}, longest stale first.
    [[nodiscard]] Result<json::object> Stale(const iam::Principal& who);

private:
    EvidenceDeps deps_;
};

}  // namespace isms::evidence
