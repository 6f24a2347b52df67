#include "context/scope_service.hpp"

#include <string>

#include <fmt/format.h>

#include "context/scope_document.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::context {

namespace {

constexpr const char* kSubject = "scope_versions";

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

}  // namespace

Result<json::object> ScopeService::Current(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto latest, Latest(session));
    if (!latest) {
        return Error::NotFound("no scope statement yet: PUT /api/v1/scope writes the first");
    }
    return std::move(*latest);
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
    return content;
}

Result<json::object> ScopeService::Versions(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT document FROM scope_versions WHERE tenant_id = ? ORDER BY version",
            {who.tenant.value}
        )
    );
    json::array items;
    for (const auto& row : rows) {
        ISMS_TRY_ASSIGN(json::object document, Decode(row.Text(0)));
        items.push_back(json::object{
            {"version", document.at("version")},
            {"created_at", document.at("created_at")},
            {"created_by", document.at("created_by")},
            {"comment", document.at("comment")}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> ScopeService::Version(const iam::Principal& who, std::int64_t version) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT document FROM scope_versions WHERE tenant_id = ? AND version = ?",
            {who.tenant.value, version}
        )
    );
    if (rows.empty()) {
        return Error::NotFound(fmt::format("no scope statement version {}", version));
    }
    return Decode(rows[0].Text(0));
}

}  // namespace isms::context
