#include "iam/mfa_policy.hpp"

namespace isms::iam {

std::string_view MfaRequirementName(MfaRequirement r) {
    switch (r) {
        case MfaRequirement::kNobody:
            return "nobody";
        case MfaRequirement::kAdmins:
            return "admins";
        case MfaRequirement::kEveryone:
            return "everyone";
    }
    return "nobody";
}

std::optional<MfaRequirement> ParseMfaRequirement(std::string_view name) {
    for (MfaRequirement r :
         {MfaRequirement::kNobody, MfaRequirement::kAdmins, MfaRequirement::kEveryone}) {
        if (MfaRequirementName(r) == name) {
            return r;
        }
    }
    return std::nullopt;
}

bool MfaRequiredFor(MfaRequirement r, Role role) {
    return r == MfaRequirement::kEveryone || (r == MfaRequirement::kAdmins && role == Role::kAdmin);
}

}  // namespace isms::iam
