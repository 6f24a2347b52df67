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
        Text("location").Searchable().MaxLength(200).Label("Location"),
        ReferenceList("depends_on", "assets")
            .Label("Depends on")
            .Describe("Supporting assets this asset relies on."),
        Bool("in_scope").Label("In ISMS scope"),
        DateField("review_date").Label("Next review"),
    };
    return s;
}

}  // namespace

Status DeclareRiskRegisters(schema::Registry& registry) {
    return registry.Add(Assets());
}

}  // namespace isms::risk
