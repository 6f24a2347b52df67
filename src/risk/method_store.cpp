#include "risk/method_store.hpp"

#include <string>

#include "core/json.hpp"
#include "risk/risk_method_json.hpp"

namespace isms::risk {

namespace {

constexpr const char* kSubject = "risk_methods";

Result<RiskMethod> Decode(const std::string& document) {
    ISMS_TRY_ASSIGN(json::value value, ParseJson(document));
    auto method = MethodFromJson(value);
    if (!method) {
        return Error::Internal("stored risk method does not decode: " + method.error().message);
    }
    return method;
}

Status Insert(
    store::WriteTx& tx, const RiskMethod& method, const std::optional<RiskMethod>& before
) {
    const std::string document = ToJsonText(MethodToJson(method));
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO risk_methods (tenant_id, version, document, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?)",
        {tx.tenant().value,
         std::int64_t{method.version},
         document,
         FormatTimestamp(tx.now()),
         tx.actor().id.value}
    ));
    std::optional<std::string> before_text;
    if (before) {
        before_text = ToJsonText(MethodToJson(*before));
    }
    const char* action = before ? "changed" : "defaulted";
    ISMS_TRY(tx.Append(action, kSubject, method.version, before_text, document));
    return {};
}

}  // namespace

Result<RiskMethod> CurrentMethod(store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT document FROM risk_methods WHERE tenant_id = ? ORDER BY version DESC LIMIT 1",
            {scope.tenant().value}
        )
    );
    if (rows.empty()) {
        return DefaultMethod();
    }
    return Decode(rows[0].Text(0));
}

Result<RiskMethod> MethodVersion(store::TenantScope& scope, int version) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT document FROM risk_methods WHERE tenant_id = ? AND version = ?",
            {scope.tenant().value, std::int64_t{version}}
        )
    );
    if (!rows.empty()) {
        return Decode(rows[0].Text(0));
    }
    if (version == 1) {
        ISMS_TRY_ASSIGN(
            auto any,
            scope.sql().Query(
                "SELECT 1 FROM risk_methods WHERE tenant_id = ? LIMIT 1", {scope.tenant().value}
            )
        );
        if (any.empty()) {
            return DefaultMethod();
        }
    }
    return Error::NotFound("no risk method version " + std::to_string(version));
}

Result<std::vector<MethodVersionInfo>> MethodVersions(store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT version, created_at, created_by FROM risk_methods WHERE tenant_id = ? "
            "ORDER BY version",
            {scope.tenant().value}
        )
    );
    std::vector<MethodVersionInfo> out;
    if (rows.empty()) {
        out.push_back({1, std::nullopt, std::nullopt});
        return out;
    }
    for (const auto& row : rows) {
        MethodVersionInfo info;
        info.version = static_cast<int>(row.Int(0));
        info.created_at = ParseTimestamp(row.Text(1));
        info.created_by = UserId{row.Int(2)};
        out.push_back(info);
    }
    return out;
}

Result<RiskMethod> EnsureMethod(store::WriteTx& tx) {
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT document FROM risk_methods WHERE tenant_id = ? ORDER BY version DESC LIMIT 1",
            {tx.tenant().value}
        )
    );
    if (!rows.empty()) {
        return Decode(rows[0].Text(0));
    }
    RiskMethod method = DefaultMethod();
    method.version = 1;
    ISMS_TRY(Insert(tx, method, std::nullopt));
    return method;
}

Result<RiskMethod> SaveMethodVersion(store::WriteTx& tx, RiskMethod method) {
    ISMS_TRY_ASSIGN(RiskMethod current, EnsureMethod(tx));
    method.version = current.version + 1;
    ISMS_TRY(Insert(tx, method, current));
    return method;
}

}  // namespace isms::risk
