#include "compliance/readiness.hpp"

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "compliance/register_count.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::compliance {

namespace {

struct Item {
    Item(const char* clause_id, const char* item_title) : clause(clause_id), title(item_title) {}

    const char* clause;
    const char* title;
    std::string status = "missing";
    std::string detail;
    std::int64_t count = 0;
    std::string link;
    bool available = true;  // false: isms does not record it yet
};

/// Not recorded in isms yet: the register that holds it is still to come.
Item NotYet(const char* clause, const char* title, const char* what) {
    Item i{clause, title};
    i.detail = fmt::format("isms does not record {} yet", what);
    i.available = false;
    return i;
}

/// Live records of a register of this build, by name.
class Counter {
public:
    Counter(const ComplianceDeps& deps, store::TenantScope& scope) : deps_(deps), counter_(scope) {}

    Result<std::int64_t> Count(
        std::string_view register_name, const std::string& where, const store::SqlParams& extra = {}
    ) {
        return counter_.Count(deps_.registry.Get(register_name), where, extra);
    }

private:
    const ComplianceDeps& deps_;
    RegisterCounter counter_;
};

}  // namespace

Result<json::object> ReadinessService::Checklist(const iam::Principal& who) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assessments"), iam::Action::kRead));
    const Date today_date = Today(deps_.clock);
    const std::string today = FormatDate(today_date);
    const std::string year_ago = FormatDate(today_date - std::chrono::days{365});
    std::vector<Item> items;
    ISMS_TRY_ASSIGN(const std::optional<std::int64_t> latest, soa_.LatestVersion(who));
    // The SoA service opens its own session: ask it before this one is held, so that one
    // request never waits for a second reader while keeping the first.
    std::size_t soa_changes = 0;
    if (latest) {
        ISMS_TRY_ASSIGN(json::object diff, soa_.Diff(who, *latest, std::nullopt));
        soa_changes = diff.at("changes").as_array().size();
    }
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        Counter count(deps_, session);
        const std::int64_t tenant = who.tenant.value;

        items.push_back(NotYet("4.3", "Scope of the ISMS", "the scope statement"));
        items.push_back(NotYet("5.2", "Information security policy", "policies"));

        Item method{"6.1.2", "Risk assessment process"};
        ISMS_TRY_ASSIGN(
            auto methods,
            session.sql().Query(
                "SELECT MAX(version) FROM risk_methods WHERE tenant_id = ?", {tenant}
            )
        );
        method.link = "/api/v1/risk-method";
        if (!methods.empty() && !methods[0].IsNull(0)) {
            method.status = "present";
            method.count = methods[0].Int(0);
            method.detail = fmt::format("risk method version {}", methods[0].Int(0));
        } else {
            method.detail = "no risk method stored: score a risk or set the method";
        }
        items.push_back(std::move(method));

        Item treatment{"6.1.3", "Risk treatment process"};
        ISMS_TRY_ASSIGN(treatment.count, count.Count("treatment_actions", ""));
        treatment.link = "/api/v1/treatment_actions";
        treatment.status = treatment.count > 0 ? "present" : "missing";
        treatment.detail = treatment.count > 0
                               ? fmt::format("{} treatment action(s) planned", treatment.count)
                               : "no risk treatment planned";
        items.push_back(std::move(treatment));

        Item soa{"6.1.3 d", "Statement of Applicability"};
        soa.count = latest.value_or(0);  // versions are numbered from 1
        soa.link = "/api/v1/soa";
        if (!latest) {
            soa.detail = "no SoA version issued";
        } else {
            const std::size_t changes = soa_changes;
            soa.status = changes == 0 ? "present" : "stale";
            soa.link = fmt::format("/api/v1/soa/versions/{}", *latest);
            soa.detail = changes == 0
                             ? fmt::format("version {} issued, the live SoA agrees", *latest)
                             : fmt::format(
                                 "version {} issued; the live SoA differs in {} place(s): issue "
                                 "a new version",
                                 *latest,
                                 changes
                             );
        }
        items.push_back(std::move(soa));

        items.push_back(NotYet("6.2", "Information security objectives", "objectives"));
        items.push_back(NotYet("7.2", "Evidence of competence", "people and their competences"));
        items.push_back(NotYet("7.5", "Control of documented information", "controlled documents"));

        Item operation{"8.1", "Operational planning and control"};
        ISMS_TRY_ASSIGN(
            operation.count,
            count.Count("applied_controls", "(status IS NULL OR status <> 'retired')")
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t overdue, count.Count("applied_controls", "next_review < ?", {today})
        );
        operation.link = "/api/v1/applied_controls";
        operation.status = operation.count == 0 ? "missing" : (overdue > 0 ? "stale" : "present");
        operation.detail =
            operation.count == 0
                ? "no applied control recorded"
                : fmt::format(
                    "{} applied control(s), {} past their review date", operation.count, overdue
                );
        items.push_back(std::move(operation));

        Item assessment{"8.2", "Risk assessment results"};
        ISMS_TRY_ASSIGN(assessment.count, count.Count("risks", ""));
        ISMS_TRY_ASSIGN(
            const std::int64_t unreviewed, count.Count("risks", "review_date < ?", {today})
        );
        assessment.link = "/api/v1/risks";
        assessment.status =
            assessment.count == 0 ? "missing" : (unreviewed > 0 ? "stale" : "present");
        assessment.detail =
            assessment.count == 0
                ? "no risk assessed"
                : fmt::format(
                    "{} risk(s) assessed, {} past their review date", assessment.count, unreviewed
                );
        items.push_back(std::move(assessment));

        Item results{"8.3", "Risk treatment results"};
        ISMS_TRY_ASSIGN(
            const std::int64_t done, count.Count("treatment_actions", "status = 'done'")
        );
        ISMS_TRY_ASSIGN(
            auto accepted,
            session.sql().Query(
                "SELECT COUNT(*) FROM risk_acceptances WHERE tenant_id = ? AND revoked_at IS NULL",
                {tenant}
            )
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t late,
            count.Count(
                "treatment_actions",
                "due_date < ? AND (status IS NULL OR status NOT IN ('done', 'cancelled'))",
                {today}
            )
        );
        results.count = done + accepted[0].Int(0);
        results.link = "/api/v1/risks/due";
        results.status = results.count == 0 ? "missing" : (late > 0 ? "stale" : "present");
        results.detail = fmt::format(
            "{} treatment action(s) done, {} residual risk acceptance(s), {} action(s) overdue",
            done,
            accepted[0].Int(0),
            late
        );
        items.push_back(std::move(results));

        items.push_back(NotYet("9.1", "Monitoring and measurement results", "metrics"));

        Item audit{"9.2", "Internal audit programme and results"};
        const std::string audits =
            "assessment_type IN ('internal_audit', 'external_audit') AND status = 'done'";
        ISMS_TRY_ASSIGN(audit.count, count.Count("assessments", audits));
        ISMS_TRY_ASSIGN(
            const std::int64_t recent,
            count.Count("assessments", audits + " AND updated_at >= ?", {year_ago})
        );
        audit.link = "/api/v1/assessments?assessment_type=internal_audit";
        audit.status = audit.count == 0 ? "missing" : (recent == 0 ? "stale" : "present");
        audit.detail =
            audit.count == 0
                ? "no audit done (an assessment of type internal_audit, status done)"
                : fmt::format("{} audit(s) done, {} in the last 12 months", audit.count, recent);
        items.push_back(std::move(audit));

        items.push_back(NotYet("9.3", "Management review results", "management reviews"));
        items.push_back(NotYet("10.2", "Nonconformities and corrective actions", "nonconformities")
        );
    }
    json::array out;
    std::int64_t present = 0;
    std::int64_t stale = 0;
    for (const Item& i : items) {
        present += i.status == "present" ? 1 : 0;
        stale += i.status == "stale" ? 1 : 0;
        out.push_back(json::object{
            {"clause", i.clause},
            {"title", i.title},
            {"status", i.status},
            {"detail", i.detail},
            {"count", i.count},
            {"available", i.available},
            {"link", i.link.empty() ? json::value(nullptr) : json::value(i.link)}});
    }
    const auto total = static_cast<std::int64_t>(items.size());
    return json::object{
        {"as_of", today},
        {"summary",
         json::object{
             {"items", total},
             {"present", present},
             {"stale", stale},
             {"missing", total - present - stale}}},
        {"items", std::move(out)}};
}

}  // namespace isms::compliance
