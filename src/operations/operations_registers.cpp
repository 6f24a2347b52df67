#include "operations/operations_registers.hpp"

namespace isms::operations {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec Incidents() {
    RegisterSpec s;
    s.name = "incidents";
    s.title = "Incidents";
    s.ref_prefix = "INC";
    s.clause = "A.5.24";
    s.description =
        "Information security incidents from detection to closure (A.5.24–A.5.28): severity, "
        "category, affected assets, containment, root cause and the lessons learned, which can "
        "become a risk in one call. Resolved and closed incidents have a resolution time; a "
        "closed incident has its lessons learned.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(300).Label("Title"),
        Markdown("description").Searchable().Label("Description"),
        Enum("severity", {"low", "medium", "high", "critical"}).Required().Label("Severity"),
        Enum(
            "category",
            {"malware",
             "phishing",
             "unauthorized_access",
             "data_breach",
             "denial_of_service",
             "loss_or_theft",
             "misconfiguration",
             "supplier",
             "other"}
        )
            .Label("Category"),
        Enum("status", {"reported", "triaged", "contained", "resolved", "closed"})
            .Required()
            .Label("Status"),
        DateTimeField("detected_at").Required().Label("Detected at"),
        DateTimeField("resolved_at").Label("Resolved at"),
        ReferenceList("affected_assets", "assets").Label("Affected assets"),
        Bool("personal_data_breach")
            .Label("Personal data breach")
            .Describe("Personal data involved: notification duties may apply (A.5.34)."),
        User("handler").Label("Handler"),
        Markdown("containment").Label("Containment"),
        Markdown("root_cause").Label("Root cause"),
        Markdown("lessons_learned")
            .Searchable()
            .Label("Lessons learned")
            .Describe("Required to close the incident (A.5.27)."),
        DateField("review_due")
            .Label("Post-incident review due")
            .Reminds("post-incident review due")
            .SettledWhen("status", {"closed"}),
        ReferenceList("risks", "risks")
            .Label("Risks")
            .Describe("Risks raised from or confirmed by this incident."),
    };
    s.editor_roles = {"admin", "isms_manager", "control_owner"};
    return s;
}

RegisterSpec IncidentTimeline() {
    RegisterSpec s;
    s.name = "incident_timeline";
    s.title = "Incident timeline";
    s.ref_prefix = "ITL";
    s.clause = "A.5.26";
    s.description =
        "What happened during an incident and when: detection, triage, containment, "
        "eradication, recovery, communication. No entry is earlier than the detection.";
    s.fields = {
        Reference("incident", "incidents").Required().Label("Incident"),
        DateTimeField("at").Required().Label("At"),
        Enum(
            "kind",
            {"detection",
             "triage",
             "containment",
             "eradication",
             "recovery",
             "communication",
             "note"}
        )
            .Required()
            .Label("Kind"),
        Markdown("entry").Required().Searchable().Label("Entry"),
    };
    s.editor_roles = {"admin", "isms_manager", "control_owner"};
    return s;
}

RegisterSpec Suppliers() {
    RegisterSpec s;
    s.name = "suppliers";
    s.title = "Suppliers";
    s.ref_prefix = "SUP";
    s.clause = "A.5.19";
    s.description =
        "Suppliers and the services they provide (A.5.19–A.5.22): how critical they are, which "
        "data they receive, the contract and its dates, the security requirements agreed and "
        "the risks they bring. The next assessment is due as the latest assessment says.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        TextList("services").MaxLength(200).Label("Services"),
        Enum("criticality", {"low", "medium", "high", "critical"}).Required().Label("Criticality"),
        Enum("status", {"prospective", "active", "terminated"}).Label("Status"),
        Markdown("data_shared").Label("Data shared"),
        Bool("processes_personal_data").Label("Processes personal data"),
        Markdown("security_requirements")
            .Label("Security requirements")
            .Describe("What the agreement requires of the supplier (A.5.20)."),
        Text("contact").MaxLength(300).Label("Contact"),
        Text("contract_reference").MaxLength(200).Label("Contract"),
        DateField("contract_start").Label("Contract start"),
        DateField("contract_end")
            .Label("Contract end")
            .Reminds("supplier contract ends")
            .SettledWhen("status", {"terminated"}),
        ReferenceList("assets", "assets").Label("Assets involved"),
        ReferenceList("risks", "risks").Label("Linked risks"),
        DateField("next_assessment_due")
            .Computed()
            .Label("Next assessment due")
            .Describe("From the latest assessment.")
            .Reminds("supplier assessment due")
            .SettledWhen("status", {"terminated"}),
    };
    s.editor_roles = {"admin", "isms_manager", "risk_owner"};
    return s;
}

RegisterSpec SupplierAssessments() {
    RegisterSpec s;
    s.name = "supplier_assessments";
    s.title = "Supplier assessments";
    s.ref_prefix = "SAS";
    s.clause = "A.5.22";
    s.description =
        "Each review of a supplier's security (A.5.22): when, how, the result and when the next "
        "one is due.";
    s.fields = {
        Reference("supplier", "suppliers").Required().Label("Supplier"),
        DateField("assessed_on").Required().Label("Assessed on"),
        Enum("method", {"questionnaire", "certification_review", "audit", "document_review"})
            .Label("Method"),
        Enum("result", {"acceptable", "acceptable_with_conditions", "unacceptable"})
            .Required()
            .Label("Result"),
        Markdown("findings").Searchable().Label("Findings"),
        DateField("next_due").Label("Next assessment due"),
    };
    s.editor_roles = {"admin", "isms_manager", "risk_owner"};
    return s;
}

RegisterSpec Exceptions() {
    RegisterSpec s;
    s.name = "exceptions";
    s.title = "Exceptions";
    s.ref_prefix = "EXC";
    s.clause = "6.1.3";
    s.description =
        "Waivers from a control or requirement for a limited time: what, why, what compensates "
        "and until when. The approver is a member other than the requester and only they "
        "approve or reject; changing an approved exception asks for approval again. An approved "
        "exception past its expiry is listed as expired.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(300).Label("Title"),
        TextList("controls")
            .MaxLength(500)
            .Label("Controls or requirements")
            .Describe("Annex A controls (A.8.5) or catalog requirement URNs waived."),
        Reference("applied_control", "applied_controls").Label("Applied control"),
        Markdown("justification").Required().Label("Justification"),
        Markdown("compensating_controls").Label("Compensating controls"),
        ReferenceList("risks", "risks").Label("Risks accepted by the waiver"),
        User("requested_by").Computed().Label("Requested by"),
        User("approver").Required().Label("Approver"),
        Enum("status", {"requested", "approved", "rejected", "revoked"}).Label("Status"),
        DateTimeField("decided_at").Computed().Label("Decided at"),
        DateField("expires_on")
            .Required()
            .Label("Expires on")
            .Reminds("exception expires")
            .SettledWhen("status", {"rejected", "revoked"}),
    };
    s.editor_roles = {"admin", "isms_manager", "risk_owner", "control_owner"};
    return s;
}

}  // namespace

Status DeclareOperationsRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(Incidents()));
    ISMS_TRY(registry.Add(IncidentTimeline()));
    ISMS_TRY(registry.Add(Suppliers()));
    ISMS_TRY(registry.Add(SupplierAssessments()));
    return registry.Add(Exceptions());
}

}  // namespace isms::operations
