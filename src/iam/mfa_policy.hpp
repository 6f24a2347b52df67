// Which members of an organization must use multi-factor authentication (ISO/IEC 27001:2022
// A.8.5; A.8.2 for privileged access): nobody, the admins, or everyone. An organization
// setting kept in tenants.mfa_required_for; a member it covers who has not enrolled gets a
// session that may only enrol.
#pragma once

#include <optional>
#include <string_view>

#include "iam/role.hpp"

namespace isms::iam {

enum class MfaRequirement { kNobody, kAdmins, kEveryone };

/// "nobody", "admins" or "everyone".
[[nodiscard]] std::string_view MfaRequirementName(MfaRequirement r);
[[nodiscard]] std::optional<MfaRequirement> ParseMfaRequirement(std::string_view name);
/// Whether the requirement covers a member with `role`.
[[nodiscard]] bool MfaRequiredFor(MfaRequirement r, Role role);

}  // namespace isms::iam
