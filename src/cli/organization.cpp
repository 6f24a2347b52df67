#include "cli/organization.hpp"

namespace isms::cli {

Result<TenantId> OnlyOrNamedTenant(app::App& app, const std::string& slug) {
    if (!slug.empty()) {
        return app.FindTenant(slug);
    }
    ISMS_TRY_ASSIGN(auto tenants, app.iam().ListTenants());
    if (tenants.size() != 1) {
        return Error::Invalid(
            "org",
            tenants.empty() ? "no organization exists yet: run isms init"
                            : "several organizations exist: name one with --org"
        );
    }
    return tenants.front().id;
}

iam::Principal CliPrincipal(TenantId tenant) {
    iam::Principal p;
    p.tenant = tenant;
    p.user = UserId{0};
    p.email = "cli";
    p.role = iam::Role::kAdmin;
    p.via = iam::Via::kSystem;
    return p;
}

}  // namespace isms::cli
