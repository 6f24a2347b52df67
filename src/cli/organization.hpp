// Which organization a command acts for: the one named by --org, or the only one there is.
#pragma once

#include <string>

#include "app/app.hpp"

namespace isms::cli {

/// The organization with slug `slug`; with an empty slug the instance's only organization.
/// kInvalidArgument (field "org") when there are none or several and no slug was given.
[[nodiscard]] Result<TenantId> OnlyOrNamedTenant(app::App& app, const std::string& slug);

}  // namespace isms::cli
