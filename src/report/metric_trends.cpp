#include "report/metric_trends.hpp"

#include <deque>
#include <map>
#include <string>

#include "iam/permission.hpp"
#include "store/migrate.hpp"
#include "store/session.hpp"

namespace isms::report {

namespace {

using schema::FieldType;

const schema::FieldSpec* FirstField(
    const schema::RegisterSpec& spec, bool (*fits)(const schema::FieldSpec&)
) {
    for (const schema::FieldSpec& f : spec.fields) {
        if (fits(f)) {
            return &f;
        }
    }
    return nullptr;
}

json::object Unavailable(const char* why) {
    return json::object{{"available", false}, {"detail", why}, {"series", json::array{}}};
}

}  // namespace

Result<json::object> MetricTrends(
    store::Database& db, const schema::Registry& registry, const iam::Principal& who
) {
    const schema::RegisterSpec* measurements = registry.Find("measurements");
    const schema::RegisterSpec* metrics = registry.Find("metrics");
    if (measurements == nullptr || metrics == nullptr) {
        return Unavailable("isms does not record metrics and measurements yet");
    }
    ISMS_TRY(iam::Authorize(who, *measurements, iam::Action::kRead));
    const schema::FieldSpec* metric = FirstField(*measurements, [](const schema::FieldSpec& f) {
        return f.type == FieldType::kReference && f.target == "metrics";
    });
    const schema::FieldSpec* value = measurements->Field("value");
    const schema::FieldSpec* date = FirstField(*measurements, [](const schema::FieldSpec& f) {
        return f.type == FieldType::kDate || f.type == FieldType::kDateTime;
    });
    if (metric == nullptr || date == nullptr || value == nullptr
        || (value->type != FieldType::kInt && value->type != FieldType::kDecimal)) {
        return Unavailable("measurements lack a metric, a numeric value or a date");
    }
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db, who.tenant));
    const std::string live = " WHERE tenant_id = ? AND archived_at IS NULL";
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT " + metric->name + ", " + date->name + ", " + value->name + " FROM "
                + store::RegisterTable(*measurements) + live + " AND " + metric->name
                + " IS NOT NULL AND " + date->name + " IS NOT NULL AND " + value->name
                + " IS NOT NULL ORDER BY " + metric->name + ", " + date->name + ", id",
            {who.tenant.value}
        )
    );
    std::map<std::int64_t, std::deque<json::object>> points;
    for (const auto& r : rows) {
        auto& series = points[r.Int(0)];
        series.push_back(json::object{
            {"date", r.Text(1)},
            {"value",
             value->type == FieldType::kInt ? json::value(r.Int(2)) : json::value(r.Real(2))}});
        if (series.size() > kTrendPoints) {
            series.pop_front();
        }
    }
    const bool named = metrics->Field("name") != nullptr;
    ISMS_TRY_ASSIGN(
        auto names,
        session.sql().Query(
            "SELECT id, ref" + std::string(named ? ", name" : "") + " FROM "
                + store::RegisterTable(*metrics) + live,
            {who.tenant.value}
        )
    );
    std::map<std::int64_t, json::object> metric_of;
    for (const auto& n : names) {
        metric_of[n.Int(0)] = json::object{
            {"id", n.Int(0)}, {"ref", n.Text(1)}, {"name", named ? n.Text(2) : n.Text(1)}};
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
    return json::object{{"available", true}, {"series", std::move(series)}};
}

}  // namespace isms::report
