#include "compliance/readiness.hpp"

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "compliance/register_count.hpp"
#include "iam/permission.hpp"
#include "store/migrate.hpp"
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
};

/// Live records of a register of this build, by name.
class Counter {
public:
    Counter(const ComplianceDeps& deps, store::TenantScope& scope)
        : deps_(deps), scope_(scope), counter_(scope) {}

    Result<std::int64_t> Count(
        std::string_view register_name, const std::string& where, const store::SqlParams& extra = {}
    ) {
        return counter_.Count(deps_.registry.Get(register_name), where, extra);
    }

    /// Pairs of an active person and a competence their job role requires (role_competences)
    /// without a training record for it that is current on `today`.
    Result<std::int64_t> CompetenceGaps(const std::string& today) {
        const std::string people = store::RegisterTable(deps_.registry.Get("people"));
        const std::string required = store::RegisterTable(deps_.registry.Get("role_competences"));
        const std::string training = store::RegisterTable(deps_.registry.Get("training_records"));
        ISMS_TRY_ASSIGN(
            auto rows,
            scope_.sql().Query(
                "SELECT COUNT(*) FROM " + people + " p JOIN " + required
                    + " r ON r.tenant_id = p.tenant_id AND r.role = p.job_role AND r.archived_at "
                      "IS NULL WHERE p.tenant_id = ? AND p.archived_at IS NULL AND (p.status IS "
                      "NULL OR p.status <> 'left') AND NOT EXISTS (SELECT 1 FROM "
                    + training
                    + " t WHERE t.tenant_id = p.tenant_id AND t.archived_at IS NULL AND t.person "
                      "= p.id AND t.competence = r.competence AND (t.expires_on IS NULL OR "
                      "t.expires_on >= ?))",
                {scope_.tenant().value, today}
            )
        );
        return rows[0].Int(0);
    }

private:
    const ComplianceDeps& deps_;
    store::TenantScope& scope_;
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

        Item scope{"4.3", "Scope of the ISMS"};
        ISMS_TRY_ASSIGN(
            auto scopes,
            session.sql().Query(
                "SELECT v.version, v.created_at, a.approved_at FROM scope_versions v LEFT JOIN "
                "scope_approvals a ON a.tenant_id = v.tenant_id AND a.version = v.version WHERE "
                "v.tenant_id = ? ORDER BY v.version DESC LIMIT 1",
                {tenant}
            )
        );
        scope.link = "/api/v1/scope";
        if (scopes.empty()) {
            scope.detail = "no scope statement written";
        } else if (scopes[0].IsNull(2)) {
            scope.count = scopes[0].Int(0);
            scope.detail = fmt::format(
                "scope version {} is not approved: top management (admin) approves it", scope.count
            );
        } else {
            scope.count = scopes[0].Int(0);
            const bool recent = scopes[0].Text(1).substr(0, 10) >= year_ago;
            scope.status = recent ? "present" : "stale";
            scope.detail = recent ? fmt::format("scope statement version {}", scope.count)
                                  : fmt::format(
                                      "scope statement version {} unchanged for over 12 "
                                      "months: review it",
                                      scope.count
                                  );
        }
        items.push_back(std::move(scope));
        Item policy{"5.2", "Information security policy"};
        ISMS_TRY_ASSIGN(
            policy.count, count.Count("documents", "kind = 'policy' AND status = 'published'")
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t policy_overdue,
            count.Count(
                "documents",
                "kind = 'policy' AND status = 'published' AND next_review_on < ?",
                {today}
            )
        );
        policy.link = "/api/v1/documents?kind=policy";
        policy.status = policy.count == 0 ? "missing" : (policy_overdue > 0 ? "stale" : "present");
        policy.detail = policy.count == 0 ? "no approved and published policy document"
                                          : fmt::format(
                                              "{} published polic{}, {} past their review date",
                                              policy.count,
                                              policy.count == 1 ? "y" : "ies",
                                              policy_overdue
                                          );
        items.push_back(std::move(policy));

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

        Item objectives{"6.2", "Information security objectives"};
        ISMS_TRY_ASSIGN(
            objectives.count, count.Count("objectives", "(status IS NULL OR status <> 'cancelled')")
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t overdue_objectives,
            count.Count(
                "objectives",
                "due_date < ? AND (status IS NULL OR status NOT IN ('achieved', 'missed', "
                "'cancelled'))",
                {today}
            )
        );
        objectives.link = "/api/v1/objectives";
        objectives.status =
            objectives.count == 0 ? "missing" : (overdue_objectives > 0 ? "stale" : "present");
        objectives.detail = objectives.count == 0
                                ? "no information security objective set"
                                : fmt::format(
                                    "{} objective(s), {} past their due date without a result",
                                    objectives.count,
                                    overdue_objectives
                                );
        items.push_back(std::move(objectives));
        Item competence{"7.2", "Evidence of competence"};
        ISMS_TRY_ASSIGN(competence.count, count.Count("training_records", ""));
        ISMS_TRY_ASSIGN(const std::int64_t required, count.Count("role_competences", ""));
        ISMS_TRY_ASSIGN(const std::int64_t gaps, count.CompetenceGaps(today));
        competence.link = "/api/v1/competence-gaps";
        competence.status = competence.count == 0 || required == 0 ? "missing"
                            : gaps > 0                             ? "stale"
                                                                   : "present";
        competence.detail = fmt::format(
            "{} training record(s) over {} required competence(s), {} competence gap(s)",
            competence.count,
            required,
            gaps
        );
        items.push_back(std::move(competence));

        Item documented{"7.5", "Control of documented information"};
        ISMS_TRY_ASSIGN(documented.count, count.Count("documents", "status = 'published'"));
        ISMS_TRY_ASSIGN(
            const std::int64_t documents_overdue,
            count.Count("documents", "status = 'published' AND next_review_on < ?", {today})
        );
        documented.link = "/api/v1/documents";
        documented.status = documented.count == 0   ? "missing"
                            : documents_overdue > 0 ? "stale"
                                                    : "present";
        documented.detail = documented.count == 0
                                ? "no document approved and published"
                                : fmt::format(
                                    "{} published document(s), {} past their review date",
                                    documented.count,
                                    documents_overdue
                                );
        items.push_back(std::move(documented));

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

        Item monitoring{"9.1", "Monitoring and measurement results"};
        ISMS_TRY_ASSIGN(monitoring.count, count.Count("metrics", ""));
        ISMS_TRY_ASSIGN(
            const std::int64_t measured, count.Count("measurements", "measured_on >= ?", {year_ago})
        );
        monitoring.link = "/api/v1/metrics";
        monitoring.status =
            monitoring.count == 0 ? "missing" : (measured == 0 ? "stale" : "present");
        monitoring.detail = monitoring.count == 0
                                ? "no metric defined"
                                : fmt::format(
                                    "{} metric(s), {} measurement(s) in the last 12 months",
                                    monitoring.count,
                                    measured
                                );
        items.push_back(std::move(monitoring));

        Item audit{"9.2", "Internal audit programme and results"};
        ISMS_TRY_ASSIGN(const std::int64_t programmes, count.Count("audit_programmes", ""));
        ISMS_TRY_ASSIGN(audit.count, count.Count("audits", "status = 'closed'"));
        ISMS_TRY_ASSIGN(
            const std::int64_t recent,
            count.Count("audits", "status = 'closed' AND performed_on >= ?", {year_ago})
        );
        audit.link = "/api/v1/audits?status=closed";
        audit.status =
            programmes == 0 || audit.count == 0 ? "missing" : (recent == 0 ? "stale" : "present");
        audit.detail =
            programmes == 0 ? "no audit programme planned"
            : audit.count == 0
                ? fmt::format("{} audit programme(s), no audit closed yet", programmes)
                : fmt::format(
                    "{} audit programme(s), {} audit(s) closed, {} performed in the last 12 months",
                    programmes,
                    audit.count,
                    recent
                );
        items.push_back(std::move(audit));

        Item review{"9.3", "Management review results"};
        const std::string held = "status IN ('held', 'closed') AND inputs_sha256 IS NOT NULL";
        ISMS_TRY_ASSIGN(review.count, count.Count("management_reviews", held));
        ISMS_TRY_ASSIGN(
            const std::int64_t recent_reviews,
            count.Count("management_reviews", held + " AND meeting_date >= ?", {year_ago})
        );
        review.link = "/api/v1/management_reviews";
        review.status = review.count == 0 ? "missing" : (recent_reviews == 0 ? "stale" : "present");
        review.detail =
            review.count == 0
                ? "no management review held with compiled inputs"
                : fmt::format(
                    "{} review(s) held, {} in the last 12 months", review.count, recent_reviews
                );
        items.push_back(std::move(review));
        Item improvement{"10.2", "Nonconformities and corrective actions"};
        ISMS_TRY_ASSIGN(improvement.count, count.Count("nonconformities", ""));
        ISMS_TRY_ASSIGN(
            const std::int64_t open_ncs,
            count.Count("nonconformities", "(status IS NULL OR status <> 'closed')")
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t late_actions,
            count.Count(
                "corrective_actions",
                "due_date < ? AND (status IS NULL OR status NOT IN ('done', 'cancelled'))",
                {today}
            )
        );
        improvement.link = "/api/v1/nonconformities";
        improvement.status =
            improvement.count == 0 ? "missing" : (late_actions > 0 ? "stale" : "present");
        improvement.detail =
            improvement.count == 0
                ? "no nonconformity recorded"
                : fmt::format(
                    "{} nonconformity(ies), {} open, {} corrective action(s) overdue",
                    improvement.count,
                    open_ncs,
                    late_actions
                );
        items.push_back(std::move(improvement));
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
