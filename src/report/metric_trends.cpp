#include "report/metric_trends.hpp"

#include <deque>
#include <map>
#include <string>

#include "iam/permission.hpp"
#include "store/migrate.hpp"
#include "store/session.hpp"

namespace isms::report {

Result<json::object> MetricTrends(
    store::Database& db, const schema::Registry& registry, const iam::Principal& who
) {
    const schema::RegisterSpec& measurements = registry.Get("measurements");
    const schema::RegisterSpec& metrics = registry.Get("metrics");
    ISMS_TRY(iam::Authorize(who, measurements, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db, who.tenant));
    const std::string live = " WHERE tenant_id = ? AND archived_at IS NULL";
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT metric, measured_on, value FROM " + store::RegisterTable(measurements) + live
                + " ORDER BY metric, measured_on, id",
            {who.tenant.value}
        )
    );
    std::map<std::int64_t, std::deque<json::object>> points;
    for (const auto& r : rows) {
        auto& series = points[r.Int(0)];
        series.push_back(json::object{{"date", r.Text(1)}, {"value", r.Real(2)}});
        if (series.size() > kTrendPoints) {
            series.pop_front();
        }
    }
    ISMS_TRY_ASSIGN(
        auto names,
        session.sql().Query(
            "SELECT id, ref, name FROM " + store::RegisterTable(metrics) + live, {who.tenant.value}
        )
    );
    std::map<std::int64_t, json::object> metric_of;
    for (const auto& n : names) {
        metric_of[n.Int(0)] =
            json::object{{"id", n.Int(0)}, {"ref", n.Text(1)}, {"name", n.Text(2)}};
    }
    json::array series;
    for (auto& [id, list] : points) {
        const auto m = metric_of.find(id);
        if (m == metric_of.end()) {
            continue;  // the metric is archived
        }
        json::array out(list.begin(), list.end());
        series.push_back(json::object{{"metric", m->second}, {"points", std::move(out)}});
    }
    return json::object{{"series", std::move(series)}};
}

}  // namespace isms::report
