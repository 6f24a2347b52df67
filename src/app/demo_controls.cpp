#include "app/demo_controls.hpp"

namespace isms::app {

namespace {

constexpr const char* kAnnexA = "urn:isms:framework:iso27001-2022:";
constexpr const char* kSupplier = "urn:demo:framework:supplier-requirements:";

json::array Requirements(
    std::initializer_list<std::string> annex_a, std::initializer_list<std::string> supplier
) {
    json::array out;
    for (const std::string& a : annex_a) {
        out.emplace_back(json::string(kAnnexA + a));
    }
    for (const std::string& s : supplier) {
        out.emplace_back(json::string(kSupplier + s));
    }
    return out;
}

}  // namespace

Result<DemoControls> SeedDemoControls(App& app, const iam::Principal& admin) {
    const std::int64_t owner = admin.user.value;
    auto create = [&](json::object body) -> Result<std::int64_t> {
        body["owner"] = owner;
        ISMS_TRY_ASSIGN(
            json::object created, app.records().Create(admin, "applied_controls", body)
        );
        return created.at("id").as_int64();
    };
    DemoControls c;
    ISMS_TRY_ASSIGN(
        c.sso_mfa,
        create(
            {{"name", "Single sign-on with phishing-resistant MFA"},
             {"description",
              "Every staff account signs in through the identity provider with a FIDO2 key."},
             {"status", "in_progress"},
             {"control_type", "preventive"},
             {"category", "technological"},
             {"requirements", Requirements({"a.5.17", "a.8.5"}, {})},
             {"cost", 12000},
             {"review_frequency", "annual"}}
        )
    );
    ISMS_TRY_ASSIGN(
        c.offline_backups,
        create(
            {{"name", "Nightly offline backups"},
             {"description",
              "Database backups copied nightly to immutable storage off the production network; "
              "restore tested quarterly."},
             {"status", "implemented"},
             {"control_type", "corrective"},
             {"category", "technological"},
             {"requirements", Requirements({"a.8.13"}, {})},
             {"review_frequency", "quarterly"},
             {"last_result", "not_tested"}}
        )
    );
    ISMS_TRY_ASSIGN(
        c.disk_encryption,
        create(
            {{"name", "Full-disk encryption on laptops"},
             {"status", "operating"},
             {"control_type", "preventive"},
             {"category", "technological"},
             {"requirements", Requirements({"a.8.1", "a.8.24"}, {"dsr-3"})},
             {"review_frequency", "semiannual"},
             {"last_tested_on", "2026-09-30"},
             {"last_result", "effective"}}
        )
    );
    ISMS_TRY_ASSIGN(
        c.awareness,
        create(
            {{"name", "Phishing awareness programme"},
             {"status", "planned"},
             {"control_type", "preventive"},
             {"category", "people"},
             {"requirements", Requirements({"a.6.3"}, {})},
             {"review_frequency", "annual"}}
        )
    );
    return c;
}

}  // namespace isms::app
