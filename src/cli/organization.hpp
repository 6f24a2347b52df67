// Which organization a command acts for: the one named by --org, or the only one there is, and
// who acts there: whoever can run commands on the data directory, or with --as a member.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app.hpp"

namespace isms::cli {

/// The organization with slug `slug`; with an empty slug the instance's only organization.
/// kInvalidArgument (field "org") when there are none or several and no slug was given.
[[nodiscard]] Result<TenantId> OnlyOrNamedTenant(app::App& app, const std::string& slug);

/// The command line acting in `tenant`: whoever can run commands on the data directory
/// administers the instance (user 0, "cli" in the ledger).
[[nodiscard]] iam::Principal CliPrincipal(TenantId tenant);

/// The user with e-mail `email` acting with their own role in the organization `slug`, or in
/// the only one they belong to (kInvalidArgument on "org" when none or several). kNotFound for
/// an unknown e-mail, kUnauthenticated when the user is not a member there.
[[nodiscard]] Result<iam::Principal> MemberPrincipal(
    app::App& app, const std::string& slug, const std::string& email
);

/// `--org SLUG` (also `--tenant`) and `--as EMAIL` of the commands that act on an
/// organization's records.
struct ActingFlags {
    std::string org;
    std::string as;
};

/// Adds the subcommand `name` to `group` with the `common` options, --org (also --tenant)
/// and --as bound to `flags`.
CLI::App* AddActingCommand(
    CLI::App& group,
    const char* name,
    const char* what,
    ActingFlags& flags,
    const std::function<void(CLI::App*)>& common
);

/// MemberPrincipal(org, as) with --as, else CliPrincipal(OnlyOrNamedTenant(org)).
[[nodiscard]] Result<iam::Principal> ActingPrincipal(app::App& app, const ActingFlags& flags);

/// The e-mail of every member of `tenant`, by user id.
[[nodiscard]] Result<std::map<std::int64_t, std::string>> MemberEmails(
    app::App& app, TenantId tenant
);

}  // namespace isms::cli
