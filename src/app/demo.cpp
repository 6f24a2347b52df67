#include "app/demo.hpp"

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
    return login;
}

}  // namespace isms::app
