// Roles a member has in an organization (ARCHITECTURE.md "Tenancy and access"), from most to
// least powerful. admin manages members and settings; isms_manager runs the ISMS; risk and
// control owners edit what they own; auditor and reader only read.
#pragma once

#include <optional>
#include <string_view>

namespace isms::iam {

enum class Role { kAdmin, kIsmsManager, kRiskOwner, kControlOwner, kAuditor, kReader };

inline constexpr Role kAllRoles[] = {
    Role::kAdmin,
    Role::kIsmsManager,
    Role::kRiskOwner,
    Role::kControlOwner,
    Role::kAuditor,
    Role::kReader};

[[nodiscard]] std::string_view RoleName(Role role);
[[nodiscard]] std::optional<Role> ParseRole(std::string_view name);

}  // namespace isms::iam
