#include "risk/risk_registers.hpp"

namespace isms::risk {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec Assets() {
    RegisterSpec s;
    s.name = "assets";
    s.title = "Assets";
    s.ref_prefix = "AST";
    s.clause = "A.5.9";
    s.description =
        "Information and other associated assets: what the organization must protect (primary "
        "assets) and what they depend on (supporting assets).";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum("kind", {"primary", "supporting"})
            .Required()
            .Label("Kind")
            .Describe("Primary assets are information and business processes; supporting "
                      "assets are what they rely on."),
        Enum(
            "category",
            {"information",
             "business_process",
             "software",
             "hardware",
             "service",
             "network",
             "people",
             "site",
             "supplier"}
        )
            .Label("Category"),
        Enum("classification", {"public", "internal", "confidential", "restricted"})
            .Label("Classification"),
        Int("confidentiality").Range(1, 5).Label("Confidentiality requirement"),
        Int("integrity").Range(1, 5).Label("Integrity requirement"),
        Int("availability").Range(1, 5).Label("Availability requirement"),
        Int("authenticity")
            .Range(1, 5)
            .Label("Authenticity requirement")
            .Describe("Only where the organization's risk method enables it."),
        Int("non_repudiation")
            .Range(1, 5)
            .Label("Non-repudiation requirement")
            .Describe("Only where the organization's risk method enables it."),
        Text("location").Searchable().MaxLength(200).Label("Location"),
        ReferenceList("depends_on", "assets")
            .Label("Depends on")
            .Describe("Supporting assets this asset relies on."),
        Bool("in_scope").Label("In ISMS scope"),
        DateField("review_date").Label("Next review").Reminds("asset review due"),
    };
    return s;
}

RegisterSpec Threats() {
    RegisterSpec s;
    s.name = "threats";
    s.title = "Threats";
    s.ref_prefix = "THR";
    s.clause = "6.1.2 c";
    s.description =
        "Potential causes of an unwanted incident, grouped as in the examples of ISO/IEC 27005; "
        "loaded from the starter catalog or from imported libraries, or written by hand.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum(
            "category",
            {"physical",
             "natural",
             "infrastructure_failure",
             "technical_failure",
             "human_action",
             "compromise_of_functions",
             "compromise_of_information",
             "organizational"}
        )
            .Label("Category"),
        TextList("origins")
            .Pattern("deliberate|accidental|environmental")
            .Label("Origins")
            .Describe("Deliberate, accidental and/or environmental."),
        Text("source_urn")
            .MaxLength(500)
            .Label("Source")
            .Describe("URN of the library threat this record was loaded from."),
    };
    return s;
}

RegisterSpec Vulnerabilities() {
    RegisterSpec s;
    s.name = "vulnerabilities";
    s.title = "Vulnerabilities";
    s.ref_prefix = "VUL";
    s.clause = "6.1.2 c";
    s.description = "Weaknesses of assets or controls that a threat can exploit.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum("category", {"hardware", "software", "network", "personnel", "site", "organization"})
            .Label("Category"),
        ReferenceList("assets", "assets").Label("Affected assets"),
        Enum("severity", {"low", "medium", "high", "critical"}).Label("Severity"),
        Text("cve").Pattern("CVE-[0-9]{4}-[0-9]{4,}").Label("CVE identifier"),
        Enum("status", {"open", "mitigated", "accepted"}).Label("Status"),
        DateField("identified_on").Label("Identified on"),
    };
    return s;
}

/// Likelihood and impact of one assessment stage: 1..10 here (the largest scale a method may
/// have); the tenant's method narrows it when the risk rules score the record.
void AddStage(std::vector<FieldSpec>& fields, const std::string& stage, const std::string& title) {
    fields.push_back(Int(stage + "_likelihood").Range(1, 10).Label(title + " likelihood"));
    fields.push_back(Int(stage + "_impact").Range(1, 10).Label(title + " impact"));
    fields.push_back(Text(stage + "_level")
                         .Computed()
                         .Label(title + " risk level")
                         .Describe("From likelihood and impact through the risk method's grid."));
}

RegisterSpec Risks() {
    RegisterSpec s;
    s.name = "risks";
    s.title = "Risks";
    s.ref_prefix = "RSK";
    s.clause = "6.1.2";
    s.description =
        "Risk scenarios, asset-based (assets, threat, vulnerabilities) or event-based; the owner "
        "of the record is the risk owner. Levels are computed from the organization's risk "
        "method for the inherent, current and residual (target) assessment.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(300).Label("Title"),
        Markdown("description").Searchable().Label("Scenario"),
        Enum("approach", {"asset_based", "event_based"})
            .Required()
            .Label("Approach")
            .Describe("Asset-based risks name at least one asset; event-based risks need none."),
        ReferenceList("assets", "assets").Label("Assets"),
        Reference("threat", "threats").Label("Threat"),
        ReferenceList("vulnerabilities", "vulnerabilities").Label("Vulnerabilities"),
        Markdown("consequences").Searchable().Label("Consequences"),
        Markdown("existing_controls").Label("Existing controls"),
    };
    AddStage(s.fields, "inherent", "Inherent");
    AddStage(s.fields, "current", "Current");
    AddStage(s.fields, "residual", "Residual (target)");
    const std::vector<FieldSpec> rest = {
        Int("method_version")
            .Computed()
            .Label("Method version")
            .Describe("The version of the risk method the levels were computed with."),
        Enum("treatment", {"modify", "retain", "avoid", "share"}).Label("Treatment option"),
        Markdown("treatment_justification").Label("Justification"),
        DateField("review_date")
            .Label("Next review")
            .Reminds("risk review due")
            .SettledWhen("status", {"closed"}),
        Enum(
            "status",
            {"identified", "assessed", "treatment_planned", "treated", "accepted", "closed"}
        )
            .Label("Status"),
        DateField("accepted_until")
            .Computed()
            .Label("Accepted until")
            .Describe("Expiry of the active acceptance of the residual risk.")
            .Reminds("risk acceptance expires")
            .SettledWhen("status", {"closed"}),
    };
    s.fields.insert(s.fields.end(), rest.begin(), rest.end());
    return s;
}

RegisterSpec TreatmentActions() {
    RegisterSpec s;
    s.name = "treatment_actions";
    s.title = "Treatment actions";
    s.ref_prefix = "RTA";
    s.clause = "6.1.3";
    s.description =
        "The risk treatment plan: what is done to modify, avoid or share risks, by whom and "
        "when, and which Annex A controls it implements.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(300).Label("Title"),
        Markdown("description").Searchable().Label("Description"),
        ReferenceList("risks", "risks").Required().Label("Risks treated"),
        TextList("annex_a_controls")
            .MaxLength(20)
            .Label("Annex A controls")
            .Describe("ISO/IEC 27001:2022 Annex A controls this action implements, e.g. A.8.5."),
        ReferenceList("applied_controls", "applied_controls")
            .Label("Applied controls")
            .Describe("The organization's own controls this action puts in place or improves."),
        Enum("status", {"planned", "in_progress", "done", "cancelled"}).Label("Status"),
        DateField("due_date")
            .Label("Due")
            .Reminds("treatment action due")
            .SettledWhen("status", {"done", "cancelled"}),
        DateField("completed_on").Label("Completed on"),
        Decimal("cost").Range(0, 1e12).Label("Cost"),
        Decimal("effort_days").Range(0, 1e6).Label("Effort (person-days)"),
    };
    return s;
}

}  // namespace

Status DeclareRiskRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(Assets()));
    ISMS_TRY(registry.Add(Threats()));
    ISMS_TRY(registry.Add(Vulnerabilities()));
    ISMS_TRY(registry.Add(Risks()));
    return registry.Add(TreatmentActions());
}

}  // namespace isms::risk
