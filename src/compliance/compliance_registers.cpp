#include "compliance/compliance_registers.hpp"

namespace isms::compliance {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec AppliedControls() {
    RegisterSpec s;
    s.name = "applied_controls";
    s.title = "Applied controls";
    s.ref_prefix = "CTL";
    s.clause = "8.1";
    s.description =
        "The organization's own security measures, apart from catalog controls: what is in place "
        "or planned, who owns it, which requirements of which frameworks it implements, and how "
        "well it worked when last tested.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum(
            "status", {"planned", "in_progress", "implemented", "operating", "degraded", "retired"}
        )
            .Label("Status"),
        Enum("control_type", {"preventive", "detective", "corrective"}).Label("Type"),
        Enum("category", {"organizational", "people", "physical", "technological"})
            .Label("Category")
            .Describe("The ISO/IEC 27002:2022 theme."),
        TextList("requirements")
            .MaxLength(500)
            .Label("Requirements implemented")
            .Describe(
                "URNs of catalog requirements this control implements, in any framework, e.g. "
                "urn:isms:framework:iso27001-2022:a.8.5."
            ),
        Decimal("cost").Range(0, 1e12).Label("Cost"),
        Decimal("effort_days").Range(0, 1e6).Label("Effort (person-days)"),
        Enum("review_frequency", {"monthly", "quarterly", "semiannual", "annual"})
            .Label("Test or review frequency"),
        DateField("next_review").Label("Next test or review").Reminds("control test or review due"),
        DateField("last_tested_on").Label("Last tested on"),
        Enum("last_result", {"effective", "partially_effective", "ineffective", "not_tested"})
            .Label("Last effectiveness result"),
    };
    return s;
}

RegisterSpec Assessments() {
    RegisterSpec s;
    s.name = "assessments";
    s.title = "Compliance assessments";
    s.ref_prefix = "ASM";
    s.clause = "9.1";
    s.description =
        "An assessment of the organization against one framework — a gap assessment of ISO "
        "27001 clauses 4–10, Annex A, NIST CSF 2.0, an internal audit: one result per "
        "assessable requirement, with progress and a compliance score. Results of other "
        "assessments can project onto it through mapping sets (infer_from).";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Text("framework")
            .Required()
            .MaxLength(500)
            .Label("Framework")
            .Describe("URN of the framework assessed, e.g. urn:isms:framework:iso27001-2022."),
        Enum(
            "assessment_type",
            {"gap_assessment", "self_assessment", "internal_audit", "external_audit"}
        )
            .Label("Type"),
        Enum("status", {"planned", "in_progress", "in_review", "done"})
            .Label("Status")
            .Describe("Results are frozen while the assessment is done."),
        DateField("due_date")
            .Label("Due date")
            .Reminds("assessment due")
            .SettledWhen("status", {"done"}),
        ReferenceList("infer_from", "assessments")
            .Label("Infer from")
            .Describe("Assessments of other frameworks whose results project onto this one through "
                      "the catalog's mapping sets, where no person has set a result."),
        Text("framework_ref").MaxLength(200).Computed().Label("Framework"),
    };
    return s;
}

}  // namespace

Status DeclareComplianceRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(AppliedControls()));
    return registry.Add(Assessments());
}

}  // namespace isms::compliance
