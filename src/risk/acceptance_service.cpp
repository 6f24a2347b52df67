#include "risk/acceptance_service.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/crypto.hpp"
#include "iam/permission.hpp"
#include "iam/role.hpp"
#include "risk/acceptance_snapshot.hpp"
#include "risk/method_store.hpp"
#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

constexpr std::size_t kMaxCommentLength = 2000;
constexpr auto kMaxAcceptance = std::chrono::days{3 * 366};

constexpr const char* kSelect =
    "SELECT a.id, a.risk_id, a.level, a.method_version, a.snapshot, a.snapshot_sha256, "
    "a.signature, a.key_id, a.approver, a.accepted_at, a.comment, a.expires_on, a.revoked_at, "
    "a.revoked_by, a.revoke_reason, u.email FROM risk_acceptances a JOIN users u ON u.id = "
    "a.approver WHERE a.tenant_id = ?";

struct AcceptanceRow {
    std::int64_t id = 0;
    std::int64_t risk_id = 0;
    std::string level;
    std::int64_t method_version = 0;
    std::string snapshot;
    std::string sha256;
    std::string signature;
    std::string key_id;
    std::int64_t approver = 0;
    std::string accepted_at;
    std::string comment;
    std::string expires_on;
    std::optional<std::string> revoked_at;
    std::optional<std::int64_t> revoked_by;
    std::optional<std::string> revoke_reason;
    std::string approver_email;
};

AcceptanceRow FromRow(const store::SqlRow& row) {
    AcceptanceRow a;
    a.id = row.Int(0);
    a.risk_id = row.Int(1);
    a.level = row.Text(2);
    a.method_version = row.Int(3);
    a.snapshot = row.Text(4);
    a.sha256 = row.Text(5);
    a.signature = row.Text(6);
    a.key_id = row.Text(7);
    a.approver = row.Int(8);
    a.accepted_at = row.Text(9);
    a.comment = row.Text(10);
    a.expires_on = row.Text(11);
    if (!row.IsNull(12)) {
        a.revoked_at = row.Text(12);
        a.revoked_by = row.Int(13);
        a.revoke_reason = row.Text(14);
    }
    a.approver_email = row.Text(15);
    return a;
}

/// "revoked", "expired" (past its expiry: due for a new decision) or "active".
std::string State(const AcceptanceRow& a, const std::string& today) {
    if (a.revoked_at) {
        return "revoked";
    }
    return a.expires_on < today ? "expired" : "active";
}

json::object ToJson(const AcceptanceRow& a, const std::string& today) {
    auto snapshot = ParseJson(a.snapshot);
    const json::object empty;
    const json::object& s = snapshot && snapshot->is_object() ? snapshot->get_object() : empty;
    const json::value* risk = s.if_contains("risk");
    const json::value* level = s.if_contains("residual_level");
    return json::object{
        {"id", a.id},
        {"risk_id", a.risk_id},
        {"risk_ref",
         risk != nullptr && risk->is_object() ? risk->get_object().at("ref") : json::value()},
        {"level", a.level},
        {"level_label",
         level != nullptr && level->is_object() ? level->get_object().at("label") : json::value()},
        {"method_version", a.method_version},
        {"approver", json::object{{"id", a.approver}, {"email", a.approver_email}}},
        {"accepted_at", a.accepted_at},
        {"comment", a.comment},
        {"expires_on", a.expires_on},
        {"state", State(a, today)},
        {"snapshot", snapshot ? *snapshot : json::value()},
        {"snapshot_sha256", a.sha256},
        {"signature", a.signature},
        {"key_id", a.key_id},
        {"revoked_at", a.revoked_at ? json::value(*a.revoked_at) : nullptr},
        {"revoked_by", a.revoked_by ? json::value(*a.revoked_by) : nullptr},
        {"revoke_reason", a.revoke_reason ? json::value(*a.revoke_reason) : nullptr}};
}

Result<std::vector<AcceptanceRow>> Query(
    store::TenantScope& scope, const std::string& where, std::vector<store::SqlValue> args
) {
    args.insert(args.begin(), scope.tenant().value);
    ISMS_TRY_ASSIGN(
        auto rows, scope.sql().Query(std::string(kSelect) + where + " ORDER BY a.id DESC", args)
    );
    std::vector<AcceptanceRow> out;
    for (const auto& row : rows) {
        out.push_back(FromRow(row));
    }
    return out;
}

Result<AcceptanceRow> Find(store::TenantScope& scope, std::int64_t id) {
    ISMS_TRY_ASSIGN(auto found, Query(scope, " AND a.id = ?", {id}));
    if (found.empty()) {
        return Error::NotFound("no risk acceptance with id " + std::to_string(id));
    }
    return found.front();
}

/// A required, non-blank text member of at most `limit` characters.
std::optional<std::string> Text(
    const json::object& body, const char* name, std::size_t limit, std::vector<FieldError>& errors
) {
    const json::value* v = body.if_contains(name);
    if (v == nullptr || v->is_null()) {
        errors.push_back({name, "is required"});
        return std::nullopt;
    }
    if (!v->is_string()) {
        errors.push_back({name, "must be a string"});
        return std::nullopt;
    }
    const std::string text(v->get_string());
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        errors.push_back({name, "must not be blank"});
        return std::nullopt;
    }
    if (text.size() > limit) {
        errors.push_back({name, fmt::format("must be at most {} bytes", limit)});
        return std::nullopt;
    }
    return text;
}

void RefuseUnknown(
    const json::object& body,
    std::initializer_list<std::string_view> known,
    std::vector<FieldError>& errors
) {
    for (const auto& member : body) {
        if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
            errors.push_back({std::string(member.key()), "unknown field"});
        }
    }
}

/// The email of a user, for messages.
Result<std::string> Email(store::TenantScope& scope, std::int64_t user) {
    ISMS_TRY_ASSIGN(auto rows, scope.sql().Query("SELECT email FROM users WHERE id = ?", {user}));
    return rows.empty() ? std::string("user ") + std::to_string(user) : rows[0].Text(0);
}

/// The live treatment actions that treat `risk`, as the snapshot lists them.
Result<json::array> TreatmentPlan(
    store::TenantScope& scope, const schema::Registry& registry, std::int64_t risk
) {
    const schema::RegisterSpec& spec = registry.Get("treatment_actions");
    ISMS_TRY_ASSIGN(
        schema::ListQuery query, schema::ParseListQuery(spec, {{"risks", std::to_string(risk)}})
    );
    ISMS_TRY_ASSIGN(auto actions, store::ListAllRecords(scope, spec, query));
    json::array plan;
    for (const schema::Record& action : actions) {
        auto field = [&](const char* name) {
            const json::value* v = action.fields.if_contains(name);
            return v != nullptr ? *v : json::value(nullptr);
        };
        plan.push_back(json::object{
            {"id", action.id.value},
            {"ref", action.ref},
            {"title", field("title")},
            {"status", field("status")},
            {"due_date", field("due_date")},
            {"annex_a_controls", field("annex_a_controls")}});
    }
    return plan;
}

/// Sets the risk's acceptance fields through the register write path (an "updated" event).
Status MarkRisk(
    store::WriteTx& tx,
    const schema::RegisterSpec& spec,
    std::int64_t risk,
    json::value accepted_until,
    const char* status
) {
    schema::Draft draft;
    draft.fields["accepted_until"] = std::move(accepted_until);
    draft.fields["status"] = status;
    ISMS_TRY(store::UpdateRecord(tx, spec, RecordId{risk}, std::nullopt, draft));
    return {};
}

}  // namespace

Result<json::object> AcceptanceService::Accept(
    const iam::Principal& who, RecordId risk_id, const json::object& body
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record risk, store::GetRecord(tx, spec, risk_id));
    ISMS_TRY(iam::RequireWrite(who));
    if (!risk.owner) {
        return Error::Invalid("owner", "the risk has no owner; assign a risk owner first");
    }
    if (*risk.owner != who.user) {
        ISMS_TRY_ASSIGN(std::string owner, Email(tx, risk.owner->value));
        return Error::Denied(fmt::format(
            "only the risk owner ({}) may accept the residual risk of {}", owner, risk.ref
        ));
    }
    std::vector<FieldError> errors;
    RefuseUnknown(body, {"comment", "expires_on"}, errors);
    const auto comment = Text(body, "comment", kMaxCommentLength, errors);
    const auto expires_text = Text(body, "expires_on", 10, errors);
    const Date now = Today(deps_.clock);
    const std::string today = FormatDate(now);
    if (expires_text) {
        const auto expires = ParseDate(*expires_text);
        if (!expires) {
            errors.push_back({"expires_on", "must be a date YYYY-MM-DD"});
        } else if (*expires <= now) {
            errors.push_back({"expires_on", "must be after today (" + today + ")"});
        } else if (*expires > now + kMaxAcceptance) {
            errors.push_back({"expires_on", "must be at most three years ahead"});
        }
    }
    const json::value* level_id = risk.fields.if_contains("residual_level");
    if (level_id == nullptr || level_id->is_null()) {
        errors.push_back(
            {"residual_level",
             "the risk has no residual level: set residual_likelihood and residual_impact"}
        );
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    ISMS_TRY_ASSIGN(RiskMethod method, EnsureMethod(tx));
    const std::string level(level_id->get_string());
    const std::string role(iam::RoleName(who.role));
    if (!MayAccept(method, level, role)) {
        std::string roles;
        const auto it = method.acceptance.find(level);
        if (it != method.acceptance.end()) {
            roles = fmt::format("{}", fmt::join(it->second.roles, ", "));
        }
        return Error::Denied(fmt::format(
            "a {} may not accept a {} residual risk; the risk method lets {} accept it",
            role,
            level,
            roles.empty() ? "no role" : roles
        ));
    }
    json::object level_json{{"id", level}, {"label", level}};
    for (const RiskLevel& l : method.levels) {
        if (l.id == level) {
            level_json["label"] = l.label;
        }
    }
    ISMS_TRY_ASSIGN(json::array plan, TreatmentPlan(tx, deps_.registry, risk_id.value));
    const std::string snapshot = ToJsonText(
        AcceptanceSnapshot(schema::RecordToJson(spec, risk), level_json, method.version, plan)
    );
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(snapshot));
    const std::string signature = crypto::HexEncode(crypto::Sign(
        deps_.key.key, AcceptanceMessage(who.tenant, risk_id.value, *expires_text, sha256)
    ));
    // Earlier decisions on this risk are replaced by this one.
    ISMS_TRY_ASSIGN(
        auto earlier, Query(tx, " AND a.risk_id = ? AND a.revoked_at IS NULL", {risk_id.value})
    );
    ISMS_TRY_ASSIGN(
        std::int64_t id,
        tx.sql().QueryInt(
            "INSERT INTO risk_acceptances (tenant_id, risk_id, level, method_version, snapshot, "
            "snapshot_sha256, signature, key_id, approver, accepted_at, comment, expires_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {who.tenant.value,
             risk_id.value,
             level,
             std::int64_t{method.version},
             snapshot,
             sha256,
             signature,
             deps_.key.key_id,
             who.user.value,
             FormatTimestamp(tx.now()),
             *comment,
             *expires_text}
        )
    );
    for (const AcceptanceRow& old : earlier) {
        const std::string reason = fmt::format("superseded by acceptance {}", id);
        ISMS_TRY(tx.sql().Exec(
            "UPDATE risk_acceptances SET revoked_at = ?, revoked_by = ?, revoke_reason = ? "
            "WHERE tenant_id = ? AND id = ?",
            {FormatTimestamp(tx.now()), who.user.value, reason, who.tenant.value, old.id}
        ));
        ISMS_TRY_ASSIGN(AcceptanceRow after, Find(tx, old.id));
        ISMS_TRY(tx.Append(
            "revoked",
            "risk_acceptances",
            old.id,
            ToJsonText(ToJson(old, today)),
            ToJsonText(ToJson(after, today))
        ));
    }
    ISMS_TRY_ASSIGN(AcceptanceRow created, Find(tx, id));
    json::object out = ToJson(created, today);
    ISMS_TRY(tx.Append("accepted", "risk_acceptances", id, std::nullopt, ToJsonText(out)));
    ISMS_TRY(MarkRisk(tx, spec, risk_id.value, json::string(*expires_text), "accepted"));
    ISMS_TRY(tx.Commit());
    return out;
}

Result<json::object> AcceptanceService::ForRisk(const iam::Principal& who, RecordId risk) {
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY(store::GetRecord(session, spec, risk));  // 404 for other tenants' ids
    ISMS_TRY_ASSIGN(auto found, Query(session, " AND a.risk_id = ?", {risk.value}));
    const std::string today = FormatDate(Today(deps_.clock));
    json::array items;
    for (const AcceptanceRow& a : found) {
        items.push_back(ToJson(a, today));
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> AcceptanceService::List(const iam::Principal& who, std::string_view state) {
    const std::string wanted = state == "due" ? "expired" : std::string(state);
    if (!wanted.empty() && wanted != "active" && wanted != "expired" && wanted != "revoked") {
        return Error::Invalid("state", "must be active, expired, due or revoked");
    }
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto found, Query(session, "", {}));
    const std::string today = FormatDate(Today(deps_.clock));
    json::array items;
    for (const AcceptanceRow& a : found) {
        if (wanted.empty() || State(a, today) == wanted) {
            items.push_back(ToJson(a, today));
        }
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> AcceptanceService::Get(const iam::Principal& who, std::int64_t id) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(AcceptanceRow a, Find(session, id));
    return ToJson(a, FormatDate(Today(deps_.clock)));
}

Result<json::object> AcceptanceService::Revoke(
    const iam::Principal& who, std::int64_t id, const json::object& body
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(AcceptanceRow before, Find(tx, id));
    ISMS_TRY_ASSIGN(schema::Record risk, store::GetRecord(tx, spec, RecordId{before.risk_id}));
    // Whoever may change the risk may revoke its acceptance: admins and ISMS managers, and its
    // owner while their role gives owner rights (an auditor or reader made owner only reads).
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kUpdate, risk.owner));
    std::vector<FieldError> errors;
    RefuseUnknown(body, {"reason"}, errors);
    const auto reason = Text(body, "reason", kMaxCommentLength, errors);
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    if (before.revoked_at) {
        return Error::Conflict(fmt::format(
            "acceptance {} was already revoked on {}", id, before.revoked_at->substr(0, 10)
        ));
    }
    ISMS_TRY(tx.sql().Exec(
        "UPDATE risk_acceptances SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE "
        "tenant_id = ? AND id = ?",
        {FormatTimestamp(tx.now()), who.user.value, *reason, who.tenant.value, id}
    ));
    const std::string today = FormatDate(Today(deps_.clock));
    ISMS_TRY_ASSIGN(AcceptanceRow after, Find(tx, id));
    json::object out = ToJson(after, today);
    ISMS_TRY(tx.Append(
        "revoked", "risk_acceptances", id, ToJsonText(ToJson(before, today)), ToJsonText(out)
    ));
    ISMS_TRY(MarkRisk(tx, spec, before.risk_id, nullptr, "treatment_planned"));
    ISMS_TRY(tx.Commit());
    return out;
}

Result<json::object> AcceptanceService::Verify(const iam::Principal& who, std::int64_t id) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(AcceptanceRow a, Find(session, id));
    const std::string sha256 = crypto::HexEncode(crypto::Sha256(a.snapshot));
    auto signature = crypto::HexDecode(a.signature);
    const bool valid = sha256 == a.sha256 && signature
                       && crypto::VerifySignature(
                           deps_.key.key.public_key,
                           AcceptanceMessage(who.tenant, a.risk_id, a.expires_on, sha256),
                           *signature
                       );
    return json::object{{"valid", valid}, {"snapshot_sha256", sha256}, {"key_id", a.key_id}};
}

}  // namespace isms::risk
