// Which organization a command acts for: the one named by --org, or the only one there is, and
// who acts there: whoever can run commands on the data directory.
#pragma once

#include <string>

#include "app/app.hpp"

namespace isms::cli {

/// The organization with slug `slug`; with an empty slug the instance's only organization.
/// kInvalidArgument (field "org") when there are none or several and no slug was given.
[[nodiscard]] Result<TenantId> OnlyOrNamedTenant(app::App& app, const std::string& slug);

/// The command line acting in `tenant`: whoever can run commands on the data directory
/// administers the instance (user 0, "cli" in the ledger).
[[nodiscard]] iam::Principal CliPrincipal(TenantId tenant);

}  // namespace isms::cli
