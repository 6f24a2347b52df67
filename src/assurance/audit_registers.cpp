#include "assurance/audit_registers.hpp"

namespace isms::assurance {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

const std::vector<std::string> kAuditEditors = {"admin", "isms_manager", "auditor"};

RegisterSpec AuditProgrammes() {
    RegisterSpec s;
    s.name = "audit_programmes";
    s.title = "Audit programmes";
    s.ref_prefix = "APR";
    s.clause = "9.2.2";
    s.description =
        "A plan of internal audits over a period (often three years) that together cover every "
        "clause 4–10 of ISO/IEC 27001:2022 and every applicable Annex A control; its coverage "
        "endpoint lists what no audit of the programme covers yet.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Objectives and method"),
        DateField("period_start").Required().Label("Period start"),
        DateField("period_end").Required().Label("Period end"),
        Enum("status", {"draft", "approved", "running", "completed"}).Label("Status"),
    };
    return s;
}

RegisterSpec Audits() {
    RegisterSpec s;
    s.name = "audits";
    s.title = "Internal audits";
    s.ref_prefix = "AUD";
    s.clause = "9.2";
    s.description =
        "One internal audit: its scope (ISO/IEC 27001:2022 clauses, Annex A controls, areas, "
        "assets and applied controls), criteria, dates, lead auditor and team. No auditor may "
        "audit their own area: the owner of an asset or applied control in scope, or of an "
        "applied control implementing a requirement in scope, is refused.";
    s.editor_roles = kAuditEditors;
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Reference("programme", "audit_programmes").Label("Programme"),
        Enum("status", {"planned", "in_progress", "reporting", "closed", "cancelled"})
            .Label("Status"),
        TextList("scope_clauses")
            .MaxLength(20)
            .Label("Clauses in scope")
            .Describe("ISO/IEC 27001:2022 clauses, e.g. 9.2 or 6 (all of clause 6)."),
        TextList("scope_controls")
            .MaxLength(20)
            .Label("Annex A controls in scope")
            .Describe("Annex A controls, e.g. A.8.24 or A.5 (the whole theme)."),
        TextList("scope_areas").MaxLength(200).Label("Areas, sites and processes in scope"),
        ReferenceList("scope_assets", "assets").Label("Assets in scope"),
        ReferenceList("scope_applied_controls", "applied_controls")
            .Label("Applied controls in scope"),
        Markdown("criteria").Searchable().Label("Audit criteria"),
        DateField("planned_start")
            .Label("Planned start")
            .Reminds("audit starts")
            .SettledWhen("status", {"reporting", "closed", "cancelled"}),
        DateField("planned_end").Label("Planned end"),
        DateField("performed_on").Label("Performed on"),
        User("lead_auditor").Label("Lead auditor"),
        TextList("team")
            .MaxLength(20)
            .Label("Audit team")
            .Describe("User ids of the other auditors, each a member of the organization."),
        Markdown("conclusion").Searchable().Label("Conclusion"),
    };
    return s;
}

RegisterSpec ChecklistItems() {
    RegisterSpec s;
    s.name = "audit_checklist_items";
    s.title = "Audit checklist items";
    s.ref_prefix = "ACI";
    s.clause = "9.2.2";
    s.description =
        "One requirement of the catalog an audit checks, generated from the audit's scope, with "
        "the result found and the evidence seen.";
    s.editor_roles = kAuditEditors;
    s.fields = {
        Reference("audit", "audits").Required().Label("Audit"),
        Text("requirement")
            .Required()
            .MaxLength(500)
            .Label("Requirement")
            .Describe("URN of the catalog requirement checked."),
        Text("requirement_ref").MaxLength(100).Computed().Label("Requirement ref"),
        Text("requirement_name").MaxLength(500).Computed().Label("Requirement name"),
        Enum("result", {"not_audited", "conforming", "nonconforming", "observation"})
            .Label("Result"),
        Markdown("notes").Searchable().Label("Audit notes"),
        ReferenceList("evidence", "evidence").Label("Evidence seen"),
    };
    return s;
}

RegisterSpec Findings() {
    RegisterSpec s;
    s.name = "audit_findings";
    s.title = "Audit findings";
    s.ref_prefix = "FND";
    s.clause = "9.2.2";
    s.description =
        "What an audit found: a major or minor nonconformity, an observation or an opportunity "
        "for improvement. A nonconformity finding is raised as a nonconformity in one call.";
    s.editor_roles = kAuditEditors;
    s.fields = {
        Reference("audit", "audits").Required().Label("Audit"),
        Reference("checklist_item", "audit_checklist_items").Label("Checklist item"),
        Enum("kind", {"major_nonconformity", "minor_nonconformity", "observation", "opportunity"})
            .Required()
            .Label("Kind"),
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Markdown("description").Searchable().Label("Description"),
        Text("requirement").MaxLength(500).Label("Requirement (URN)"),
        ReferenceList("evidence", "evidence").Label("Evidence"),
        Reference("nonconformity", "nonconformities").Computed().Label("Raised as"),
    };
    return s;
}

RegisterSpec Nonconformities() {
    RegisterSpec s;
    s.name = "nonconformities";
    s.title = "Nonconformities";
    s.ref_prefix = "NC";
    s.clause = "10.2";
    s.description =
        "A nonfulfilment of a requirement, from any source: its correction, root cause (category "
        "and five whys in nonconformity_whys), corrective actions and the verification of their "
        "effectiveness. It cannot close before effectiveness is verified.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Markdown("description").Searchable().Label("Description"),
        Enum(
            "source",
            {"audit_finding",
             "incident",
             "management_review",
             "metric_breach",
             "complaint",
             "external_audit",
             "other"}
        )
            .Required()
            .Label("Source"),
        Reference("finding", "audit_findings").Label("Audit finding"),
        Reference("incident", "incidents").Label("Incident"),
        Reference("management_review", "management_reviews").Label("Management review"),
        Reference("measurement", "measurements")
            .Label("Measurement")
            .Describe("The measurement whose target breach revealed the nonconformity."),
        Text("source_reference")
            .MaxLength(200)
            .Label("Source reference")
            .Describe("Free text for a source isms does not record, e.g. a complaint's number."),
        Enum("classification", {"major", "minor"}).Label("Classification"),
        Enum("status", {"open", "analysing", "action_planned", "verifying", "closed"})
            .Label("Status"),
        DateField("detected_on").Label("Detected on"),
        Text("requirement").MaxLength(500).Label("Requirement (URN)"),
        Reference("applied_control", "applied_controls").Label("Applied control concerned"),
        Markdown("correction").Label("Correction (immediate action)"),
        Enum(
            "root_cause_category",
            {"people", "process", "technology", "supplier", "documentation", "resources", "other"}
        )
            .Label("Root cause category"),
        Markdown("root_cause").Searchable().Label("Root cause"),
        User("verified_by").Label("Effectiveness verified by"),
        DateField("verified_on").Label("Effectiveness verified on"),
        Enum("effectiveness", {"effective", "not_effective"}).Label("Effectiveness result"),
        Markdown("verification_notes").Label("Verification notes"),
        DateField("closed_on").Computed().Label("Closed on"),
    };
    return s;
}

RegisterSpec Whys() {
    RegisterSpec s;
    s.name = "nonconformity_whys";
    s.title = "Root-cause analysis (five whys)";
    s.ref_prefix = "WHY";
    s.clause = "10.2 b";
    s.description =
        "One step of a nonconformity's five-whys analysis: the question asked and the answer, "
        "in order (position 1, 2, …).";
    s.fields = {
        Reference("nonconformity", "nonconformities").Required().Label("Nonconformity"),
        Int("position").Required().Range(1, 20).Label("Position"),
        Text("why").Required().MaxLength(500).Label("Why?"),
        Text("answer").Required().MaxLength(1000).Label("Because"),
    };
    return s;
}

RegisterSpec CorrectiveActions() {
    RegisterSpec s;
    s.name = "corrective_actions";
    s.title = "Corrective actions";
    s.ref_prefix = "CA";
    s.clause = "10.2 c";
    s.description =
        "An action that removes the cause of a nonconformity so that it does not recur: owner, "
        "due date and status.";
    s.fields = {
        Reference("nonconformity", "nonconformities").Required().Label("Nonconformity"),
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Markdown("description").Label("Description"),
        Enum("status", {"open", "in_progress", "done", "cancelled"}).Label("Status"),
        DateField("due_date")
            .Label("Due date")
            .Reminds("corrective action due")
            .SettledWhen("status", {"done", "cancelled"}),
        DateField("completed_on").Label("Completed on"),
    };
    return s;
}

RegisterSpec Improvements() {
    RegisterSpec s;
    s.name = "improvements";
    s.title = "Improvements";
    s.ref_prefix = "IMP";
    s.clause = "10.1";
    s.description =
        "The continual improvement log: ideas and opportunities from audits, reviews, metrics "
        "and people, with their benefit, owner and status.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Markdown("description").Searchable().Label("Description"),
        Enum(
            "source",
            {"audit_finding", "management_review", "metric", "incident", "suggestion", "other"}
        )
            .Label("Source"),
        Reference("finding", "audit_findings").Label("Audit finding"),
        Enum("status", {"proposed", "approved", "in_progress", "done", "rejected"}).Label("Status"),
        Markdown("expected_benefit").Label("Expected benefit"),
        DateField("due_date")
            .Label("Due date")
            .Reminds("improvement due")
            .SettledWhen("status", {"done", "rejected"}),
        DateField("completed_on").Label("Completed on"),
    };
    return s;
}

}  // namespace

Status DeclareAuditRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(AuditProgrammes()));
    ISMS_TRY(registry.Add(Audits()));
    ISMS_TRY(registry.Add(ChecklistItems()));
    ISMS_TRY(registry.Add(Nonconformities()));
    ISMS_TRY(registry.Add(Findings()));
    ISMS_TRY(registry.Add(Whys()));
    ISMS_TRY(registry.Add(CorrectiveActions()));
    return registry.Add(Improvements());
}

}  // namespace isms::assurance
