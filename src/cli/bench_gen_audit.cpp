#include "cli/bench_gen_audit.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "schema/list_query.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr const char* kClauses[] = {"4", "5", "6", "7", "8", "9", "10"};
constexpr const char* kThemes[] = {"A.5", "A.6", "A.7", "A.8"};
constexpr const char* kSources[] = {
    "audit_finding", "incident", "management_review", "metric_breach", "complaint"};
constexpr const char* kCauses[] = {
    "people", "process", "technology", "supplier", "documentation", "resources"};
constexpr const char* kStatus[] = {"open", "analysing", "action_planned", "verifying"};
constexpr const char* kActionStatus[] = {"open", "in_progress", "done"};
constexpr const char* kWords[] = {
    "backup",
    "restore",
    "access",
    "review",
    "patch",
    "supplier",
    "training",
    "log",
    "key",
    "change"};

}  // namespace

Result<std::int64_t> GenerateAudits(
    app::App& app,
    const iam::Principal& who,
    std::int64_t audits,
    std::int64_t nonconformities,
    std::mt19937_64& rng
) {
    auto pick = [&rng](const auto& list) {
        return list[rng() % std::size(list)];
    };
    ISMS_TRY_ASSIGN(
        json::object programme,
        app.records().Create(
            who,
            "audit_programmes",
            {{"name", "Generated audit programme"},
             {"period_start", "2026-01-01"},
             {"period_end", "2028-12-31"}}
        )
    );
    std::vector<json::object> audit_bodies;
    for (std::int64_t i = 0; i < audits; ++i) {
        audit_bodies.push_back(json::object{
            {"title", "Generated audit " + std::to_string(i + 1)},
            {"programme", programme.at("id")},
            {"scope_clauses", json::array{pick(kClauses)}},
            {"scope_controls", json::array{pick(kThemes)}}});
    }
    if (!audit_bodies.empty()) {
        ISMS_TRY(app.records().CreateMany(who, "audits", audit_bodies));
    }
    for (std::int64_t done = 0; done < nonconformities; done += kBatch) {
        const std::int64_t n = std::min(kBatch, nonconformities - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            bodies.push_back(json::object{
                {"title",
                 std::string("Generated nonconformity: ") + pick(kWords) + " " + pick(kWords) + " "
                     + std::to_string(done + i + 1)},
                {"source", pick(kSources)},
                {"status", pick(kStatus)},
                {"root_cause_category", pick(kCauses)},
                {"owner", who.user.value}});
        }
        ISMS_TRY(app.records().CreateMany(who, "nonconformities", bodies));
    }
    std::vector<std::int64_t> ids;
    for (std::int64_t offset = 0;; offset += schema::kMaxPageSize) {
        ISMS_TRY_ASSIGN(
            json::object page,
            app.records().List(
                who,
                "nonconformities",
                {{"limit", std::to_string(schema::kMaxPageSize)},
                 {"offset", std::to_string(offset)}}
            )
        );
        for (const auto& item : page.at("items").as_array()) {
            ids.push_back(item.at("id").as_int64());
        }
        if (page.at("items").as_array().empty()) {
            break;
        }
    }
    std::vector<json::object> whys;
    std::vector<json::object> actions;
    for (const std::int64_t id : ids) {
        for (std::int64_t position = 1; position <= 2; ++position) {
            whys.push_back(json::object{
                {"nonconformity", id},
                {"position", position},
                {"why", "Why " + std::to_string(position) + "?"},
                {"answer", std::string("Because of the ") + pick(kWords) + " process."}});
        }
        const std::size_t count = rng() % 3 + 1;
        for (std::size_t a = 0; a < count; ++a) {
            actions.push_back(json::object{
                {"nonconformity", id},
                {"title", std::string("Fix the ") + pick(kWords) + " process"},
                {"status", pick(kActionStatus)},
                {"owner", who.user.value}});
        }
        if (static_cast<std::int64_t>(actions.size()) >= kBatch || id == ids.back()) {
            ISMS_TRY(app.records().CreateMany(who, "nonconformity_whys", whys));
            ISMS_TRY(app.records().CreateMany(who, "corrective_actions", actions));
            whys.clear();
            actions.clear();
        }
    }
    return static_cast<std::int64_t>(ids.size());
}

}  // namespace isms::cli
