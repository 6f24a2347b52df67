#include "cli/organization.hpp"

#include <vector>

namespace isms::cli {

namespace {

/// The organization named by `slug`, or the only one `user` belongs to.
Result<TenantId> OnlyOrNamedTenantOf(app::App& app, const std::string& slug, UserId user) {
    if (!slug.empty()) {
        return app.FindTenant(slug);
    }
    ISMS_TRY_ASSIGN(auto tenants, app.iam().ListTenants());
    std::vector<TenantId> member_of;
    for (const auto& t : tenants) {
        ISMS_TRY_ASSIGN(bool member, app.iam().IsMember(t.id, user));
        if (member) {
            member_of.push_back(t.id);
        }
    }
    if (member_of.size() != 1) {
        return Error::Invalid(
            "org",
            member_of.empty() ? "the user belongs to no organization"
                              : "the user belongs to several organizations: name one with --org"
        );
    }
    return member_of.front();
}

}  // namespace

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

Result<iam::Principal> MemberPrincipal(
    app::App& app, const std::string& slug, const std::string& email
) {
    ISMS_TRY_ASSIGN(const UserId user, app.iam().FindUser(email));
    ISMS_TRY_ASSIGN(const TenantId tenant, OnlyOrNamedTenantOf(app, slug, user));
    return app.iam().PrincipalFor(tenant, user);
}

CLI::App* AddActingCommand(
    CLI::App& group,
    const char* name,
    const char* what,
    ActingFlags& flags,
    const std::function<void(CLI::App*)>& common
) {
    CLI::App* cmd = group.add_subcommand(name, what);
    common(cmd);
    cmd->add_option(
        "--org,--tenant", flags.org, "organization slug (default: the only one, or --as's only one)"
    );
    cmd->add_option(
        "--as", flags.as, "act as this member (e-mail) with their role (default: as the admin)"
    );
    return cmd;
}

Result<iam::Principal> ActingPrincipal(app::App& app, const ActingFlags& flags) {
    if (!flags.as.empty()) {
        return MemberPrincipal(app, flags.org, flags.as);
    }
    ISMS_TRY_ASSIGN(const TenantId tenant, OnlyOrNamedTenant(app, flags.org));
    return CliPrincipal(tenant);
}

Result<std::map<std::int64_t, std::string>> MemberEmails(app::App& app, TenantId tenant) {
    ISMS_TRY_ASSIGN(const json::array members, app.iam().ListMembers(tenant));
    std::map<std::int64_t, std::string> emails;
    for (const auto& m : members) {
        emails[m.at("id").as_int64()] = std::string(m.at("email").as_string());
    }
    return emails;
}

}  // namespace isms::cli
