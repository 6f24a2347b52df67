// IamService: listing and ending log-on sessions (ISO/IEC 27001:2022 A.8.5, A.5.18).
#include "core/log.hpp"
#include "iam/iam_service.hpp"
#include "iam/permission.hpp"

namespace isms::iam {

namespace {

/// Whether a session row (last_seen_at, expires_at) is still usable at `now`.
bool Live(const store::SqlRow& row, std::size_t seen, Timestamp now, std::chrono::seconds idle) {
    const auto last_seen = ParseTimestamp(row.Text(seen));
    const auto expires = ParseTimestamp(row.Text(seen + 1));
    return last_seen && expires && now < *expires && now - *last_seen < idle;
}

}  // namespace

Result<json::array> IamService::ListSessions(const Principal& who) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT id, created_at, last_seen_at, expires_at, remote FROM sessions WHERE "
            "tenant_id = ? AND user_id = ? AND revoked_at IS NULL ORDER BY id DESC",
            {who.tenant.value, who.user.value}
        )
    );
    const Timestamp now = clock_.Now();
    json::array out;
    for (const auto& r : rows) {
        if (!Live(r, 2, now, policy_.idle)) {
            continue;
        }
        out.push_back(json::object{
            {"id", r.Int(0)},
            {"created_at", r.Text(1)},
            {"last_seen_at", r.Text(2)},
            {"expires_at", r.Text(3)},
            {"remote", r.IsNull(4) ? json::value(nullptr) : json::value(r.Text(4))},
            {"current", who.via == Via::kSession && who.credential_id == r.Int(0)}});
    }
    return out;
}

Status IamService::RevokeSession(const Principal& who, std::int64_t session_id) {
    ISMS_TRY(RequireWrite(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT last_seen_at, expires_at FROM sessions WHERE id = ? AND tenant_id = ? AND "
            "user_id = ? AND revoked_at IS NULL",
            {session_id, who.tenant.value, who.user.value}
        )
    );
    if (rows.empty() || !Live(rows[0], 0, tx.now(), policy_.idle)) {
        return Error::NotFound("session " + std::to_string(session_id) + " not found");
    }
    ISMS_TRY(tx.sql().Exec(
        "UPDATE sessions SET revoked_at = ? WHERE tenant_id = ? AND id = ?",
        {FormatTimestamp(tx.now()), who.tenant.value, session_id}
    ));
    ISMS_TRY(tx.Append("session_revoked", "sessions", session_id, std::nullopt, std::nullopt));
    return tx.Commit();
}

Result<std::int64_t> IamService::RevokeUserSessions(const Principal& who, UserId user) {
    ISMS_TRY(RequireAdmin(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(RequireMember(tx, user));
    ISMS_TRY_ASSIGN(const std::int64_t ended, EndSessions(tx, user, "admin"));
    ISMS_TRY(tx.Commit());
    return ended;
}

Status IamService::RecordDenied(
    const Principal& who, const std::string& method, const std::string& path
) {
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(tx.Append(
        "permission_denied",
        "auth",
        who.user.value,
        std::nullopt,
        ToJsonText(json::object{{"method", method}, {"path", path}})
    ));
    return tx.Commit();
}

Status IamService::RequireMember(store::WriteTx& tx, UserId user) {
    ISMS_TRY_ASSIGN(
        auto member,
        tx.sql().Query(
            "SELECT 1 FROM memberships WHERE tenant_id = ? AND user_id = ?",
            {tx.tenant().value, user.value}
        )
    );
    if (member.empty()) {
        return Error::NotFound("member " + std::to_string(user.value) + " not found");
    }
    return {};
}

Result<std::int64_t> IamService::EndSessions(
    store::WriteTx& tx, UserId user, std::string_view reason
) {
    ISMS_TRY_ASSIGN(
        const std::int64_t ended,
        tx.sql().Exec(
            "UPDATE sessions SET revoked_at = ? WHERE tenant_id = ? AND user_id = ? AND "
            "revoked_at IS NULL AND expires_at > ?",
            {FormatTimestamp(tx.now()), tx.tenant().value, user.value, FormatTimestamp(tx.now())}
        )
    );
    if (ended > 0) {
        const json::object what{{"user", user.value}, {"sessions", ended}, {"reason", reason}};
        ISMS_TRY(tx.Append("sessions_revoked", "users", user.value, std::nullopt, ToJsonText(what))
        );
        Log().Log(Severity::kNotice, "auth.sessions_revoked", what);
    }
    return ended;
}

}  // namespace isms::iam
