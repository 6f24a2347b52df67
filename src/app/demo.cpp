#include "app/demo.hpp"

#include "app/demo_audit.hpp"
#include "app/demo_context.hpp"
#include "app/demo_documents.hpp"
#include "app/demo_evidence.hpp"
#include "app/demo_monitoring.hpp"
#include "app/demo_operations.hpp"
#include "app/demo_people.hpp"
#include "app/demo_risk.hpp"
#include "app/demo_soa.hpp"
#include "core/crypto.hpp"

namespace isms::app {

namespace {

constexpr const char* kDemoEmail = "admin@demo.isms.local";

struct DemoAsset {
    const char* name;
    const char* kind;
    const char* category;
    const char* classification;
    int c;
    int i;
    int a;
    const char* location;
    std::vector<int> depends_on;  // indexes into the list
};

// Written for the demo: what the organization asks of its suppliers, and where each request
// lands in ISO/IEC 27001:2022 Annex A.
constexpr const char* kDemoLibrary = R"({
  "format": "isms-library/1",
  "urn": "urn:demo:library:supplier-requirements",
  "version": "1",
  "name": "Demo supplier security requirements",
  "description": "The security clauses the Demo Organization puts in its supplier contracts.",
  "provider": "Demo Organization",
  "frameworks": [{
    "urn": "urn:demo:framework:supplier-requirements",
    "ref_id": "DSR",
    "name": "Demo supplier security requirements",
    "nodes": [
      {"ref_id": "DSR-1", "name": "Security contact", "assessable": true,
       "description": "The supplier names a security contact and keeps the name current."},
      {"ref_id": "DSR-2", "name": "Incident notification", "assessable": true,
       "description": "The supplier reports incidents affecting our data within 24 hours."},
      {"ref_id": "DSR-3", "name": "Encryption of our data", "assessable": true,
       "description": "Our data is encrypted in transit and at rest with current algorithms."},
      {"ref_id": "DSR-4", "name": "Right to audit", "assessable": true,
       "description": "We may audit, or receive an independent report on, the supplier's controls."}
    ]
  }],
  "mapping_sets": [{
    "urn": "urn:demo:mapping:supplier-requirements-to-iso27001-2022",
    "name": "Supplier requirements → ISO/IEC 27001:2022",
    "source_framework": "urn:demo:framework:supplier-requirements",
    "target_framework": "urn:isms:framework:iso27001-2022",
    "pairs": [
      {"source": "DSR-1", "target": "urn:isms:framework:iso27001-2022:a.5.20", "relationship": "subset"},
      {"source": "DSR-2", "target": "urn:isms:framework:iso27001-2022:a.5.24", "relationship": "subset"},
      {"source": "DSR-3", "target": "urn:isms:framework:iso27001-2022:a.8.24", "relationship": "subset"},
      {"source": "DSR-4", "target": "urn:isms:framework:iso27001-2022:a.5.22", "relationship": "intersect"}
    ]
  }]
})";

}  // namespace

Result<DemoLogin> SeedDemo(App& app) {
    ISMS_TRY_ASSIGN(auto tenants, app.iam().ListTenants());
    if (!tenants.empty()) {
        return Error::Conflict("the instance already has an organization");
    }
    ISMS_TRY_ASSIGN(TenantId tenant, app.CreateTenant("Demo Organization", "demo"));
    DemoLogin login{kDemoEmail, crypto::RandomToken(12)};
    ISMS_TRY_ASSIGN(
        auto admin, app.ProvisionUser(tenant, login.email, login.password, "admin", "")
    );
    ISMS_TRY_ASSIGN(iam::Principal who, app.iam().PrincipalFor(tenant, admin.user));

    const std::vector<DemoAsset> assets = {
        {"Customer database",
         "supporting",
         "software",
         "confidential",
         5,
         4,
         4,
         "eu-west data centre",
         {}},
        {"Payroll records", "primary", "information", "restricted", 5, 5, 3, "HR file share", {0}},
        {"Order-to-cash process", "primary", "business_process", "internal", 3, 5, 5, "", {0}},
        {"Corporate laptops", "supporting", "hardware", "internal", 4, 3, 3, "Staff", {}},
        {"Cloud e-mail service",
         "supporting",
         "service",
         "confidential",
         4,
         4,
         4,
         "SaaS supplier",
         {}},
        {"Head office", "supporting", "site", "internal", 2, 2, 4, "Main street 1", {}},
    };
    std::vector<std::int64_t> ids;
    for (const DemoAsset& a : assets) {
        json::array deps;
        for (int d : a.depends_on) {
            deps.push_back(ids.at(static_cast<std::size_t>(d)));
        }
        json::object body{
            {"name", a.name},
            {"kind", a.kind},
            {"category", a.category},
            {"classification", a.classification},
            {"confidentiality", a.c},
            {"integrity", a.i},
            {"availability", a.a},
            {"depends_on", std::move(deps)},
            {"in_scope", true},
            {"owner", admin.user.value}};
        if (a.location[0] != '\0') {
            body["location"] = a.location;
        }
        ISMS_TRY_ASSIGN(auto created, app.records().Create(who, "assets", body));
        ids.push_back(created.at("id").as_int64());
    }
    // An imported catalog of the organization's own, mapped to ISO/IEC 27001:2022, so that the
    // frameworks, mapping and coverage screens show something beyond the built-ins.
    ISMS_TRY(app.catalog().Import(who, {{"demo-supplier-requirements.json", kDemoLibrary}}, {}));
    ISMS_TRY_ASSIGN(DemoControls controls, SeedDemoControls(app, who));
    ISMS_TRY(SeedDemoRisks(app, who, DemoAssets{ids[0], ids[1], ids[3], ids[4], ids[5]}, controls));
    ISMS_TRY_ASSIGN(const std::int64_t restore_tests, SeedDemoEvidence(app, who, controls));
    ISMS_TRY(SeedDemoSoa(app, who));
    ISMS_TRY_ASSIGN(const std::vector<std::int64_t> people, SeedDemoPeople(app, who));
    ISMS_TRY(SeedDemoContext(app, who, controls, people));
    ISMS_TRY(SeedDemoAssessments(app, who, restore_tests));
    ISMS_TRY(SeedDemoDocuments(app, who, people));
    ISMS_TRY(SeedDemoMonitoring(app, who));
    ISMS_TRY(SeedDemoOperations(app, who, DemoOperationsAssets{ids[0], ids[3], ids[4]}));
    ISMS_TRY(SeedDemoAudits(app, who, restore_tests));
    return login;
}

}  // namespace isms::app
