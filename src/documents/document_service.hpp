// DocumentService: the lifecycle of documented information (ISO/IEC 27001:2022 7.5.2, 7.5.3,
// 5.2) beyond the generic register endpoints. A version moves draft → in_review (submit) →
// approved (approve, by the document's designated approver only, signed with the instance key
// over its content's SHA-256) → published (publish: the version in force; the one before it
// becomes obsolete) → obsolete (withdraw). The approver may send a version back to draft
// (reject). Periodic review records a review of the published document and its next date.
// Everyone in a document's distribution who has not acknowledged the published version is
// pending; publishing a new version makes everyone pending again. Every step is one
// transaction with its ledger events.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "evidence/blob_store.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::documents {

struct DocumentDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    const evidence::BlobStore& blobs;
};

class DocumentService {
public:
    explicit DocumentService(const DocumentDeps& deps) : deps_(deps) {}

    /// draft → in_review. Whoever may change the document (editors, its owner with owner
    /// rights). Returns the version record.
    [[nodiscard]] Result<json::object> Submit(const iam::Principal& who, RecordId version);
    /// in_review → approved, by the designated approver only; `body`: {"comment": optional
    /// text}. Records approved_by, approved_at, the signature and key id.
    [[nodiscard]] Result<json::object> Approve(
        const iam::Principal& who, RecordId version, const json::object& body
    );
    /// in_review → draft, by the designated approver; `body`: {"comment": required reason}.
    [[nodiscard]] Result<json::object> Reject(
        const iam::Principal& who, RecordId version, const json::object& body
    );
    /// approved → published; the previously published version becomes obsolete; with a review
    /// interval the next review moves that far ahead.
    [[nodiscard]] Result<json::object> Publish(const iam::Principal& who, RecordId version);
    /// published → obsolete: the document is no longer in force.
    [[nodiscard]] Result<json::object> Withdraw(const iam::Principal& who, RecordId version);
    /// Recomputes the content's SHA-256 (the body, or the stored file re-read and re-hashed)
    /// and checks the approval signature: {"valid", "content_sha256", "recorded_sha256",
    /// "signature_valid", "key_id"}. kConflict for a version never approved.
    [[nodiscard]] Result<json::object> Verify(const iam::Principal& who, RecordId version);
    /// The body rendered as safe HTML (markdown_html.hpp); kConflict for an attached file.
    [[nodiscard]] Result<std::string> Html(const iam::Principal& who, RecordId version);
    /// Periodic review of a published document: `body` {"next_review_on": date after today, at
    /// most five years ahead (optional with a review interval)}; sets last_reviewed_on.
    [[nodiscard]] Result<json::object> Review(
        const iam::Principal& who, RecordId document, const json::object& body
    );
    /// {"document", "version": {"id", "ref", "number"} or null, "distribution",
    /// "acknowledged", "pending": [{"id", "ref", "name", "email"}…]}: the active people of the
    /// distribution who have not acknowledged the published version.
    [[nodiscard]] Result<json::object> PendingAcknowledgements(
        const iam::Principal& who, RecordId document
    );

private:
    DocumentDeps deps_;
};

}  // namespace isms::documents
