#include "iam/security_events.hpp"

#include <string>

#include "iam/iam_service.hpp"

namespace isms::iam {

namespace {

constexpr std::int64_t kMaxLimit = 500;

}  // namespace

const char* SecuritySeverity(std::string_view action) {
    if (action == "permission_denied" || action == "login_failed" || action == "lockout"
        || action == "mfa_failed" || action == "mfa_reset" || action == "mfa_recovery_code_used") {
        return "warning";
    }
    if (action == "login" || action == "logout" || action == "mfa_enrolment_started"
        || action == "token_used") {
        return "info";
    }
    return "notice";  // roles, members, sessions ended, tokens, MFA on or off, MFA policy
}

Result<json::object> IamService::SecurityEvents(
    const Principal& who, std::int64_t limit, std::int64_t offset
) {
    if (who.role != Role::kAdmin && who.role != Role::kAuditor) {
        return Error::Denied("only admins and auditors read security events");
    }
    std::vector<FieldError> errors;
    if (limit < 1 || limit > kMaxLimit) {
        errors.push_back({"limit", "must be from 1 to " + std::to_string(kMaxLimit)});
    }
    if (offset < 0) {
        errors.push_back({"offset", "must not be negative"});
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT seq, at, actor_id, actor, action, subject, record_id, after_json FROM ledger "
            "WHERE tenant_id = ? AND subject IN ('auth', 'memberships', 'tokens', 'sessions', "
            "'users', 'mfa') ORDER BY seq DESC LIMIT ? OFFSET ?",
            {who.tenant.value, limit, offset}
        )
    );
    json::array items;
    for (const auto& r : rows) {
        json::value detail(nullptr);
        if (!r.IsNull(7)) {
            ISMS_TRY_ASSIGN(detail, ParseJson(r.Text(7)));
        }
        items.push_back(json::object{
            {"seq", r.Int(0)},
            {"at", r.Text(1)},
            {"actor", json::object{{"id", r.Int(2)}, {"name", r.Text(3)}}},
            {"event", r.Text(4)},
            {"severity", SecuritySeverity(r.Text(4))},
            {"subject", r.Text(5)},
            {"subject_id", r.Int(6)},
            {"detail", std::move(detail)}});
    }
    return json::object{{"items", std::move(items)}, {"limit", limit}, {"offset", offset}};
}

}  // namespace isms::iam
