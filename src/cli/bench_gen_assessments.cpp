#include "cli/bench_gen_assessments.hpp"

#include <algorithm>
#include <vector>

#include "catalog/builtin.hpp"
#include "catalog/catalog.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr const char* kResults[] = {
    "compliant", "compliant", "partially_compliant", "non_compliant", "not_applicable"};
constexpr const char* kTypes[] = {"gap_assessment", "self_assessment", "internal_audit"};
constexpr const char* kStatus[] = {"planned", "in_progress", "in_review"};

/// Writes results for the first `count` of `requirements` (shuffled) in one transaction.
Status Assess(
    app::App& app,
    const iam::Principal& who,
    std::int64_t assessment,
    std::vector<std::string>& requirements,
    std::int64_t count,
    std::mt19937_64& rng
) {
    std::shuffle(requirements.begin(), requirements.end(), rng);
    json::array results;
    results.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) {
        results.push_back(json::object{
            {"requirement", requirements[static_cast<std::size_t>(i)]},
            {"result", kResults[rng() % std::size(kResults)]}});
    }
    ISMS_TRY(app.compliance().assessments.SetResults(
        who, RecordId{assessment}, {{"results", std::move(results)}}
    ));
    return {};
}

}  // namespace

Result<std::int64_t> GenerateEvidence(
    app::App& app, const iam::Principal& who, std::int64_t count, std::mt19937_64& rng
) {
    ISMS_TRY_ASSIGN(
        json::object page, app.records().List(who, "applied_controls", {{"limit", "500"}})
    );
    std::vector<std::int64_t> controls;
    for (const auto& c : page.at("items").as_array()) {
        controls.push_back(c.at("id").as_int64());
    }
    for (std::int64_t done = 0; done < count; done += kBatch) {
        const std::int64_t n = std::min(kBatch, count - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            json::array linked;
            for (std::size_t k = 0; k < rng() % 2 + 1 && !controls.empty(); ++k) {
                const json::value id(controls[rng() % controls.size()]);
                if (std::find(linked.begin(), linked.end(), id) == linked.end()) {
                    linked.push_back(id);
                }
            }
            const std::int64_t day = static_cast<std::int64_t>(rng() % 28) + 1;
            bodies.push_back(json::object{
                {"name", "Generated evidence " + std::to_string(done + i + 1)},
                {"kind", "link"},
                {"url", "https://evidence.bench.local/" + std::to_string(done + i + 1)},
                {"collected_on",
                 "2026-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day)},
                {"valid_until", rng() % 5 == 0 ? "2026-06-30" : "2027-12-31"},
                {"applied_controls", std::move(linked)},
                {"owner", who.user.value}});
        }
        ISMS_TRY(app.records().CreateMany(who, "evidence", bodies));
    }
    return count;
}

Result<std::int64_t> GenerateAssessments(
    app::App& app,
    const iam::Principal& who,
    const std::string& framework_urn,
    std::int64_t assessments,
    std::int64_t results,
    std::mt19937_64& rng
) {
    if (assessments <= 0) {
        return 0;
    }
    assessments = std::max<std::int64_t>(assessments, 2);
    ISMS_TRY_ASSIGN(auto view, app.catalog().View(who.tenant));
    const catalog::FrameworkEntry* framework = view->FindFramework(framework_urn);
    if (framework == nullptr) {
        return Error::NotFound("bench gen: no framework " + framework_urn);
    }
    std::vector<std::string> requirements;
    for (const catalog::Node& n : framework->framework->nodes) {
        if (n.assessable) {
            requirements.push_back(n.urn);
        }
    }
    // The source assessment (all requirements) and the 2022 one inferring from it first.
    ISMS_TRY_ASSIGN(
        json::object source,
        app.records().Create(
            who,
            "assessments",
            {{"name", "Bench full assessment"},
             {"framework", framework_urn},
             {"assessment_type", "self_assessment"},
             {"status", "in_progress"},
             {"owner", who.user.value}}
        )
    );
    const std::int64_t source_id = source.at("id").as_int64();
    ISMS_TRY(app.records().Create(
        who,
        "assessments",
        {{"name", "Bench ISO/IEC 27001:2022 by inference"},
         {"framework", std::string(catalog::kIso27001_2022)},
         {"assessment_type", "gap_assessment"},
         {"status", "in_progress"},
         {"infer_from", json::array{source_id}},
         {"owner", who.user.value}}
    ));
    for (std::int64_t done = 2; done < assessments; done += kBatch) {
        const std::int64_t n = std::min(kBatch, assessments - done);
        std::vector<json::object> bodies;
        for (std::int64_t i = 0; i < n; ++i) {
            bodies.push_back(json::object{
                {"name", "Generated assessment " + std::to_string(done + i + 1)},
                {"framework", framework_urn},
                {"assessment_type", kTypes[rng() % std::size(kTypes)]},
                {"status", kStatus[rng() % std::size(kStatus)]},
                {"owner", who.user.value}});
        }
        ISMS_TRY(app.records().CreateMany(who, "assessments", bodies));
    }
    const auto full = static_cast<std::int64_t>(requirements.size());
    const std::int64_t first = std::min(results, full);
    ISMS_TRY(Assess(app, who, source_id, requirements, first, rng));
    std::int64_t written = first;
    const std::int64_t others = assessments - 2;
    // The others share the rest evenly; the first `extra` of them take one more.
    const std::int64_t per = others > 0 ? std::min(full, (results - first) / others) : 0;
    std::int64_t extra = per < full && others > 0 ? (results - first) % others : 0;
    // Page through the generated assessments by id: the list caps a page at 500.
    std::int64_t after = source_id;
    while (per > 0) {
        ISMS_TRY_ASSIGN(
            json::object page,
            app.records().List(
                who,
                "assessments",
                {{"framework", framework_urn}, {"id.gt", std::to_string(after)}, {"limit", "500"}}
            )
        );
        const json::array& items = page.at("items").as_array();
        if (items.empty()) {
            break;
        }
        for (const auto& a : items) {
            after = a.at("id").as_int64();
            const std::int64_t count = per + (extra > 0 ? 1 : 0);
            extra -= extra > 0 ? 1 : 0;
            ISMS_TRY(Assess(app, who, after, requirements, count, rng));
            written += count;
        }
    }
    return written;
}

}  // namespace isms::cli
