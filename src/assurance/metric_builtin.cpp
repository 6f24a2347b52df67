#include "assurance/metric_builtin.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "store/migrate.hpp"
#include "store/session.hpp"

namespace isms::assurance {

namespace {

constexpr std::array kBuiltins = {
    BuiltinMetric{
        "annex_a_implemented",
        "Applicable Annex A controls implemented",
        "Statement of Applicability: applicable Annex A controls whose implementation is "
        "implemented",
        "implemented / applicable × 100",
        "%",
        "at_least",
        90,
        nullptr},
    BuiltinMetric{
        "overdue_treatment_actions",
        "Overdue risk treatment actions",
        "Risk treatment plan: actions past their due date, neither done nor cancelled",
        "count of treatment actions with due < today and status not done or cancelled",
        "count",
        "at_most",
        0,
        nullptr},
    BuiltinMetric{
        "evidence_stale_ratio",
        "Stale evidence",
        "Evidence records past their valid-until date",
        "evidence with valid_until < today / all evidence × 100",
        "%",
        "at_most",
        10,
        nullptr},
    BuiltinMetric{
        "risks_above_acceptance",
        "Risks above the acceptance criteria",
        "Open risks whose current level the risk method does not accept without treatment, "
        "and that carry no valid acceptance",
        "count of risks not closed, level not acceptable without treatment, not accepted",
        "count",
        "at_most",
        0,
        nullptr},
    BuiltinMetric{
        "nonconformity_mean_days_to_close",
        "Mean days to close a nonconformity",
        "Closed nonconformities: days from being recorded to being closed",
        "mean of (closed on − recorded on) over closed nonconformities",
        "days",
        "at_most",
        60,
        "nonconformities"},
    BuiltinMetric{
        "training_completion",
        "Training completion",
        "Required competences (role_competences of each person's job role) held with a "
        "current, unexpired training record",
        "required competences with current training / required competences × 100",
        "%",
        "at_least",
        95,
        "role_competences"},
};

/// Runs a query whose first column of the first row is a count.
Result<std::int64_t> CountOf(
    store::TenantScope& scope, const std::string& sql, store::SqlParams p
) {
    ISMS_TRY_ASSIGN(auto rows, scope.sql().Query(sql, p));
    return rows.empty() ? 0 : rows[0].Int(0);
}

std::string Live(const schema::RegisterSpec& spec) {
    return " FROM " + store::RegisterTable(spec) + " WHERE tenant_id = ? AND archived_at IS NULL";
}

double Percent(std::int64_t part, std::int64_t whole) {
    return std::round(static_cast<double>(part) * 10000.0 / static_cast<double>(whole)) / 100.0;
}

Result<BuiltinValue> AnnexAImplemented(const MonitoringDeps& deps, const iam::Principal& who) {
    ISMS_TRY_ASSIGN(json::object soa, deps.soa.Get(who));
    const json::object& summary = soa.at("summary").as_object();
    const std::int64_t applicable = summary.at("applicable").to_number<std::int64_t>();
    const std::int64_t implemented =
        summary.at("implementation").as_object().at("implemented").to_number<std::int64_t>();
    if (applicable == 0) {
        return Error::Conflict("no Annex A control is applicable yet: decide the SoA first");
    }
    return BuiltinValue{
        Percent(implemented, applicable),
        fmt::format("{} of {} applicable controls implemented", implemented, applicable)};
}

Result<BuiltinValue> OverdueTreatment(const MonitoringDeps& deps, store::TenantScope& scope) {
    const std::string today = FormatDate(Today(deps.clock));
    ISMS_TRY_ASSIGN(
        const std::int64_t late,
        CountOf(
            scope,
            "SELECT COUNT(*)" + Live(deps.registry.Get("treatment_actions"))
                + " AND due_date < ? AND (status IS NULL OR status NOT IN ('done', 'cancelled'))",
            {scope.tenant().value, today}
        )
    );
    return BuiltinValue{static_cast<double>(late), fmt::format("{} action(s) overdue", late)};
}

Result<BuiltinValue> EvidenceStale(const MonitoringDeps& deps, store::TenantScope& scope) {
    const std::string from = Live(deps.registry.Get("evidence"));
    ISMS_TRY_ASSIGN(
        const std::int64_t all, CountOf(scope, "SELECT COUNT(*)" + from, {scope.tenant().value})
    );
    if (all == 0) {
        return Error::Conflict("no evidence is recorded yet");
    }
    ISMS_TRY_ASSIGN(
        const std::int64_t stale,
        CountOf(
            scope,
            "SELECT COUNT(*)" + from + " AND valid_until < ?",
            {scope.tenant().value, FormatDate(Today(deps.clock))}
        )
    );
    return BuiltinValue{
        Percent(stale, all), fmt::format("{} of {} evidence record(s) stale", stale, all)};
}

Result<BuiltinValue> RisksAboveAcceptance(
    const MonitoringDeps& deps, const iam::Principal& who, store::TenantScope& scope
) {
    ISMS_TRY_ASSIGN(json::object method, deps.risk_method.Current(who));
    std::vector<std::string> unacceptable;
    for (const auto& [level, rule] : method.at("acceptance").as_object()) {
        if (!rule.as_object().at("acceptable_without_treatment").as_bool()) {
            unacceptable.emplace_back(level);
        }
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT COALESCE(current_level, inherent_level), accepted_until"
                + Live(deps.registry.Get("risks")) + " AND (status IS NULL OR status <> 'closed')",
            {scope.tenant().value}
        )
    );
    const std::string today = FormatDate(Today(deps.clock));
    std::int64_t above = 0;
    for (const auto& r : rows) {
        const bool accepted = !r.IsNull(1) && r.Text(1) >= today;
        if (!accepted
            && std::find(unacceptable.begin(), unacceptable.end(), r.Text(0))
                   != unacceptable.end()) {
            ++above;
        }
    }
    return BuiltinValue{
        static_cast<double>(above),
        fmt::format("{} of {} open risk(s) above the acceptance criteria", above, rows.size())};
}

/// The register another module declares, or kConflict saying it does not exist yet.
Result<const schema::RegisterSpec*> Needed(const MonitoringDeps& deps, std::string_view name) {
    const schema::RegisterSpec* spec = deps.registry.Find(name);
    if (spec == nullptr) {
        return Error::Conflict(fmt::format("the {} register does not exist in isms yet", name));
    }
    return spec;
}

Result<BuiltinValue> NonconformityDays(const MonitoringDeps& deps, store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(const schema::RegisterSpec* spec, Needed(deps, "nonconformities"));
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT created_at, closed_on" + Live(*spec)
                + " AND status = 'closed' AND closed_on IS NOT NULL",
            {scope.tenant().value}
        )
    );
    double days = 0;
    std::int64_t n = 0;
    for (const auto& r : rows) {
        const auto opened = ParseDate(r.Text(0).substr(0, 10));
        const auto done = ParseDate(r.Text(1).substr(0, 10));
        if (opened && done) {
            days += static_cast<double>((*done - *opened).count());
            ++n;
        }
    }
    if (n == 0) {
        return Error::Conflict("no nonconformity is closed yet");
    }
    return BuiltinValue{
        std::round(days * 10.0 / static_cast<double>(n)) / 10.0,
        fmt::format("mean over {} closed nonconformity(ies)", n)};
}

/// Training records carry no status: a required competence (role_competences of a person's job
/// role, people who have not left) is met when the person has a training record for it that
/// has not expired — the figure GET /api/v1/competence-gaps reports as met.
Result<BuiltinValue> TrainingCompletion(const MonitoringDeps& deps, store::TenantScope& scope) {
    ISMS_TRY_ASSIGN(const schema::RegisterSpec* people, Needed(deps, "people"));
    ISMS_TRY_ASSIGN(const schema::RegisterSpec* required, Needed(deps, "role_competences"));
    ISMS_TRY_ASSIGN(const schema::RegisterSpec* training, Needed(deps, "training_records"));
    const std::string requirements =
        " FROM " + store::RegisterTable(*people) + " p JOIN " + store::RegisterTable(*required)
        + " rc ON rc.tenant_id = p.tenant_id AND rc.archived_at IS NULL AND rc.role = p.job_role"
        + " WHERE p.tenant_id = ? AND p.archived_at IS NULL"
        + " AND (p.status IS NULL OR p.status <> 'left')";
    ISMS_TRY_ASSIGN(
        const std::int64_t all,
        CountOf(scope, "SELECT COUNT(*)" + requirements, {scope.tenant().value})
    );
    if (all == 0) {
        return Error::Conflict("no person has a required competence yet (role_competences)");
    }
    ISMS_TRY_ASSIGN(
        const std::int64_t met,
        CountOf(
            scope,
            "SELECT COUNT(*)" + requirements + " AND EXISTS (SELECT 1 FROM "
                + store::RegisterTable(*training)
                + " t WHERE t.tenant_id = p.tenant_id AND t.archived_at IS NULL"
                + " AND t.person = p.id AND t.competence = rc.competence"
                + " AND (t.expires_on IS NULL OR t.expires_on >= ?))",
            {scope.tenant().value, FormatDate(Today(deps.clock))}
        )
    );
    return BuiltinValue{
        Percent(met, all),
        fmt::format("{} of {} required competence(s) held with current training", met, all)};
}

}  // namespace

std::span<const BuiltinMetric> BuiltinMetrics() {
    return kBuiltins;
}

const BuiltinMetric* FindBuiltin(std::string_view kind) {
    const auto* it = std::find_if(kBuiltins.begin(), kBuiltins.end(), [&](const BuiltinMetric& b) {
        return kind == b.kind;
    });
    return it == kBuiltins.end() ? nullptr : &*it;
}

Result<BuiltinValue> ComputeBuiltin(
    const MonitoringDeps& deps, const iam::Principal& who, std::string_view kind
) {
    if (kind == "annex_a_implemented") {
        return AnnexAImplemented(deps, who);
    }
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps.db, who.tenant));
    if (kind == "overdue_treatment_actions") {
        return OverdueTreatment(deps, session);
    }
    if (kind == "evidence_stale_ratio") {
        return EvidenceStale(deps, session);
    }
    if (kind == "risks_above_acceptance") {
        return RisksAboveAcceptance(deps, who, session);
    }
    if (kind == "nonconformity_mean_days_to_close") {
        return NonconformityDays(deps, session);
    }
    if (kind == "training_completion") {
        return TrainingCompletion(deps, session);
    }
    return Error::Invalid("automatic", fmt::format("'{}' is not a built-in metric", kind));
}

}  // namespace isms::assurance
