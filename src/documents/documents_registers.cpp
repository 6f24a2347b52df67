#include "documents/documents_registers.hpp"

#include <iterator>

namespace isms::documents {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

std::vector<std::string> States() {
    return {std::begin(kVersionStates), std::end(kVersionStates)};
}

RegisterSpec Documents() {
    RegisterSpec s;
    s.name = "documents";
    s.title = "Documents";
    s.ref_prefix = "DOC";
    s.clause = "7.5";
    s.description =
        "Controlled documents — policies, procedures, records, plans — with their "
        "classification, owner, designated approver, distribution and periodic review. The "
        "content lives in document_versions; status and version numbers follow them.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Enum("kind", {"policy", "procedure", "record", "plan"}).Required().Label("Kind"),
        Enum("classification", {"public", "internal", "confidential", "restricted"})
            .Required()
            .Label("Classification"),
        User("approver")
            .Required()
            .Label("Designated approver")
            .Describe("The only member who may approve a version."),
        ReferenceList("distribution", "people")
            .Label("Distribution")
            .Describe("Who must read and acknowledge the published version."),
        Int("review_interval_months")
            .Range(1, 60)
            .Label("Review every (months)")
            .Describe("Publishing or reviewing sets the next review this far ahead."),
        DateField("next_review_on").Label("Next review on").Reminds("document review due"),
        DateField("last_reviewed_on").Computed().Label("Last reviewed on"),
        Enum("status", States())
            .Computed()
            .Label("Status")
            .Describe("published while a version is; else the state of the newest version."),
        Int("published_version").Computed().Label("Published version"),
        Int("latest_version").Computed().Label("Latest version"),
    };
    return s;
}

RegisterSpec DocumentVersions() {
    RegisterSpec s;
    s.name = "document_versions";
    s.title = "Document versions";
    s.ref_prefix = "DVR";
    s.clause = "7.5.3";
    s.description =
        "Every version of a document, kept for good: a Markdown body or an attached file (an "
        "evidence record with uploaded content), its SHA-256, and its lifecycle. Only a draft "
        "can change; the designated approver's approval is signed.";
    s.fields = {
        Reference("document", "documents").Required().Label("Document"),
        Int("number").Computed().Label("Version"),
        Text("change_note").MaxLength(500).Label("What changed"),
        Markdown("body").Label("Body (Markdown)"),
        Reference("file", "evidence")
            .Label("Attached file")
            .Describe("An evidence record of kind file whose content is the document."),
        Text("sha256").MaxLength(64).Computed().Label("SHA-256 of the content"),
        Enum("status", States()).Computed().Label("Status"),
        Text("review_comment").MaxLength(2000).Computed().Label("Reviewer's comment"),
        User("approved_by").Computed().Label("Approved by"),
        DateTimeField("approved_at").Computed().Label("Approved at"),
        Text("signature").MaxLength(128).Computed().Label("Approval signature"),
        Text("key_id").MaxLength(64).Computed().Label("Signing key"),
        DateTimeField("published_at").Computed().Label("Published at"),
    };
    s.editor_roles = {"admin", "isms_manager", "control_owner"};
    return s;
}

RegisterSpec Acknowledgements() {
    RegisterSpec s;
    s.name = "acknowledgements";
    s.title = "Acknowledgements";
    s.ref_prefix = "ACK";
    s.clause = "7.3";
    s.description =
        "A person has read and accepts one published version of a document. A member may "
        "acknowledge as the person linked to them; managers record it for anyone. Kept for good.";
    s.fields = {
        Reference("person", "people").Required().Label("Person"),
        Reference("document_version", "document_versions").Required().Label("Version"),
        Reference("document", "documents").Computed().Label("Document"),
        Int("version_number").Computed().Label("Version number"),
        DateTimeField("acknowledged_at").Computed().Label("Acknowledged at"),
    };
    s.editor_roles = {"admin", "isms_manager", "risk_owner", "control_owner", "auditor", "reader"};
    return s;
}

}  // namespace

Status DeclareDocumentRegisters(schema::Registry& registry) {
    for (RegisterSpec spec : {Documents(), DocumentVersions(), Acknowledgements()}) {
        ISMS_TRY(registry.Add(std::move(spec)));
    }
    return {};
}

}  // namespace isms::documents
