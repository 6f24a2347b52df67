#include "iam/permission.hpp"

#include <algorithm>
#include <string>

namespace isms::iam {

namespace {

const char* ActionName(Action a) {
    switch (a) {
        case Action::kRead:
            return "read";
        case Action::kCreate:
            return "create";
        case Action::kUpdate:
            return "change";
        case Action::kArchive:
            return "archive";
    }
    return "change";
}

}  // namespace

std::string_view TokenScopeName(TokenScope s) {
    switch (s) {
        case TokenScope::kReadOnly:
            return "read";
        case TokenScope::kReadWrite:
            return "read_write";
        case TokenScope::kAdmin:
            return "admin";
    }
    return "read";
}

std::optional<TokenScope> ParseTokenScope(std::string_view name) {
    for (TokenScope s : {TokenScope::kReadOnly, TokenScope::kReadWrite, TokenScope::kAdmin}) {
        if (TokenScopeName(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

Status Authorize(
    const Principal& who,
    const schema::RegisterSpec& spec,
    Action action,
    std::optional<UserId> record_owner
) {
    if (action == Action::kRead) {
        return {};
    }
    const std::string denied =
        std::string(RoleName(who.role)) + " may not " + ActionName(action) + " " + spec.name;
    ISMS_TRY(RequireWrite(who));
    const bool editor =
        who.role == Role::kAdmin
        || std::find(spec.editor_roles.begin(), spec.editor_roles.end(), RoleName(who.role))
               != spec.editor_roles.end();
    if (editor) {
        return {};
    }
    const bool owner_role = who.role == Role::kRiskOwner || who.role == Role::kControlOwner;
    if (action == Action::kUpdate && owner_role && record_owner && *record_owner == who.user) {
        return {};
    }
    return Error::Denied(denied);
}

Status RequireWrite(const Principal& who) {
    if (who.via == Via::kToken && who.scope == TokenScope::kReadOnly) {
        return Error::Denied("this API token is read-only");
    }
    return {};
}

Status RequireAdmin(const Principal& who) {
    if (who.role != Role::kAdmin) {
        return Error::Denied("only an admin may do this");
    }
    if (who.via == Via::kToken && who.scope != TokenScope::kAdmin) {
        return Error::Denied("this API token lacks the admin scope");
    }
    return {};
}

Status RequireManager(const Principal& who) {
    if (who.role != Role::kAdmin && who.role != Role::kIsmsManager) {
        return Error::Denied("only an admin or ISMS manager may do this");
    }
    return RequireWrite(who);
}

}  // namespace isms::iam
