#include "context/scope_service.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "context/scope_approval.hpp"
#include "context/scope_document.hpp"
#include "core/crypto.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::context {

namespace {

constexpr const char* kSubject = "scope_versions";
constexpr const char* kApprovals = "scope_approvals";

Result<json::object> Decode(const std::string& document) {
    ISMS_TRY_ASSIGN(json::value value, ParseJson(document));
    if (!value.is_object()) {
        return Error::Internal("a stored scope version is not a JSON object");
    }
    return value.as_object();
}

/// The newest version's document, or nullopt before the first.
Result<std::optional<json::object>> Latest(store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT document FROM scope_versions WHERE tenant_id = ? ORDER BY version DESC "
            "LIMIT 1",
            {scope.tenant().value}
        )
    );
    if (rows.empty()) {
        return std::optional<json::object>();
    }
    ISMS_TRY_ASSIGN(json::object document, Decode(rows[0].Text(0)));
    return std::optional<json::object>(std::move(document));
}

/// A version's stored document with "approval": {by, at, comment} of its stored approval
/// document, or null when `approval` is empty (not approved).
Result<json::object> WithApproval(const std::string& document, const std::string& approval) {
    ISMS_TRY_ASSIGN(json::object out, Decode(document));
    out["approval"] = nullptr;
    if (!approval.empty()) {
        ISMS_TRY_ASSIGN(json::object recorded, Decode(approval));
        out["approval"] = json::object{
            {"by", recorded.at("by")},
            {"at", recorded.at("at")},
            {"comment", recorded.at("comment")}};
    }
    return out;
}

/// The versions (all, or the one numbered `version`) with their approvals, oldest first.
Result<std::vector<json::object>> Load(
    store::TenantScope& scope, std::optional<std::int64_t> version
) {
    std::string sql =
        "SELECT v.document, a.document FROM scope_versions v LEFT JOIN scope_approvals a ON "
        "a.tenant_id = v.tenant_id AND a.version = v.version WHERE v.tenant_id = ?";
    store::SqlParams params{scope.tenant().value};
    if (version) {
        sql += " AND v.version = ?";
        params.emplace_back(*version);
    }
    ISMS_TRY_ASSIGN(auto rows, scope.sql().Query(sql + " ORDER BY v.version", params));
    std::vector<json::object> out;
    for (const auto& row : rows) {
        ISMS_TRY_ASSIGN(json::object document, WithApproval(row.Text(0), row.Text(1)));
        out.push_back(std::move(document));
    }
    return out;
}

}  // namespace

Result<json::object> ScopeService::Current(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto versions, Load(session, std::nullopt));
    if (versions.empty()) {
        return Error::NotFound("no scope statement yet: PUT /api/v1/scope writes the first");
    }
    return std::move(versions.back());
}

Result<json::object> ScopeService::Change(
    const iam::Principal& who,
    const json::object& body,
    std::optional<std::int64_t> expected_version
) {
    ISMS_TRY(iam::RequireManager(who));
    ISMS_TRY_ASSIGN(json::object content, DecodeScope(body));
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(auto latest, Latest(tx));
    const std::int64_t current = latest ? latest->at("version").as_int64() : 0;
    if (latest && !expected_version) {
        return Error::Invalid(
            "If-Match",
            fmt::format("required: the version you changed (the current one is \"{}\")", current)
        );
    }
    if (expected_version && *expected_version != current) {
        return Error::Stale(
            fmt::format("the scope statement is at version {}, not {}", current, *expected_version)
        );
    }
    if (latest && SameScope(*latest, content)) {
        return Error::Conflict(
            fmt::format("the scope statement already says this (version {})", current)
        );
    }
    const std::int64_t version = current + 1;
    content["version"] = version;
    content["created_at"] = FormatTimestamp(tx.now());
    content["created_by"] = tx.actor().id.value;
    const std::string document = ToJsonText(content);
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO scope_versions (tenant_id, version, document, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?)",
        {tx.tenant().value, version, document, FormatTimestamp(tx.now()), tx.actor().id.value}
    ));
    std::optional<std::string> before;
    if (latest) {
        before = ToJsonText(*latest);
    }
    ISMS_TRY(tx.Append(latest ? "changed" : "created", kSubject, version, before, document));
    ISMS_TRY(tx.Commit());
    content["approval"] = nullptr;
    return content;
}

Result<json::object> ScopeService::Approve(
    const iam::Principal& who, std::int64_t version, const json::object& body
) {
    if (who.role != iam::Role::kAdmin) {
        return Error::Denied("only top management (an admin) approves the scope statement");
    }
    ISMS_TRY(iam::RequireWrite(who));
    ISMS_TRY_ASSIGN(std::string comment, DecodeApprovalComment(body));
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT v.document, a.document, (SELECT MAX(version) FROM scope_versions WHERE "
            "tenant_id = v.tenant_id) FROM scope_versions v LEFT JOIN scope_approvals a ON "
            "a.tenant_id = v.tenant_id AND a.version = v.version WHERE v.tenant_id = ? AND "
            "v.version = ?",
            {tx.tenant().value, version}
        )
    );
    if (rows.empty()) {
        return Error::NotFound(fmt::format("no scope statement version {}", version));
    }
    if (!rows[0].Text(1).empty()) {
        return Error::Conflict(
            fmt::format("scope statement version {} is approved already", version)
        );
    }
    if (const std::int64_t current = rows[0].Int(2); current != version) {
        return Error::Conflict(fmt::format(
            "scope statement version {} is not the current one: approve version {}",
            version,
            current
        ));
    }
    const std::string stored = rows[0].Text(0);
    const ScopeApprovalFacts facts{
        tx.tenant(),
        version,
        crypto::HexEncode(crypto::Sha256(stored)),
        tx.actor().id.value,
        FormatTimestamp(tx.now())};
    const std::string approval = ToJsonText(json::object{
        {"version", version},
        {"sha256", facts.sha256},
        {"by", facts.approver},
        {"at", facts.approved_at},
        {"comment", comment.empty() ? json::value(nullptr) : json::value(comment)},
        {"signature", crypto::HexEncode(crypto::Sign(deps_.key.key, ScopeApprovalMessage(facts)))},
        {"key_id", deps_.key.key_id}});
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO scope_approvals (tenant_id, version, document, approved_at, approved_by) "
        "VALUES (?, ?, ?, ?, ?)",
        {tx.tenant().value, version, approval, facts.approved_at, facts.approver}
    ));
    ISMS_TRY(tx.Append("approved", kApprovals, version, std::nullopt, approval));
    ISMS_TRY(tx.Commit());
    return WithApproval(stored, approval);
}

Result<json::object> ScopeService::Versions(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto versions, Load(session, std::nullopt));
    json::array items;
    for (const auto& document : versions) {
        items.push_back(json::object{
            {"version", document.at("version")},
            {"created_at", document.at("created_at")},
            {"created_by", document.at("created_by")},
            {"comment", document.at("comment")},
            {"approval", document.at("approval")}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> ScopeService::Version(const iam::Principal& who, std::int64_t version) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto versions, Load(session, version));
    if (versions.empty()) {
        return Error::NotFound(fmt::format("no scope statement version {}", version));
    }
    return std::move(versions.front());
}

}  // namespace isms::context
