#include "app/demo_operations.hpp"

#include <chrono>

#include "core/crypto.hpp"

namespace isms::app {

namespace {

constexpr const char* kSecurityLead = "security.lead@demo.isms.local";

std::string Day(const App& app, int offset) {
    return FormatDate(Today(app.clock()) + std::chrono::days{offset});
}

std::string At(const App& app, int day_offset, int hour) {
    return FormatTimestamp(
        app.clock().Now() + std::chrono::days{day_offset} + std::chrono::hours{hour}
    );
}

Result<std::int64_t> Create(
    App& app, const iam::Principal& who, std::string_view name, json::object body
) {
    ISMS_TRY_ASSIGN(json::object created, app.records().Create(who, name, body));
    return created.at("id").as_int64();
}

Status SeedSuppliers(App& app, const iam::Principal& admin, const DemoOperationsAssets& assets) {
    ISMS_TRY_ASSIGN(
        const std::int64_t hosting,
        Create(
            app,
            admin,
            "suppliers",
            {{"name", "Northwind Cloud Hosting"},
             {"services", json::array{"Infrastructure hosting", "Managed backups"}},
             {"criticality", "critical"},
             {"status", "active"},
             {"data_shared", "Customer records, order history (personal data)."},
             {"processes_personal_data", true},
             {"security_requirements",
              "ISO/IEC 27001 certificate kept current; incidents reported within 24 hours; "
              "data encrypted at rest; right to audit."},
             {"contact", "security@northwind-hosting.example"},
             {"contract_reference", "MSA-2024-017"},
             {"contract_start", Day(app, -700)},
             {"contract_end", Day(app, 395)},
             {"assets", json::array{assets.customer_database}},
             {"owner", admin.user.value}}
        )
    );
    ISMS_TRY(Create(
        app,
        admin,
        "supplier_assessments",
        {{"supplier", hosting},
         {"assessed_on", Day(app, -345)},
         {"method", "certification_review"},
         {"result", "acceptable"},
         {"findings", "Certificate valid; SOC 2 report reviewed, no exceptions noted."},
         {"next_due", Day(app, 20)}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "suppliers",
        {{"name", "Brightmail Ltd"},
         {"services", json::array{"Cloud e-mail"}},
         {"criticality", "high"},
         {"status", "active"},
         {"data_shared", "All staff e-mail."},
         {"contract_reference", "SaaS order 88121"},
         {"contract_start", Day(app, -340)},
         {"contract_end", Day(app, 25)},
         {"assets", json::array{assets.email_service}},
         {"owner", admin.user.value}}
    ));
    return {};
}

Status SeedIncidents(App& app, const iam::Principal& admin, const DemoOperationsAssets& assets) {
    ISMS_TRY_ASSIGN(
        const std::int64_t phishing,
        Create(
            app,
            admin,
            "incidents",
            {{"title", "Phishing mail harvested two staff passwords"},
             {"description", "A fake invoice link led to a look-alike log-on page."},
             {"severity", "high"},
             {"category", "phishing"},
             {"status", "closed"},
             {"detected_at", At(app, -40, 0)},
             {"resolved_at", At(app, -39, 6)},
             {"affected_assets", json::array{assets.email_service, assets.laptops}},
             {"containment", "Passwords reset, sessions revoked, sender domain blocked."},
             {"root_cause", "MFA was not yet enforced for the two accounts."},
             {"lessons_learned",
              "Enforce MFA for every account without exception; run a phishing exercise each "
              "quarter."},
             {"owner", admin.user.value}}
        )
    );
    const std::pair<const char*, const char*> entries[] = {
        {"detection", "A staff member reported the mail to the service desk."},
        {"containment", "Both passwords reset and all their sessions revoked."},
        {"communication", "Staff warned of the campaign by e-mail and on the intranet."}};
    int hour = 1;
    for (const auto& [kind, text] : entries) {
        ISMS_TRY(Create(
            app,
            admin,
            "incident_timeline",
            {{"incident", phishing}, {"at", At(app, -40, hour++)}, {"kind", kind}, {"entry", text}}
        ));
    }
    ISMS_TRY(app.operations().service.RaiseRisk(admin, RecordId{phishing}, {}));
    ISMS_TRY(app.operations().service.RaiseNonconformity(
        admin, RecordId{phishing}, {{"classification", "minor"}, {"owner", admin.user.value}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "incidents",
        {{"title", "Laptop left on a train"},
         {"severity", "medium"},
         {"category", "loss_or_theft"},
         {"status", "contained"},
         {"detected_at", At(app, -2, 0)},
         {"affected_assets", json::array{assets.laptops}},
         {"containment", "Device locked and wiped remotely; the disk is encrypted."},
         {"review_due", Day(app, 3)},
         {"owner", admin.user.value}}
    ));
    return {};
}

Status SeedException(App& app, const iam::Principal& admin) {
    ISMS_TRY_ASSIGN(
        auto lead,
        app.ProvisionUser(admin.tenant, kSecurityLead, crypto::RandomToken(16), "isms_manager", "")
    );
    ISMS_TRY_ASSIGN(
        json::object waiver,
        app.records().Create(
            admin,
            "exceptions",
            {{"title", "Legacy warehouse scanner without MFA"},
             {"controls", json::array{"A.8.5"}},
             {"justification", "The scanner firmware cannot do MFA; its replacement is ordered."},
             {"compensating_controls", "Own network segment, access only from the warehouse."},
             {"approver", lead.user.value},
             {"expires_on", Day(app, 10)},
             {"owner", admin.user.value}}
        )
    );
    ISMS_TRY_ASSIGN(iam::Principal approver, app.iam().PrincipalFor(admin.tenant, lead.user));
    ISMS_TRY(app.records().Patch(
        approver,
        "exceptions",
        RecordId{waiver.at("id").as_int64()},
        std::nullopt,
        {{"status", "approved"}}
    ));
    return {};
}

}  // namespace

Status SeedDemoOperations(
    App& app, const iam::Principal& admin, const DemoOperationsAssets& assets
) {
    ISMS_TRY(SeedSuppliers(app, admin, assets));
    ISMS_TRY(SeedIncidents(app, admin, assets));
    return SeedException(app, admin);
}

}  // namespace isms::app
