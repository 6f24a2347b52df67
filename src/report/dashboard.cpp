#include "report/dashboard.hpp"

#include <set>
#include <string>

#include "iam/permission.hpp"
#include "report/metric_trends.hpp"
#include "store/migrate.hpp"
#include "store/session.hpp"

namespace isms::report {

Result<json::array> Dashboard::CompliancePerFramework(const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps_.registry.Get("assessments");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    std::vector<store::SqlRow> latest;
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        ISMS_TRY_ASSIGN(
            auto rows,
            session.sql().Query(
                "SELECT id, ref, name, status, updated_at, framework FROM "
                    + store::RegisterTable(spec)
                    + " WHERE tenant_id = ? AND archived_at IS NULL ORDER BY updated_at DESC, id "
                      "DESC",
                {who.tenant.value}
            )
        );
        std::set<std::string> seen;
        for (auto& r : rows) {
            if (seen.insert(r.Text(5)).second) {
                latest.push_back(std::move(r));
            }
        }
    }
    json::array out;
    for (const auto& r : latest) {
        ISMS_TRY_ASSIGN(
            const std::string text, deps_.compliance.assessments.Summary(who, RecordId{r.Int(0)})
        );
        ISMS_TRY_ASSIGN(json::object summary, ParseJsonObject(text));
        out.push_back(json::object{
            {"framework", summary.at("framework")},
            {"assessment",
             json::object{
                 {"id", r.Int(0)},
                 {"ref", r.Text(1)},
                 {"name", r.Text(2)},
                 {"status", r.IsNull(3) ? json::value(nullptr) : json::value(r.Text(3))},
                 {"updated_at", r.Text(4)}}},
            {"summary", summary.at("summary")}});
    }
    return out;
}

Result<json::object> Dashboard::Get(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(json::object readiness, deps_.compliance.readiness.Checklist(who));
    ISMS_TRY_ASSIGN(json::array compliance, CompliancePerFramework(who));
    ISMS_TRY_ASSIGN(json::object heat_map, deps_.risk_reports.HeatMap(who));
    ISMS_TRY_ASSIGN(json::object due, deps_.risk_reports.Due(who));
    ISMS_TRY_ASSIGN(json::object stale, deps_.evidence.Stale(who));
    ISMS_TRY_ASSIGN(json::object metrics, MetricTrends(deps_.db, deps_.registry, who));
    return json::object{
        {"as_of", FormatDate(Today(deps_.clock))},
        {"readiness", std::move(readiness)},
        {"compliance", std::move(compliance)},
        {"heat_map", std::move(heat_map)},
        {"due", std::move(due)},
        {"stale_evidence", std::move(stale)},
        {"metrics", std::move(metrics)}};
}

}  // namespace isms::report
