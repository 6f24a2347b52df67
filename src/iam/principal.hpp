// The authenticated caller of one request: which user, in which organization, with which
// role, and how they proved it (session cookie or API token, with the token's scope).
#pragma once

#include <string>

#include "core/ids.hpp"
#include "iam/role.hpp"
#include "store/ledger.hpp"

namespace isms::iam {

enum class TokenScope { kReadOnly, kReadWrite, kAdmin };

[[nodiscard]] std::string_view TokenScopeName(TokenScope s);
[[nodiscard]] std::optional<TokenScope> ParseTokenScope(std::string_view name);

enum class Via { kSession, kToken, kSystem };

struct Principal {
    TenantId tenant;
    UserId user;
    std::string email;
    Role role = Role::kReader;
    Via via = Via::kSystem;
    TokenScope scope = TokenScope::kAdmin;  // tokens: as issued; sessions: the role decides
    std::string csrf_token;                 // sessions only
    std::int64_t credential_id = 0;         // session or token row id
    /// Sessions only: the organization requires MFA of this member, who has not enrolled;
    /// the session may only enrol, read its MFA status and the caller, and log off.
    bool mfa_enrolment_only = false;

    [[nodiscard]] store::Actor AsActor() const { return store::Actor{user, email}; }
};

}  // namespace isms::iam
