#include "iam/role.hpp"

namespace isms::iam {

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAdmin:
            return "admin";
        case Role::kIsmsManager:
            return "isms_manager";
        case Role::kRiskOwner:
            return "risk_owner";
        case Role::kControlOwner:
            return "control_owner";
        case Role::kAuditor:
            return "auditor";
        case Role::kReader:
            return "reader";
    }
    return "reader";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (Role r : kAllRoles) {
        if (RoleName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

}  // namespace isms::iam
