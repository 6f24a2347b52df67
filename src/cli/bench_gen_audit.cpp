#include "cli/bench_gen_audit.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
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
constexpr const char* kFindingKinds[] = {
    "major_nonconformity", "minor_nonconformity", "observation", "opportunity"};
constexpr const char* kImprovementStatus[] = {"proposed", "approved", "in_progress", "done"};
constexpr std::size_t kItemsPerFinding = 10;
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

/// The ids of every live record of `register_name` matching `filters`, oldest first.
Result<std::vector<std::int64_t>> AllIds(
    app::App& app,
    const iam::Principal& who,
    std::string_view register_name,
    std::vector<std::pair<std::string, std::string>> filters = {}
) {
    filters.emplace_back("limit", std::to_string(schema::kMaxPageSize));
    filters.emplace_back("sort", "id");
    filters.emplace_back("offset", "0");
    std::vector<std::int64_t> ids;
    for (std::int64_t offset = 0;; offset += schema::kMaxPageSize) {
        filters.back().second = std::to_string(offset);
        ISMS_TRY_ASSIGN(json::object page, app.records().List(who, register_name, filters));
        const auto& items = page.at("items").as_array();
        for (const auto& item : items) {
            ids.push_back(item.at("id").as_int64());
        }
        if (static_cast<std::int64_t>(items.size()) < schema::kMaxPageSize) {
            return ids;
        }
    }
}

}  // namespace

Result<AuditCounts> GenerateAudits(
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
    AuditCounts made;
    if (!audit_bodies.empty()) {
        ISMS_TRY(app.records().CreateMany(who, "audits", audit_bodies));
    }
    ISMS_TRY_ASSIGN(
        const std::vector<std::int64_t> audit_ids,
        AllIds(app, who, "audits", {{"programme", std::to_string(programme.at("id").as_int64())}})
    );
    std::vector<json::object> findings;
    for (const std::int64_t audit : audit_ids) {
        ISMS_TRY_ASSIGN(
            json::object checklist, app.audit().audits.GenerateChecklist(who, RecordId{audit})
        );
        const auto& items = checklist.at("items").as_array();
        made.checklist_items += static_cast<std::int64_t>(items.size());
        for (std::size_t i = 0; i < items.size(); i += kItemsPerFinding) {
            findings.push_back(json::object{
                {"audit", audit},
                {"checklist_item", items[i].at("id")},
                {"kind", pick(kFindingKinds)},
                {"title",
                 std::string("Generated finding: ") + pick(kWords) + " "
                     + std::string(items[i].at("requirement_ref").as_string())}});
        }
    }
    if (!findings.empty()) {
        ISMS_TRY_ASSIGN(made.findings, app.records().CreateMany(who, "audit_findings", findings));
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
    ISMS_TRY_ASSIGN(const std::vector<std::int64_t> ids, AllIds(app, who, "nonconformities"));
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
    made.nonconformities = static_cast<std::int64_t>(ids.size());
    // an improvement for each finding that is an opportunity for improvement
    ISMS_TRY_ASSIGN(
        const std::vector<std::int64_t> opportunities,
        AllIds(app, who, "audit_findings", {{"kind", "opportunity"}})
    );
    const Date today = Today(app.clock());
    std::vector<json::object> improvements;
    for (const std::int64_t finding : opportunities) {
        improvements.push_back(json::object{
            {"title", std::string("Improve the ") + pick(kWords) + " process"},
            {"source", "audit_finding"},
            {"finding", finding},
            {"status", pick(kImprovementStatus)},
            {"due_date", FormatDate(today + std::chrono::days{static_cast<int>(rng() % 180)})},
            {"owner", who.user.value}});
    }
    if (!improvements.empty()) {
        ISMS_TRY_ASSIGN(
            made.improvements, app.records().CreateMany(who, "improvements", improvements)
        );
    }
    return made;
}

}  // namespace isms::cli
