#include "cli/bench_gen_context.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr const char* kOrigins[] = {"internal", "external"};
constexpr const char* kCategories[] = {
    "political", "economic", "social", "technological", "legal", "organizational"};
constexpr const char* kLevels[] = {"low", "medium", "high"};
constexpr const char* kKinds[] = {"legal", "regulatory", "contractual"};
constexpr const char* kObjectiveStatus[] = {"planned", "on_track", "at_risk"};
constexpr const char* kChangeStatus[] = {"proposed", "rejected", "cancelled"};

/// Ids of up to 100 live records of `register_name`, to link generated rows to.
Result<std::vector<std::int64_t>> SomeIds(
    app::App& app, const iam::Principal& who, std::string_view register_name
) {
    ISMS_TRY_ASSIGN(json::object page, app.records().List(who, register_name, {{"limit", "100"}}));
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) {
        ids.push_back(item.at("id").as_int64());
    }
    return ids;
}

}  // namespace

Result<std::int64_t> GenerateContext(
    app::App& app, const iam::Principal& who, std::int64_t rows, std::mt19937_64& rng
) {
    ISMS_TRY_ASSIGN(const auto risks, SomeIds(app, who, "risks"));
    ISMS_TRY_ASSIGN(const auto controls, SomeIds(app, who, "applied_controls"));
    ISMS_TRY_ASSIGN(const auto people, SomeIds(app, who, "people"));
    auto pick = [&rng](const auto& list) {
        return list[rng() % std::size(list)];
    };
    auto some = [&](const std::vector<std::int64_t>& ids) {
        json::array out;
        if (!ids.empty()) {
            out.push_back(pick(ids));
        }
        return out;
    };
    const std::string due = FormatDate(Today(app.clock()) + std::chrono::days{200});
    std::int64_t made = 0;
    // Builds `rows` bodies with `body(i)` and creates them in batches; returns the new ids.
    auto generate = [&](std::string_view register_name,
                        auto body) -> Result<std::vector<std::int64_t>> {
        for (std::int64_t done = 0; done < rows; done += kBatch) {
            const std::int64_t n = std::min(kBatch, rows - done);
            std::vector<json::object> bodies;
            bodies.reserve(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) {
                bodies.push_back(body(done + i + 1));
            }
            ISMS_TRY_ASSIGN(
                std::int64_t created, app.records().CreateMany(who, register_name, bodies)
            );
            made += created;
        }
        return SomeIds(app, who, register_name);
    };
    ISMS_TRY(generate("context_issues", [&](std::int64_t i) {
        return json::object{
            {"title", "Generated issue " + std::to_string(i)},
            {"origin", pick(kOrigins)},
            {"category", pick(kCategories)},
            {"significance", pick(kLevels)},
            {"risks", some(risks)}};
    }));
    ISMS_TRY_ASSIGN(const auto parties, generate("interested_parties", [&](std::int64_t i) {
                        return json::object{
                            {"name", "Generated party " + std::to_string(i)},
                            {"kind", pick(kOrigins)},
                            {"influence", pick(kLevels)},
                            {"interest", pick(kLevels)}};
                    }));
    ISMS_TRY_ASSIGN(const auto obligations, generate("obligations", [&](std::int64_t i) {
                        json::object body{
                            {"title", "Generated obligation " + std::to_string(i)},
                            {"kind", pick(kKinds)},
                            {"source", "Generated act §" + std::to_string(i)}};
                        if (!controls.empty()) {
                            body["applied_controls"] = some(controls);
                            body["status"] = "compliant";
                        }
                        return body;
                    }));
    ISMS_TRY(generate("party_requirements", [&](std::int64_t i) {
        return json::object{
            {"title", "Generated requirement " + std::to_string(i)},
            {"party", pick(parties)},
            {"addressed", true},
            {"how_addressed", "Through the generated controls."},
            {"obligations", some(obligations)}};
    }));
    // Every fourth activity is held by a person who need not be a user.
    ISMS_TRY(generate("responsibilities", [&](std::int64_t i) {
        json::object body{
            {"activity", "Generated activity " + std::to_string(i)}, {"raci", "accountable"}};
        if (i % 4 == 0 && !people.empty()) {
            body["person"] = pick(people);
        } else {
            body["member"] = who.user.value;
        }
        return body;
    }));
    ISMS_TRY(generate("objectives", [&](std::int64_t i) {
        return json::object{
            {"title", "Generated objective " + std::to_string(i)},
            {"measure", "Counted monthly."},
            {"target", "100 %"},
            {"target_value", 100},
            {"current_value", static_cast<std::int64_t>(rng() % 100)},
            {"due_date", due},
            {"status", pick(kObjectiveStatus)},
            {"owner", who.user.value}};
    }));
    ISMS_TRY(generate("isms_changes", [&](std::int64_t i) {
        return json::object{
            {"title", "Generated change " + std::to_string(i)},
            {"purpose", "Generated for the benchmarks."},
            {"status", pick(kChangeStatus)},
            {"risks", some(risks)}};
    }));
    return made;
}

}  // namespace isms::cli
