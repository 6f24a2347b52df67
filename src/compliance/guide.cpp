#include "compliance/guide.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "compliance/register_count.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::compliance {

namespace {

struct Step {
    Step(
        const char* step_id,
        const char* step_clause,
        const char* step_title,
        const char* step_guidance,
        std::string step_link = {}
    )
        : id(step_id),
          clause(step_clause),
          title(step_title),
          guidance(step_guidance),
          link(std::move(step_link)) {}

    const char* id;
    const char* clause;
    const char* title;
    const char* guidance;
    std::string link;
    bool started = false;    // something is recorded, even if the step is not done
    bool held_open = false;  // something outside the count keeps the step from being done
    std::int64_t done = 0;
    std::int64_t total = 1;
    std::string counts;
    std::string detail;

    [[nodiscard]] const char* Status() const {
        if (total > 0 && done >= total && !held_open) {
            return "done";
        }
        return started || done > 0 ? "in_progress" : "not_started";
    }
};

constexpr const char* kScopeGuidance =
    "Decide what your ISMS covers: the parts of the organization, the locations, the services "
    "and the information it protects, and where it ends, with the interfaces to suppliers and "
    "to the parts left out. Say why anything is excluded. Assets, risks and controls are all "
    "judged against this boundary, so keep it short and concrete, and have top management (an "
    "admin) approve the current version.";
constexpr const char* kPolicyGuidance =
    "Top management sets the direction in a short information security policy: why security "
    "matters to the organization, the commitment to meet its requirements and to keep "
    "improving, and how objectives are set. Record it as a document of kind policy, have it "
    "approved, and make sure the people it concerns have read it.";
constexpr const char* kAssetsGuidance =
    "List what you must protect: the information and business processes that matter (primary "
    "assets) and the systems, people, sites and suppliers they rely on (supporting assets). "
    "Give each an owner and rate how much its confidentiality, integrity and availability "
    "matter; these ratings set the impact of the risks against it.";
constexpr const char* kMethodGuidance =
    "Before you assess a risk, fix how you will do it: the scales for likelihood and impact, how "
    "they combine into a level, the colours of the matrix and when a risk may be accepted. One "
    "method used every time is what makes results comparable and repeatable.";
constexpr const char* kAssessmentGuidance =
    "For each asset or event that matters, describe what could go wrong, what would cause it "
    "and through which weakness. Score likelihood and impact with your method, first without "
    "controls and then as things stand, and give every risk an owner and a date to look at it "
    "again.";
constexpr const char* kTreatmentGuidance =
    "Decide for each risk what you will do about it: reduce it with controls, avoid it, share "
    "it or retain it. Plan the actions that carry the decision out, each with an owner and a due "
    "date, and have the risk owner accept what remains.";
constexpr const char* kSoaGuidance =
    "The Statement of Applicability lists the 93 Annex A controls and says for each whether it "
    "applies, why, and how far it is implemented. isms derives most of it from your risk "
    "treatment: justify every exclusion, settle what is undecided, then issue a version.";
constexpr const char* kControlsGuidance =
    "A control counts only when it works. Record each control you run, who owns it and when it "
    "is next tested, and attach evidence (a report, an export, a screenshot) that shows it "
    "working. Evidence has a validity date: replace it before it goes stale.";
constexpr const char* kAuditGuidance =
    "At planned intervals, check that the ISMS follows your own rules and the standard and that "
    "it works. Plan an audit programme, have auditors independent of the area do the audits, and "
    "record findings so that they lead to corrections.";
constexpr const char* kReviewGuidance =
    "Top management looks at the whole ISMS at planned intervals: audit and measurement "
    "results, changes in context, the state of risks and actions, feedback from interested "
    "parties. Record the decisions and actions that come out of each review.";

/// The readiness item of `clause` (the checklist holds every clause the guide asks for).
const json::object& ItemOf(const json::object& checklist, std::string_view clause) {
    for (const auto& v : checklist.at("items").as_array()) {
        if (v.as_object().at("clause").as_string() == clause) {
            return v.as_object();
        }
    }
    ISMS_CHECK(false, "the readiness checklist lacks a clause the guide reads");
    ISMS_UNREACHABLE();
}

/// A step that is done when the readiness item of its clause is present.
Step FromReadiness(Step step, const json::object& item, const char* counts) {
    const std::string_view status = item.at("status").as_string();
    step.done = status == "present" ? 1 : 0;
    step.started = status == "stale";
    step.counts = counts;
    step.detail = std::string(item.at("detail").as_string());
    return step;
}

/// A step done once one live record of a register (matching `where`) exists; the register
/// comes from another module, so it is looked up by name.
Result<Step> FromRegister(
    Step step,
    const schema::Registry& registry,
    RegisterCounter& counter,
    std::string_view register_name,
    const std::string& where,
    const char* what
) {
    step.counts = what;
    step.link = fmt::format("#/registers/{}", register_name);
    ISMS_TRY_ASSIGN(const std::int64_t n, counter.Count(registry.Get(register_name), where));
    step.done = n > 0 ? 1 : 0;
    step.detail =
        n > 0 ? fmt::format("{} {} recorded", n, what) : fmt::format("no {} recorded yet", what);
    return step;
}

json::object ToJson(const Step& s) {
    return json::object{
        {"id", s.id},
        {"clause", s.clause},
        {"title", s.title},
        {"guidance", s.guidance},
        {"status", s.Status()},
        {"progress", json::object{{"done", s.done}, {"total", s.total}, {"counts", s.counts}}},
        {"detail", s.detail},
        {"link", s.link}};
}

/// Applicable controls of the live SoA that are implemented and have current evidence.
std::int64_t ProvenControls(const json::object& soa) {
    std::int64_t proven = 0;
    for (const auto& v : soa.at("controls").as_array()) {
        const json::object& c = v.as_object();
        if (!c.at("applicable").is_bool() || !c.at("applicable").as_bool()
            || c.at("implementation").as_string() != "implemented") {
            continue;
        }
        for (const auto& e : c.at("evidence").as_array()) {
            if (const auto* st = e.as_object().if_contains("status");
                st != nullptr && st->is_string() && st->as_string() == "current") {
                ++proven;
                break;
            }
        }
    }
    return proven;
}

}  // namespace

Result<json::object> GuideService::Steps(const iam::Principal& who) {
    ISMS_TRY(iam::Authorize(who, deps_.registry.Get("assets"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(const json::object checklist, readiness_.Checklist(who));
    ISMS_TRY_ASSIGN(const json::object soa, soa_.Get(who));
    const std::string today = FormatDate(Today(deps_.clock));
    std::vector<Step> steps;
    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        RegisterCounter count(session);
        const schema::RegisterSpec& assets_spec = deps_.registry.Get("assets");
        const schema::RegisterSpec& risks_spec = deps_.registry.Get("risks");

        steps.push_back(FromReadiness(
            {"scope", "4.3", "Define the scope", kScopeGuidance, "#/scope"},
            ItemOf(checklist, "4.3"),
            "current scope statement"
        ));

        ISMS_TRY_ASSIGN(
            Step policy,
            FromRegister(
                {"policy", "5.2", "Set the information security policy", kPolicyGuidance},
                deps_.registry,
                count,
                "documents",
                "kind = 'policy'",
                "policy documents"
            )
        );
        steps.push_back(std::move(policy));

        Step assets{"assets", "A.5.9", "List your assets", kAssetsGuidance, "#/registers/assets"};
        ISMS_TRY_ASSIGN(assets.total, count.Count(assets_spec, ""));
        ISMS_TRY_ASSIGN(
            assets.done,
            count.Count(
                assets_spec,
                "confidentiality IS NOT NULL AND integrity IS NOT NULL AND availability IS NOT "
                "NULL"
            )
        );
        assets.started = assets.total > 0;
        assets.counts = "assets rated for confidentiality, integrity and availability";
        assets.detail = assets.total == 0
                            ? "no asset recorded"
                            : fmt::format(
                                "{} of {} asset(s) still to rate for confidentiality, integrity "
                                "and availability",
                                assets.total - assets.done,
                                assets.total
                            );
        steps.push_back(std::move(assets));

        steps.push_back(FromReadiness(
            {"risk_method", "6.1.2", "Set the risk method", kMethodGuidance, "#/risk/method"},
            ItemOf(checklist, "6.1.2"),
            "risk method saved"
        ));

        Step assessment{
            "risk_assessment",
            "6.1.2",
            "Assess the risks",
            kAssessmentGuidance,
            "#/registers/risks"};
        ISMS_TRY_ASSIGN(
            assessment.total, count.Count(risks_spec, "status IS NULL OR status <> 'closed'")
        );
        ISMS_TRY_ASSIGN(
            assessment.done,
            count.Count(
                risks_spec,
                "(status IS NULL OR status <> 'closed') AND inherent_level IS NOT NULL AND "
                "(review_date IS NULL OR review_date >= ?)",
                {today}
            )
        );
        assessment.started = assessment.total > 0;
        assessment.counts = "open risks scored and within their review date";
        assessment.detail = assessment.total == 0
                                ? "no risk assessed"
                                : fmt::format(
                                    "{} of {} open risk(s) not scored or past their review date",
                                    assessment.total - assessment.done,
                                    assessment.total
                                );
        steps.push_back(std::move(assessment));

        Step treatment{
            "risk_treatment",
            "6.1.3",
            "Treat the risks",
            kTreatmentGuidance,
            "#/registers/treatment_actions"};
        treatment.total = steps.back().total;  // the open risks
        ISMS_TRY_ASSIGN(
            treatment.done,
            count.Count(
                risks_spec, "(status IS NULL OR status <> 'closed') AND treatment IS NOT NULL"
            )
        );
        ISMS_TRY_ASSIGN(
            const std::int64_t late,
            count.Count(
                deps_.registry.Get("treatment_actions"),
                "due_date < ? AND (status IS NULL OR status NOT IN ('done', 'cancelled'))",
                {today}
            )
        );
        treatment.started = treatment.done > 0 || late > 0;
        treatment.held_open = late > 0;
        treatment.counts = "open risks with a treatment option decided";
        treatment.detail = treatment.total == 0
                               ? "no risk to treat yet"
                               : fmt::format(
                                   "{} open risk(s) without a treatment option, {} treatment "
                                   "action(s) overdue",
                                   treatment.total - treatment.done,
                                   late
                               );
        steps.push_back(std::move(treatment));
    }

    const json::object& summary = soa.at("summary").as_object();
    const std::int64_t controls = summary.at("controls").to_number<std::int64_t>();
    const std::int64_t undecided = summary.at("undecided").to_number<std::int64_t>();
    Step statement = FromReadiness(
        {"soa", "6.1.3 d", "Issue the Statement of Applicability", kSoaGuidance, "#/soa"},
        ItemOf(checklist, "6.1.3 d"),
        "Annex A controls decided"
    );
    // progress counts the decisions; the step is done when the issued version is current
    statement.held_open = statement.done == 0;
    statement.started = statement.started || undecided < controls;
    statement.done = controls - undecided;
    statement.total = controls;
    steps.push_back(std::move(statement));

    Step proven{
        "controls_evidence",
        "8.1",
        "Run the controls and keep evidence",
        kControlsGuidance,
        "#/evidence"};
    proven.total = summary.at("applicable").to_number<std::int64_t>();
    proven.done = ProvenControls(soa);
    proven.started = proven.done > 0 || ItemOf(checklist, "8.1").at("count").as_int64() > 0;
    proven.counts = "applicable Annex A controls implemented with current evidence";
    proven.detail =
        proven.total == 0
            ? "no applicable control in the SoA yet"
            : fmt::format(
                "{} of {} applicable control(s) not implemented or without current evidence",
                proven.total - proven.done,
                proven.total
            );
    steps.push_back(std::move(proven));

    {
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
        RegisterCounter count(session);
        ISMS_TRY_ASSIGN(
            Step audit,
            FromRegister(
                {"internal_audit", "9.2", "Audit the ISMS", kAuditGuidance},
                deps_.registry,
                count,
                "audits",
                "",
                "internal audits"
            )
        );
        steps.push_back(std::move(audit));
        ISMS_TRY_ASSIGN(
            Step review,
            FromRegister(
                {"management_review", "9.3", "Review it with management", kReviewGuidance},
                deps_.registry,
                count,
                "management_reviews",
                "",
                "management reviews"
            )
        );
        steps.push_back(std::move(review));
    }

    json::array out;
    std::int64_t done = 0;
    std::int64_t in_progress = 0;
    json::value next = nullptr;
    for (const Step& s : steps) {
        const std::string_view status = s.Status();
        done += status == "done" ? 1 : 0;
        in_progress += status == "in_progress" ? 1 : 0;
        if (next.is_null() && status != "done") {
            next = s.id;
        }
        out.push_back(ToJson(s));
    }
    const auto total = static_cast<std::int64_t>(steps.size());
    return json::object{
        {"as_of", today},
        {"summary",
         json::object{
             {"steps", total},
             {"done", done},
             {"in_progress", in_progress},
             {"not_started", total - done - in_progress},
             {"next", std::move(next)}}},
        {"steps", std::move(out)}};
}

}  // namespace isms::compliance
