#include "assurance/metric_service.hpp"

#include <fmt/format.h>

#include "assurance/metric_builtin.hpp"
#include "assurance/metric_schedule.hpp"
#include "assurance/metric_trend.hpp"
#include "iam/permission.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::assurance {

namespace {

json::value FieldOr(const schema::Record& r, std::string_view name) {
    const json::value* v = r.fields.if_contains(name);
    return v != nullptr ? *v : json::value(nullptr);
}

std::string TextOr(const schema::Record& r, std::string_view name) {
    const json::value* v = r.fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<double> NumberOr(const schema::Record& r, std::string_view name) {
    const json::value* v = r.fields.if_contains(name);
    return v != nullptr && v->is_number() ? std::optional(v->to_number<double>()) : std::nullopt;
}

/// The date of a metric's latest live measurement, or nullopt.
Result<std::optional<Date>> LatestMeasured(
    const MonitoringDeps& deps, store::TenantScope& scope, RecordId metric
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT MAX(measured_on) FROM "
                + store::RegisterTable(deps.registry.Get("measurements"))
                + " WHERE tenant_id = ? AND archived_at IS NULL AND metric = ?",
            {scope.tenant().value, metric.value}
        )
    );
    if (rows.empty() || rows[0].IsNull(0)) {
        return std::optional<Date>();
    }
    return ParseDate(rows[0].Text(0));
}

}  // namespace

Result<json::object> MetricService::Trend(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("metrics");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(const schema::Record metric, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT id, ref, measured_on, value, target, breach, source FROM "
                + store::RegisterTable(deps_.registry.Get("measurements"))
                + " WHERE tenant_id = ? AND archived_at IS NULL AND metric = ? "
                  "ORDER BY measured_on, id",
            {who.tenant.value, id.value}
        )
    );
    json::array series;
    json::array breaches;
    std::vector<Point> points;
    for (const auto& r : rows) {
        json::object m{
            {"id", r.Int(0)},
            {"ref", r.Text(1)},
            {"measured_on", r.Text(2)},
            {"value", r.Real(3)},
            {"target", r.IsNull(4) ? json::value(nullptr) : json::value(r.Real(4))},
            {"breach", r.Int(5) != 0},
            {"source", r.Text(6)}};
        if (r.Int(5) != 0) {
            breaches.emplace_back(m);
        }
        series.emplace_back(std::move(m));
        if (auto on = ParseDate(r.Text(2))) {
            points.push_back({*on, r.Real(3)});
        }
    }
    const std::string direction = TextOr(metric, "direction");
    const std::optional<double> target = NumberOr(metric, "target");
    const assurance::Trend trend = TrendOf(points, direction);
    std::string status = "no_data";
    if (trend.latest) {
        status = !target ? "no_target"
                         : (Breaches(*trend.latest, target, direction) ? "breached" : "on_target");
    }
    std::optional<Date> next_due;
    const std::string frequency = TextOr(metric, "frequency");
    if (!points.empty() && !frequency.empty()) {
        next_due = NextDue(points.back().on, frequency);
    }
    auto opt = [](std::optional<double> v) {
        return v ? json::value(*v) : json::value(nullptr);
    };
    return json::object{
        {"metric",
         json::object{
             {"id", metric.id.value},
             {"ref", metric.ref},
             {"name", FieldOr(metric, "name")},
             {"unit", FieldOr(metric, "unit")},
             {"target", FieldOr(metric, "target")},
             {"direction", FieldOr(metric, "direction")},
             {"frequency", FieldOr(metric, "frequency")},
             {"automatic", FieldOr(metric, "automatic")}}},
        {"status", status},
        {"next_due", next_due ? json::value(FormatDate(*next_due)) : json::value(nullptr)},
        {"overdue", next_due && *next_due <= Today(deps_.clock)},
        {"trend",
         json::object{
             {"points", trend.points},
             {"latest", opt(trend.latest)},
             {"change", opt(trend.change)},
             {"slope_per_30_days", opt(trend.slope_per_30_days)},
             {"direction", trend.direction}}},
        {"series", std::move(series)},
        {"breaches", std::move(breaches)}};
}

Result<json::array> MetricService::Record(
    const iam::Principal& who, const std::vector<Computed>& values
) {
    const schema::RegisterSpec& spec = deps_.registry.Get("measurements");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    json::array out;
    for (const Computed& c : values) {
        schema::Draft draft;
        draft.fields = json::object{
            {"metric", c.metric.value},
            {"measured_on", FormatDate(Today(deps_.clock))},
            {"value", c.value},
            {"note", c.note},
            {"source", "automatic"}};
        ISMS_TRY(rules_.BeforeWrite(tx, who, spec, nullptr, draft));
        ISMS_TRY_ASSIGN(auto record, store::InsertRecord(tx, spec, draft));
        out.emplace_back(schema::RecordToJson(spec, record));
    }
    ISMS_TRY(tx.Commit());
    return out;
}

Result<json::object> MetricService::Compute(const iam::Principal& who, RecordId id) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("measurements"), iam::Action::kCreate));
    schema::Record metric;
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        ISMS_TRY_ASSIGN(metric, store::GetRecord(session, deps_.registry.Get("metrics"), id));
    }
    const std::string kind = TextOr(metric, "automatic");
    if (kind.empty()) {
        return Error::Conflict(fmt::format(
            "{} is measured by hand: record its values in /api/v1/measurements", metric.ref
        ));
    }
    ISMS_TRY_ASSIGN(BuiltinValue value, ComputeBuiltin(deps_, who, kind));
    ISMS_TRY_ASSIGN(json::array recorded, Record(who, {{id, value.value, value.note}}));
    return recorded[0].as_object();
}

Result<json::object> MetricService::ComputeDue(const iam::Principal& who, bool all) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("measurements"), iam::Action::kCreate));
    const schema::RegisterSpec& spec = deps_.registry.Get("metrics");
    std::vector<Computed> values;
    json::array skipped;
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        ISMS_TRY_ASSIGN(
            auto rows,
            session.sql().Query(
                "SELECT id, ref, automatic, frequency FROM " + store::RegisterTable(spec)
                    + " WHERE tenant_id = ? AND archived_at IS NULL AND automatic IS NOT NULL "
                      "ORDER BY id",
                {who.tenant.value}
            )
        );
        const Date today = Today(deps_.clock);
        for (const auto& r : rows) {
            const RecordId id{r.Int(0)};
            ISMS_TRY_ASSIGN(std::optional<Date> last, LatestMeasured(deps_, session, id));
            const std::optional<Date> due = last ? NextDue(*last, r.Text(3)) : std::nullopt;
            if (!all && last && due && *due > today) {
                continue;
            }
            auto value = ComputeBuiltin(deps_, who, r.Text(2));
            if (!value) {
                if (value.error().code != ErrorCode::kConflict) {
                    return value.error();
                }
                skipped.push_back(json::object{
                    {"metric", id.value}, {"ref", r.Text(1)}, {"reason", value.error().message}});
                continue;
            }
            values.push_back({id, value->value, value->note});
        }
    }
    json::array computed;
    if (!values.empty()) {
        ISMS_TRY_ASSIGN(computed, Record(who, values));
    }
    return json::object{{"computed", std::move(computed)}, {"skipped", std::move(skipped)}};
}

}  // namespace isms::assurance
