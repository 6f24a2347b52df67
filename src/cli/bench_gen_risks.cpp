#include "cli/bench_gen_risks.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr int kThreats = 20;
constexpr int kVulnerabilities = 20;

const char* const kThreatCategories[] = {
    "physical",
    "natural",
    "infrastructure_failure",
    "technical_failure",
    "human_action",
    "compromise_of_functions",
    "compromise_of_information",
    "organizational"};
const char* const kTreatments[] = {"modify", "modify", "modify", "retain", "avoid", "share"};
const char* const kControls[] = {
    "A.5.15", "A.5.23", "A.5.30", "A.8.5", "A.8.7", "A.8.8", "A.8.13", "A.8.15", "A.8.24"};
const char* const kActionStatus[] = {"planned", "in_progress", "done"};
const char* const kWeaknesses[] = {"hardware", "software", "network", "personnel", "site"};
const char* const kSeverities[] = {"low", "medium", "high", "critical"};
const char* const kVulnerabilityStatus[] = {"open", "open", "mitigated", "accepted"};

/// Ids of (up to 500 of) the organization's live records of `register_name`.
Result<std::vector<std::int64_t>> SomeIds(
    app::App& app, const iam::Principal& who, const std::string& register_name
) {
    ISMS_TRY_ASSIGN(auto page, app.records().List(who, register_name, {{"limit", "500"}}));
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) {
        ids.push_back(item.at("id").as_int64());
    }
    return ids;
}

/// A likelihood or impact that is at most `ceiling` and at least 1.
std::int64_t Level(std::mt19937_64& rng, std::int64_t ceiling) {
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(ceiling)) + 1;
}

}  // namespace

Result<std::int64_t> GenerateRisks(
    app::App& app, const iam::Principal& who, std::int64_t risks, std::mt19937_64& rng
) {
    if (risks <= 0) {
        return std::int64_t{0};
    }
    std::vector<json::object> threats;
    for (int i = 0; i < kThreats; ++i) {
        threats.push_back(json::object{
            {"name", "Generated threat " + std::to_string(i + 1)},
            {"category",
             kThreatCategories[static_cast<std::size_t>(i) % std::size(kThreatCategories)]},
            {"origins", json::array{"deliberate"}}});
    }
    ISMS_TRY(app.records().CreateMany(who, "threats", threats));
    ISMS_TRY_ASSIGN(auto threat_ids, SomeIds(app, who, "threats"));
    ISMS_TRY_ASSIGN(auto asset_ids, SomeIds(app, who, "assets"));
    auto pick = [&rng](const auto& list) {
        return list[rng() % std::size(list)];
    };
    std::vector<json::object> vulnerabilities;
    for (int i = 0; i < kVulnerabilities; ++i) {
        json::object body{
            {"name", "Generated vulnerability " + std::to_string(i + 1)},
            {"category", pick(kWeaknesses)},
            {"severity", pick(kSeverities)},
            {"status", pick(kVulnerabilityStatus)}};
        if (!asset_ids.empty()) {
            body["assets"] = json::array{pick(asset_ids)};
        }
        vulnerabilities.push_back(std::move(body));
    }
    ISMS_TRY(app.records().CreateMany(who, "vulnerabilities", vulnerabilities));
    ISMS_TRY_ASSIGN(auto vulnerability_ids, SomeIds(app, who, "vulnerabilities"));

    for (std::int64_t done = 0; done < risks; done += kBatch) {
        const std::int64_t n = std::min(kBatch, risks - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            const std::int64_t inherent_l = Level(rng, 5);
            const std::int64_t inherent_i = Level(rng, 5);
            const std::int64_t current_l = Level(rng, inherent_l);
            const std::int64_t residual_l = Level(rng, current_l);
            const std::int64_t residual_i = Level(rng, inherent_i);
            json::object body{
                {"title", "Generated risk " + std::to_string(done + i + 1)},
                {"threat", pick(threat_ids)},
                {"inherent_likelihood", inherent_l},
                {"inherent_impact", inherent_i},
                {"current_likelihood", current_l},
                {"current_impact", inherent_i},
                {"residual_likelihood", residual_l},
                {"residual_impact", residual_i},
                {"treatment", pick(kTreatments)},
                {"status", "assessed"},
                {"review_date", "2026-0" + std::to_string(rng() % 9 + 1) + "-15"},
                {"owner", who.user.value}};
            if (asset_ids.empty() || rng() % 5 == 0) {
                body["approach"] = "event_based";
            } else {
                body["approach"] = "asset_based";
                body["assets"] = json::array{pick(asset_ids)};
                body["vulnerabilities"] = json::array{pick(vulnerability_ids)};
            }
            bodies.push_back(std::move(body));
        }
        ISMS_TRY(app.records().CreateMany(who, "risks", bodies));
    }
    // One action per two risks, each treating the risk it was generated for.
    std::int64_t offset = 0;
    while (true) {
        ISMS_TRY_ASSIGN(
            auto page,
            app.records().List(
                who, "risks", {{"limit", "500"}, {"offset", std::to_string(offset)}, {"sort", "id"}}
            )
        );
        const auto& items = page.at("items").as_array();
        std::vector<json::object> actions;
        for (std::size_t i = 0; i < items.size(); i += 2) {
            actions.push_back(json::object{
                {"title", "Treat " + std::string(items[i].at("ref").as_string())},
                {"risks", json::array{items[i].at("id")}},
                {"annex_a_controls", json::array{pick(kControls)}},
                {"status", pick(kActionStatus)},
                {"due_date", "2026-1" + std::to_string(rng() % 3) + "-01"},
                {"cost", static_cast<double>(rng() % 50'000)},
                {"owner", who.user.value}});
        }
        if (!actions.empty()) {
            ISMS_TRY(app.records().CreateMany(who, "treatment_actions", actions));
        }
        // A FAIR loss model per risk: frequency up to a few events a year, losses from
        // thousands to millions, treatment cutting the frequency.
        std::vector<std::pair<RecordId, json::object>> models;
        for (const auto& item : items) {
            const double frequency = static_cast<double>(rng() % 100 + 1) / 50;
            const double low = static_cast<double>(rng() % 50 + 1) * 1000;
            const json::object magnitude{
                {"type", "lognormal"},
                {"low", low},
                {"high", low * static_cast<double>(rng() % 40 + 5)}};
            auto pert = [](double most_likely) {
                return json::object{
                    {"type", "pert"},
                    {"min", most_likely / 4},
                    {"most_likely", most_likely},
                    {"max", most_likely * 3}};
            };
            models.emplace_back(
                RecordId{item.at("id").as_int64()},
                json::object{
                    {"before",
                     json::object{{"frequency", pert(frequency)}, {"magnitude", magnitude}}},
                    {"after",
                     json::object{{"frequency", pert(frequency / 4)}, {"magnitude", magnitude}}}}
            );
        }
        ISMS_TRY(app.risk().quant.PutModels(who, models));
        if (items.size() < 500) {
            break;
        }
        offset += 500;
    }
    return risks;
}

}  // namespace isms::cli
