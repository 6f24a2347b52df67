#include "evidence/evidence_registers.hpp"

namespace isms::evidence {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec Evidence() {
    RegisterSpec s;
    s.name = "evidence";
    s.title = "Evidence";
    s.ref_prefix = "EVD";
    s.clause = "7.5";
    s.description =
        "Files and links that show a control is in place and works: what it is, who owns it, "
        "when it was collected and until when it is valid (stale after). A file's content is "
        "stored by its SHA-256 and every upload is a new revision.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum("kind", {"file", "link"}).Required().Label("Kind"),
        Text("url")
            .MaxLength(2000)
            .Pattern("https?://[^\\s]+")
            .Label("Link")
            .Describe("For a link: where the evidence lives (http or https)."),
        DateField("collected_on").Label("Collected on"),
        DateField("valid_until")
            .Label("Valid until")
            .Describe("Stale after this day.")
            .Reminds("evidence expires"),
        ReferenceList("applied_controls", "applied_controls").Label("Applied controls"),
        Text("file_name").MaxLength(255).Computed().Label("File name"),
        Text("content_type").MaxLength(200).Computed().Label("Content type"),
        Int("size_bytes").Computed().Label("Size (bytes)"),
        Text("sha256").MaxLength(64).Computed().Label("SHA-256"),
        Int("revision").Computed().Label("Revision"),
    };
    s.editor_roles = {"admin", "isms_manager", "control_owner"};
    return s;
}

}  // namespace

Status DeclareEvidenceRegisters(schema::Registry& registry) {
    return registry.Add(Evidence());
}

}  // namespace isms::evidence
