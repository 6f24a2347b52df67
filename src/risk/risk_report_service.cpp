#include "risk/risk_report_service.hpp"

#include <vector>

#include <fmt/format.h>

#include "iam/permission.hpp"
#include "risk/heat_map.hpp"
#include "risk/method_store.hpp"
#include "risk/risk_scoring.hpp"
#include "store/migrate.hpp"
#include "store/records_past_date.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

json::value Owner(const schema::Record& r) {
    return r.owner ? json::value(r.owner->value) : json::value(nullptr);
}

/// The method and, per stage, the heat map of the live risks.
struct Loaded {
    RiskMethod method;
    std::map<std::string, HeatMapStage, std::less<>> stages;
};

Result<Loaded> Load(const RiskDeps& deps, const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps.registry.Get("risks");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps.db, who.tenant));
    Loaded out;
    ISMS_TRY_ASSIGN(out.method, CurrentMethod(session));
    // Only the columns the map needs: no record is decoded, so a large register stays cheap.
    std::string columns = "ref";
    for (std::string_view stage : kRiskStages) {
        columns += fmt::format(", {0}_likelihood, {0}_impact", stage);
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT " + columns + " FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL ORDER BY id",
            {who.tenant.value}
        )
    );
    auto value = [](const store::SqlRow& row, std::size_t i) {
        return row.IsNull(i) ? std::nullopt : std::optional(row.Int(i));
    };
    std::size_t column = 1;
    for (std::string_view stage : kRiskStages) {
        std::vector<HeatPoint> points;
        points.reserve(rows.size());
        for (const store::SqlRow& row : rows) {
            points.push_back({row.Text(0), value(row, column), value(row, column + 1)});
        }
        out.stages.emplace(std::string(stage), BuildHeatMapStage(out.method, points));
        column += 2;
    }
    return out;
}

json::array ScaleToJson(const Scale& scale) {
    json::array out;
    for (const ScaleLevel& level : scale.levels) {
        out.push_back(json::object{{"value", level.value}, {"label", level.label}});
    }
    return out;
}

}  // namespace

Result<json::object> RiskReportService::HeatMap(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(Loaded loaded, Load(deps_, who));
    json::array levels;
    for (const RiskLevel& level : loaded.method.levels) {
        levels.push_back(json::object{
            {"id", level.id},
            {"label", level.label},
            {"colour", level.colour},
            {"order", level.order}});
    }
    json::object stages;
    for (std::string_view stage : kRiskStages) {
        stages[stage] = HeatMapStageToJson(loaded.method, loaded.stages.find(stage)->second);
    }
    return json::object{
        {"method_version", loaded.method.version},
        {"likelihood", ScaleToJson(loaded.method.likelihood)},
        {"impact", ScaleToJson(loaded.method.impact)},
        {"levels", std::move(levels)},
        {"stages", std::move(stages)}};
}

Result<std::string> RiskReportService::HeatMapSvg(
    const iam::Principal& who, std::string_view stage
) {
    if (std::find(kRiskStages.begin(), kRiskStages.end(), stage) == kRiskStages.end()) {
        return Error::Invalid("stage", "must be inherent, current or residual");
    }
    ISMS_TRY_ASSIGN(Loaded loaded, Load(deps_, who));
    std::string title(stage);
    title[0] = static_cast<char>(title[0] - 'a' + 'A');
    return risk::HeatMapSvg(
        loaded.method, loaded.stages.find(stage)->second, title + " risk heat map"
    );
}

Result<json::object> RiskReportService::Due(const iam::Principal& who) {
    const schema::RegisterSpec& risks_spec = deps_.registry.Get("risks");
    const schema::RegisterSpec& actions_spec = deps_.registry.Get("treatment_actions");
    ISMS_TRY(iam::Authorize(who, risks_spec, iam::Action::kRead));
    const Date today = Today(deps_.clock);
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(
        auto reviews, store::RecordsPastDate(session, risks_spec, "review_date", today)
    );
    json::array reviews_overdue;
    for (const store::PastDateRecord& past : reviews) {
        const schema::Record& r = past.record;
        if (StringOr(r.fields, "status") == "closed") {
            continue;  // a closed risk needs no review
        }
        reviews_overdue.push_back(json::object{
            {"id", r.id.value},
            {"ref", r.ref},
            {"title", StringOr(r.fields, "title")},
            {"review_date", StringOr(r.fields, "review_date")},
            {"owner", Owner(r)}});
    }
    ISMS_TRY_ASSIGN(
        auto actions,
        store::RecordsPastDate(
            session, actions_spec, "due_date", today, {{"status.in", "planned,in_progress"}}
        )
    );
    json::array actions_overdue;
    for (const store::PastDateRecord& past : actions) {
        const schema::Record& a = past.record;
        actions_overdue.push_back(json::object{
            {"id", a.id.value},
            {"ref", a.ref},
            {"title", StringOr(a.fields, "title")},
            {"due_date", StringOr(a.fields, "due_date")},
            {"status", StringOr(a.fields, "status")},
            {"owner", Owner(a)}});
    }
    ISMS_TRY_ASSIGN(json::object expired, acceptances_.List(who, "expired"));
    return json::object{
        {"as_of", FormatDate(today)},
        {"reviews_overdue", std::move(reviews_overdue)},
        {"actions_overdue", std::move(actions_overdue)},
        {"acceptances_expired", std::move(expired.at("items"))}};
}

}  // namespace isms::risk
