#include "assurance/review_inputs.hpp"

#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assurance/metric_builtin.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::assurance {

namespace {

/// Changed records listed per register; the counts cover all of them.
constexpr std::int64_t kListed = 50;

/// The period a review looks back on: since the previous meeting (everything before a first).
struct Period {
    std::optional<std::string> from;  // YYYY-MM-DD
    std::string today;
};

std::string Live(const schema::RegisterSpec& spec) {
    return " FROM " + store::RegisterTable(spec) + " WHERE tenant_id = ? AND archived_at IS NULL";
}

/// The first of `names` the register declares, for a generic record's title and state.
const char* FirstField(const schema::RegisterSpec& spec, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        if (spec.Field(n) != nullptr) {
            return n;
        }
    }
    return nullptr;
}

/// What changed in register `name` in the period, read generically: counts, counts by status
/// and the records changed (ref, title, status, updated_at).
Result<json::object> Digest(
    const MonitoringDeps& deps, store::TenantScope& scope, std::string_view name, const Period& p
) {
    const schema::RegisterSpec* spec = deps.registry.Find(name);
    if (spec == nullptr) {
        return json::object{{"register", name}, {"status", "no register yet"}};
    }
    const std::int64_t tenant = scope.tenant().value;
    const std::string since = p.from.value_or("");
    const char* title = FirstField(*spec, {"title", "name", "description"});
    const char* status = FirstField(*spec, {"status"});
    ISMS_TRY_ASSIGN(
        auto counts,
        scope.sql().Query(
            "SELECT COUNT(*), SUM(CASE WHEN created_at >= ? THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN updated_at >= ? THEN 1 ELSE 0 END)"
                + Live(*spec),
            {since, since, tenant}
        )
    );
    json::object by_status;
    if (status != nullptr) {
        ISMS_TRY_ASSIGN(
            auto rows,
            scope.sql().Query(
                std::string("SELECT ") + status + ", COUNT(*)" + Live(*spec) + " GROUP BY " + status
                    + " ORDER BY " + status,
                {tenant}
            )
        );
        for (const auto& r : rows) {
            by_status[r.IsNull(0) ? "none" : r.Text(0)] = r.Int(1);
        }
    }
    ISMS_TRY_ASSIGN(
        auto changed,
        scope.sql().Query(
            std::string("SELECT ref, ") + (title != nullptr ? title : "ref") + ", "
                + (status != nullptr ? status : "NULL") + ", updated_at" + Live(*spec)
                + " AND updated_at >= ? ORDER BY updated_at DESC, id DESC LIMIT ?",
            {tenant, since, kListed}
        )
    );
    json::array records;
    for (const auto& r : changed) {
        records.push_back(json::object{
            {"ref", r.Text(0)},
            {"title", r.Text(1)},
            {"status", r.IsNull(2) ? json::value(nullptr) : json::value(r.Text(2))},
            {"updated_at", r.Text(3)}});
    }
    return json::object{
        {"register", name},
        {"status", "compiled"},
        {"total", counts[0].Int(0)},
        {"created_in_period", counts[0].Int(1)},
        {"changed_in_period", counts[0].Int(2)},
        {"by_status", std::move(by_status)},
        {"changed", std::move(records)}};
}

/// "context_issues: 4 (2 new, 3 changed)" for each source; "no register yet" where none is.
std::string DigestSummary(const json::array& sources) {
    std::vector<std::string> parts;
    for (const auto& s : sources) {
        const json::object& o = s.as_object();
        const std::string name(o.at("register").as_string());
        if (o.at("status") != "compiled") {
            parts.push_back(name + ": no register yet");
            continue;
        }
        parts.push_back(fmt::format(
            "{}: {} ({} new, {} changed in the period)",
            name,
            o.at("total").as_int64(),
            o.at("created_in_period").as_int64(),
            o.at("changed_in_period").as_int64()
        ));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

json::object Item(const char* clause, const char* key, const char* title) {
    return json::object{{"clause", clause}, {"key", key}, {"title", title}};
}

Result<json::object> DigestItem(
    const MonitoringDeps& deps,
    store::TenantScope& scope,
    const Period& p,
    json::object item,
    std::initializer_list<std::string_view> registers
) {
    json::array sources;
    for (std::string_view r : registers) {
        ISMS_TRY_ASSIGN(json::object d, Digest(deps, scope, r, p));
        sources.emplace_back(std::move(d));
    }
    item["summary"] = DigestSummary(sources);
    item["sources"] = std::move(sources);
    return item;
}

/// 9.3.2 a: the actions earlier reviews decided, with their status today.
Result<json::object> PreviousActions(
    const MonitoringDeps& deps,
    store::TenantScope& scope,
    const schema::Record& review,
    const Period& p
) {
    json::object item =
        Item("9.3.2 a", "previous_actions", "Status of actions from previous reviews");
    const schema::RegisterSpec& actions = deps.registry.Get("review_actions");
    const schema::RegisterSpec& reviews = deps.registry.Get("management_reviews");
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT a.ref, a.title, a.owner, a.due_date, a.status, a.completed_on, r.ref FROM "
                + store::RegisterTable(actions) + " a JOIN " + store::RegisterTable(reviews)
                + " r ON r.tenant_id = a.tenant_id AND r.id = a.review WHERE a.tenant_id = ? AND "
                  "a.archived_at IS NULL AND a.review <> ? AND r.meeting_date < ? ORDER BY a.id",
            {scope.tenant().value,
             review.id.value,
             std::string(review.fields.at("meeting_date").as_string())}
        )
    );
    std::map<std::string, std::int64_t> by_status;
    std::int64_t overdue = 0;
    json::array list;
    for (const auto& r : rows) {
        const std::string status = r.IsNull(4) ? "open" : r.Text(4);
        ++by_status[status];
        const bool open = status == "open" || status == "in_progress";
        const bool late = open && r.Text(3) < p.today;
        overdue += late ? 1 : 0;
        list.push_back(json::object{
            {"ref", r.Text(0)},
            {"title", r.Text(1)},
            {"owner", r.IsNull(2) ? json::value(nullptr) : json::value(r.Int(2))},
            {"due_date", r.Text(3)},
            {"status", status},
            {"completed_on", r.IsNull(5) ? json::value(nullptr) : json::value(r.Text(5))},
            {"overdue", late},
            {"review", r.Text(6)}});
    }
    json::object counts;
    for (const auto& [status, n] : by_status) {
        counts[status] = n;
    }
    item["summary"] =
        list.empty()
            ? std::string("no actions from previous reviews")
            : fmt::format(
                "{} action(s): {} done, {} overdue", list.size(), by_status["done"], overdue
            );
    item["sources"] = json::array{json::object{
        {"register", "review_actions"},
        {"status", "compiled"},
        {"total", list.size()},
        {"overdue", overdue},
        {"by_status", std::move(counts)},
        {"actions", std::move(list)}}};
    return item;
}

/// 9.3.2 d 2: every metric's latest value against its target, and the breaches in the period.
Result<json::object> Monitoring(
    const MonitoringDeps& deps, store::TenantScope& scope, const Period& p
) {
    json::object item = Item("9.3.2 d 2", "monitoring", "Monitoring and measurement results");
    const std::int64_t tenant = scope.tenant().value;
    const schema::RegisterSpec& metrics = deps.registry.Get("metrics");
    const std::string m_table = store::RegisterTable(deps.registry.Get("measurements"));
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT id, ref, name, unit, target, direction" + Live(metrics) + " ORDER BY id",
            {tenant}
        )
    );
    json::array list;
    std::int64_t breached = 0;
    std::int64_t period_breaches = 0;
    for (const auto& m : rows) {
        ISMS_TRY_ASSIGN(
            auto latest,
            scope.sql().Query(
                "SELECT value, measured_on, breach FROM " + m_table
                    + " WHERE tenant_id = ? AND archived_at IS NULL AND metric = ? "
                      "ORDER BY measured_on DESC, id DESC LIMIT 1",
                {tenant, m.Int(0)}
            )
        );
        ISMS_TRY_ASSIGN(
            auto in_period,
            scope.sql().Query(
                "SELECT COUNT(*), SUM(CASE WHEN breach = 1 THEN 1 ELSE 0 END) FROM " + m_table
                    + " WHERE tenant_id = ? AND archived_at IS NULL AND metric = ? AND "
                      "measured_on >= ?",
                {tenant, m.Int(0), p.from.value_or("")}
            )
        );
        const bool breach = !latest.empty() && latest[0].Int(2) != 0;
        breached += breach ? 1 : 0;
        period_breaches += in_period[0].Int(1);
        list.push_back(json::object{
            {"ref", m.Text(1)},
            {"name", m.Text(2)},
            {"unit", m.Text(3)},
            {"target", m.IsNull(4) ? json::value(nullptr) : json::value(m.Real(4))},
            {"direction", m.IsNull(5) ? json::value(nullptr) : json::value(m.Text(5))},
            {"latest_value",
             latest.empty() ? json::value(nullptr) : json::value(latest[0].Real(0))},
            {"measured_on", latest.empty() ? json::value(nullptr) : json::value(latest[0].Text(1))},
            {"breached", breach},
            {"measurements_in_period", in_period[0].Int(0)},
            {"breaches_in_period", in_period[0].Int(1)}});
    }
    item["summary"] = list.empty() ? std::string("no metrics defined")
                                   : fmt::format(
                                       "{} metric(s), {} off target at their latest value, {} "
                                       "breach(es) in the period",
                                       list.size(),
                                       breached,
                                       period_breaches
                                   );
    item["sources"] = json::array{json::object{
        {"register", "metrics"},
        {"status", "compiled"},
        {"total", list.size()},
        {"off_target", breached},
        {"metrics", std::move(list)}}};
    return item;
}

/// 9.3.2 d 3: the audit registers when they exist, and the audits recorded as assessments.
Result<json::object> AuditResults(
    const MonitoringDeps& deps, store::TenantScope& scope, const Period& p
) {
    ISMS_TRY_ASSIGN(
        json::object item,
        DigestItem(
            deps,
            scope,
            p,
            Item("9.3.2 d 3", "audit_results", "Audit results"),
            {"audits", "audit_findings"}
        )
    );
    ISMS_TRY_ASSIGN(
        auto done,
        scope.sql().Query(
            "SELECT COUNT(*)" + Live(deps.registry.Get("assessments"))
                + " AND assessment_type IN ('internal_audit', 'external_audit') AND status = "
                  "'done' AND updated_at >= ?",
            {scope.tenant().value, p.from.value_or("")}
        )
    );
    item["sources"].as_array().push_back(json::object{
        {"register", "assessments"},
        {"status", "compiled"},
        {"audits_done_in_period", done[0].Int(0)}});
    item["summary"] = fmt::format(
        "{}; audit assessments done in the period: {}",
        std::string_view(item.at("summary").as_string()),
        done[0].Int(0)
    );
    return item;
}

/// 9.3.2 f: risks by level, the treatment plan's progress, risks above acceptance.
Result<json::object> RiskItem(
    const MonitoringDeps& deps,
    const iam::Principal& who,
    store::TenantScope& scope,
    const Period& p
) {
    json::object item =
        Item("9.3.2 f", "risk", "Results of risk assessment and status of the risk treatment plan");
    const std::int64_t tenant = scope.tenant().value;
    ISMS_TRY_ASSIGN(
        auto levels,
        scope.sql().Query(
            "SELECT COALESCE(current_level, inherent_level), COUNT(*)"
                + Live(deps.registry.Get("risks"))
                + " AND (status IS NULL OR status <> 'closed') GROUP BY COALESCE(current_level, "
                  "inherent_level) ORDER BY 1",
            {tenant}
        )
    );
    json::object by_level;
    std::int64_t open = 0;
    for (const auto& r : levels) {
        by_level[r.IsNull(0) ? "unscored" : r.Text(0)] = r.Int(1);
        open += r.Int(1);
    }
    ISMS_TRY_ASSIGN(
        auto actions,
        scope.sql().Query(
            "SELECT COALESCE(status, 'planned'), COUNT(*), SUM(CASE WHEN due_date < ? AND "
            "(status IS NULL OR status NOT IN ('done', 'cancelled')) THEN 1 ELSE 0 END)"
                + Live(deps.registry.Get("treatment_actions"))
                + " GROUP BY COALESCE(status, 'planned') ORDER BY 1",
            {p.today, tenant}
        )
    );
    json::object by_status;
    std::int64_t overdue = 0;
    for (const auto& r : actions) {
        by_status[r.Text(0)] = r.Int(1);
        overdue += r.Int(2);
    }
    ISMS_TRY_ASSIGN(BuiltinValue above, ComputeBuiltin(deps, who, "risks_above_acceptance"));
    item["summary"] = fmt::format(
        "{} open risk(s), {} above the acceptance criteria; {} treatment action(s) overdue",
        open,
        static_cast<std::int64_t>(above.value),
        overdue
    );
    item["sources"] = json::array{
        json::object{
            {"register", "risks"},
            {"status", "compiled"},
            {"open", open},
            {"by_level", std::move(by_level)},
            {"above_acceptance", static_cast<std::int64_t>(above.value)}},
        json::object{
            {"register", "treatment_actions"},
            {"status", "compiled"},
            {"by_status", std::move(by_status)},
            {"overdue", overdue}}};
    return item;
}

json::object ReviewRef(const schema::Record& r) {
    return json::object{
        {"id", r.id.value},
        {"ref", r.ref},
        {"title", r.fields.at("title")},
        {"meeting_date", r.fields.at("meeting_date")}};
}

}  // namespace

Result<std::optional<schema::Record>> PreviousReview(
    const MonitoringDeps& deps, store::TenantScope& scope, const schema::Record& review
) {
    const schema::RegisterSpec& spec = deps.registry.Get("management_reviews");
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT id" + Live(spec)
                + " AND meeting_date < ? AND id <> ? ORDER BY meeting_date DESC, id DESC LIMIT 1",
            {scope.tenant().value,
             std::string(review.fields.at("meeting_date").as_string()),
             review.id.value}
        )
    );
    if (rows.empty()) {
        return std::optional<schema::Record>();
    }
    ISMS_TRY_ASSIGN(
        schema::Record previous, store::GetRecord(scope, spec, RecordId{rows[0].Int(0)})
    );
    return std::optional(std::move(previous));
}

Result<json::object> CompileReviewInputs(
    const MonitoringDeps& deps,
    const iam::Principal& who,
    store::TenantScope& scope,
    const schema::Record& review
) {
    ISMS_TRY_ASSIGN(std::optional<schema::Record> previous, PreviousReview(deps, scope, review));
    Period p;
    p.today = FormatDate(Today(deps.clock));
    if (previous) {
        p.from = std::string(previous->fields.at("meeting_date").as_string());
    }
    json::array items;
    auto digest = [&](const char* clause,
                      const char* key,
                      const char* title,
                      std::initializer_list<std::string_view> registers) -> Status {
        ISMS_TRY_ASSIGN(
            json::object item, DigestItem(deps, scope, p, Item(clause, key, title), registers)
        );
        items.emplace_back(std::move(item));
        return {};
    };
    ISMS_TRY_ASSIGN(json::object a, PreviousActions(deps, scope, review, p));
    items.emplace_back(std::move(a));
    ISMS_TRY(digest(
        "9.3.2 b", "context_issues", "Changes in external and internal issues", {"context_issues"}
    ));
    ISMS_TRY(digest(
        "9.3.2 c",
        "party_needs",
        "Changes in needs and expectations of interested parties",
        {"party_requirements"}
    ));
    ISMS_TRY(digest(
        "9.3.2 d 1",
        "nonconformities",
        "Nonconformities and corrective actions",
        {"nonconformities", "corrective_actions"}
    ));
    ISMS_TRY_ASSIGN(json::object d2, Monitoring(deps, scope, p));
    items.emplace_back(std::move(d2));
    ISMS_TRY_ASSIGN(json::object d3, AuditResults(deps, scope, p));
    items.emplace_back(std::move(d3));
    ISMS_TRY(digest(
        "9.3.2 d 4", "objectives", "Fulfilment of information security objectives", {"objectives"}
    ));
    ISMS_TRY(digest(
        "9.3.2 e", "party_feedback", "Feedback from interested parties", {"interested_parties"}
    ));
    ISMS_TRY_ASSIGN(json::object f, RiskItem(deps, who, scope, p));
    items.emplace_back(std::move(f));
    ISMS_TRY(digest(
        "9.3.2 g", "improvement", "Opportunities for continual improvement", {"improvements"}
    ));
    return json::object{
        {"review", ReviewRef(review)},
        {"previous_review", previous ? json::value(ReviewRef(*previous)) : json::value(nullptr)},
        {"period",
         json::object{
             {"from", p.from ? json::value(*p.from) : json::value(nullptr)}, {"to", p.today}}},
        {"compiled_at", FormatTimestamp(deps.clock.Now())},
        {"items", std::move(items)}};
}

}  // namespace isms::assurance
