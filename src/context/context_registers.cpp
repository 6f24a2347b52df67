#include "context/context_registers.hpp"

namespace isms::context {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec ContextIssues() {
    RegisterSpec s;
    s.name = "context_issues";
    s.title = "Internal and external issues";
    s.ref_prefix = "ISS";
    s.clause = "4.1";
    s.description =
        "Internal and external issues relevant to the organization's purpose that affect its "
        "ability to achieve the intended outcomes of the ISMS, with their effect and the risks "
        "they give rise to.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Issue"),
        Markdown("description").Searchable().Label("Description"),
        Enum("origin", {"internal", "external"}).Required().Label("Internal or external"),
        Enum(
            "category",
            {"political",
             "economic",
             "social",
             "technological",
             "legal",
             "environmental",
             "organizational",
             "cultural",
             "resources"}
        )
            .Label("Category"),
        Markdown("effect")
            .Searchable()
            .Label("Effect on the ISMS")
            .Describe("How the issue affects what the ISMS can achieve."),
        Enum("influence", {"positive", "negative", "mixed"}).Label("Influence"),
        Enum("significance", {"low", "medium", "high"}).Label("Significance"),
        ReferenceList("risks", "risks").Label("Linked risks"),
        Enum("status", {"open", "monitored", "closed"}).Label("Status"),
        DateField("review_date")
            .Label("Next review")
            .Reminds("context issue review due")
            .SettledWhen("status", {"closed"}),
    };
    return s;
}

RegisterSpec InterestedParties() {
    RegisterSpec s;
    s.name = "interested_parties";
    s.title = "Interested parties";
    s.ref_prefix = "PTY";
    s.clause = "4.2";
    s.description =
        "The interested parties relevant to the ISMS — customers, regulators, staff, suppliers, "
        "owners — and how much they influence and care about information security. Their "
        "requirements are in party_requirements.";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Enum("kind", {"internal", "external"}).Required().Label("Internal or external"),
        Enum(
            "category",
            {"customer",
             "employee",
             "management",
             "owner",
             "regulator",
             "authority",
             "supplier",
             "partner",
             "insurer",
             "community"}
        )
            .Label("Category"),
        Text("contact").MaxLength(200).Label("Contact"),
        Enum("influence", {"low", "medium", "high"}).Label("Influence on the ISMS"),
        Enum("interest", {"low", "medium", "high"}).Label("Interest in information security"),
        DateField("review_date").Label("Next review").Reminds("interested party review due"),
    };
    return s;
}

RegisterSpec PartyRequirements() {
    RegisterSpec s;
    s.name = "party_requirements";
    s.title = "Requirements of interested parties";
    s.ref_prefix = "PRQ";
    s.clause = "4.2";
    s.description =
        "What each interested party requires of information security, and whether the ISMS "
        "addresses it (4.2 c): how when it does, why not when it does not.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Requirement"),
        Markdown("description").Searchable().Label("Description"),
        Reference("party", "interested_parties").Required().Label("Interested party"),
        Enum("source", {"legal", "regulatory", "contractual", "expectation"})
            .Label("Source")
            .Describe("Where the requirement comes from; legal, regulatory and contractual ones "
                      "are best also kept as obligations."),
        Bool("addressed")
            .Required()
            .Label("Addressed by the ISMS")
            .Describe("Whether the ISMS addresses this requirement (4.2 c)."),
        Markdown("how_addressed").Label("How it is addressed").Describe("Required when addressed."),
        Markdown("reason_not_addressed")
            .Label("Why it is not addressed")
            .Describe("Required when not addressed."),
        ReferenceList("obligations", "obligations").Label("Obligations"),
        ReferenceList("applied_controls", "applied_controls").Label("Applied controls"),
    };
    return s;
}

RegisterSpec Obligations() {
    RegisterSpec s;
    s.name = "obligations";
    s.title = "Legal, regulatory and contractual obligations";
    s.ref_prefix = "OBL";
    s.clause = "A.5.31";
    s.description =
        "Legal, statutory, regulatory and contractual requirements relevant to information "
        "security (A.5.31), with the applied controls that meet them and their compliance "
        "status.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Obligation"),
        Markdown("description").Searchable().Label("Description"),
        Enum("kind", {"legal", "regulatory", "contractual"}).Required().Label("Kind"),
        Text("source").Searchable().MaxLength(300).Label("Source").Describe(
            "The law, regulation or contract and its article, e.g. GDPR Art. 32."
        ),
        Text("jurisdiction").MaxLength(100).Label("Jurisdiction"),
        Text("authority").MaxLength(200).Label("Authority or counterparty"),
        ReferenceList("applied_controls", "applied_controls")
            .Label("Applied controls")
            .Describe("The controls that meet the obligation; required once it is (partially) "
                      "complied with."),
        ReferenceList("evidence", "evidence").Label("Evidence"),
        Enum(
            "status",
            {"identified", "compliant", "partially_compliant", "non_compliant", "not_applicable"}
        )
            .Label("Compliance status"),
        Markdown("justification")
            .Label("Justification")
            .Describe("Required when the obligation is not applicable."),
        DateField("effective_from").Label("In force from"),
        DateField("review_date")
            .Label("Next review")
            .Reminds("obligation review due")
            .SettledWhen("status", {"not_applicable"}),
    };
    return s;
}

RegisterSpec Responsibilities() {
    RegisterSpec s;
    s.name = "responsibilities";
    s.title = "Roles, responsibilities and authorities (RACI)";
    s.ref_prefix = "RACI";
    s.clause = "5.3";
    s.description =
        "Who is responsible, accountable, consulted or informed for each ISMS activity: one row "
        "per activity and holder, a member or a person of the people register. Each activity "
        "has at most one accountable; GET /api/v1/responsibilities/matrix shows the whole "
        "matrix.";
    s.fields = {
        Text("activity").Required().Searchable().MaxLength(200).Label("ISMS activity"),
        Text("clause").MaxLength(20).Label("Clause").Describe(
            "The ISO/IEC 27001 clause or control the activity serves, e.g. 9.2."
        ),
        User("member").Label("Member").Describe("The member who holds the role; or name a person."),
        Reference("person", "people")
            .Label("Person")
            .Describe("The person (who need not be a user) who holds the role; or name a member."),
        Enum("raci", {"responsible", "accountable", "consulted", "informed"})
            .Required()
            .Label("RACI role"),
        Markdown("authority")
            .Label("Authority")
            .Describe("What the holder may decide or approve for this activity."),
    };
    return s;
}

RegisterSpec Objectives() {
    RegisterSpec s;
    s.name = "objectives";
    s.title = "Information security objectives";
    s.ref_prefix = "OBJ";
    s.clause = "6.2";
    s.description =
        "Measurable information security objectives (6.2): what will be done, how it is "
        "measured, the target, who is responsible (the owner), when it is due and how it "
        "stands, with the treatment actions that serve it.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Objective"),
        Markdown("description").Searchable().Label("Description"),
        Markdown("measure")
            .Required()
            .Label("How it is measured")
            .Describe("The measure and how results are evaluated (6.2 b, j)."),
        Text("target").Required().MaxLength(200).Label("Target").Describe("e.g. ≥ 95 % by Q4."),
        Decimal("target_value").Label("Target value"),
        Decimal("current_value").Label("Current value"),
        Text("unit").MaxLength(50).Label("Unit"),
        DateField("due_date")
            .Required()
            .Label("Due date")
            .Reminds("objective due")
            .SettledWhen("status", {"achieved", "missed", "cancelled"}),
        Enum("status", {"planned", "on_track", "at_risk", "achieved", "missed", "cancelled"})
            .Label("Status"),
        Markdown("resources").Label("Resources required"),
        ReferenceList("treatment_actions", "treatment_actions").Label("Treatment actions"),
        ReferenceList("metrics", "metrics")
            .Label("Measured by")
            .Describe("The metrics whose measurements show progress towards the objective."),
        DateField("achieved_on").Label("Achieved on"),
    };
    return s;
}

RegisterSpec IsmsChanges() {
    RegisterSpec s;
    s.name = "isms_changes";
    s.title = "Planned changes to the ISMS";
    s.ref_prefix = "CHG";
    s.clause = "6.3";
    s.description =
        "Changes to the ISMS carried out in a planned manner (6.3): their purpose and potential "
        "consequences, the resources they need and who is responsible, from proposal to done.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Change"),
        Markdown("purpose").Required().Searchable().Label("Purpose"),
        Markdown("consequences").Label("Potential consequences"),
        Markdown("resources").Label("Resources"),
        User("responsible").Label("Responsible"),
        Enum("status", {"proposed", "approved", "in_progress", "done", "rejected", "cancelled"})
            .Label("Status")
            .Describe("Approval needs consequences, resources and a responsible member; done, "
                      "rejected and cancelled are final."),
        DateField("planned_for")
            .Label("Planned for")
            .Reminds("ISMS change planned")
            .SettledWhen("status", {"done", "rejected", "cancelled"}),
        DateField("completed_on").Label("Completed on"),
        ReferenceList("risks", "risks").Label("Risks considered"),
        ReferenceList("objectives", "objectives").Label("Objectives affected"),
    };
    return s;
}

}  // namespace

Status DeclareContextRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(ContextIssues()));
    ISMS_TRY(registry.Add(InterestedParties()));
    ISMS_TRY(registry.Add(Obligations()));
    ISMS_TRY(registry.Add(PartyRequirements()));
    ISMS_TRY(registry.Add(Responsibilities()));
    ISMS_TRY(registry.Add(Objectives()));
    return registry.Add(IsmsChanges());
}

}  // namespace isms::context
