#include "evidence/citations.hpp"

#include <set>

namespace isms::evidence {

Status ReplaceCitations(
    store::WriteTx& tx,
    const std::string& source,
    const std::string& label,
    const std::vector<std::int64_t>& evidence_ids
) {
    const std::int64_t tenant = tx.tenant().value;
    ISMS_TRY(tx.sql().Exec(
        "DELETE FROM evidence_citations WHERE tenant_id = ? AND source = ?", {tenant, source}
    ));
    for (const std::int64_t id : std::set<std::int64_t>(evidence_ids.begin(), evidence_ids.end())) {
        ISMS_TRY(tx.sql().Exec(
            "INSERT INTO evidence_citations (tenant_id, evidence_id, source, label) "
            "VALUES (?, ?, ?, ?)",
            {tenant, id, source, label}
        ));
    }
    return {};
}

Result<std::vector<Citation>> CitationsOf(store::TenantScope& scope, std::int64_t evidence_id) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT source, label FROM evidence_citations WHERE tenant_id = ? AND evidence_id = ? "
            "ORDER BY source",
            {scope.tenant().value, evidence_id}
        )
    );
    std::vector<Citation> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back({r.Text(0), r.Text(1)});
    }
    return out;
}

}  // namespace isms::evidence
