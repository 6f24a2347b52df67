#include "cli/bench_gen_monitoring.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr std::int64_t kMetrics = 20;
constexpr std::int64_t kReviews = 4;
constexpr const char* kFrequencies[] = {"weekly", "monthly", "quarterly"};
constexpr const char* kDirections[] = {"at_least", "at_most"};

}  // namespace

Result<std::int64_t> GenerateMonitoring(
    app::App& app, const iam::Principal& who, std::int64_t measurements, std::mt19937_64& rng
) {
    records::RecordService& records = app.records();
    std::vector<json::object> metrics;
    for (std::int64_t i = 0; i < kMetrics; ++i) {
        metrics.push_back(json::object{
            {"name", "Generated metric " + std::to_string(i + 1)},
            {"unit", "%"},
            {"frequency", kFrequencies[rng() % std::size(kFrequencies)]},
            {"target", static_cast<double>(rng() % 100)},
            {"direction", kDirections[rng() % std::size(kDirections)]},
            {"owner", who.user.value}});
    }
    ISMS_TRY(records.CreateMany(who, "metrics", metrics));
    ISMS_TRY_ASSIGN(
        json::object first, records.List(who, "metrics", {{"sort", "id"}, {"limit", "1"}})
    );
    const std::int64_t first_id = first.at("items").as_array()[0].at("id").as_int64();
    const Date today = Today(app.clock());
    for (std::int64_t done = 0; done < measurements; done += kBatch) {
        const std::int64_t n = std::min(kBatch, measurements - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            const auto days_ago = static_cast<int>(rng() % 1000);
            bodies.push_back(json::object{
                {"metric", first_id + static_cast<std::int64_t>(rng() % kMetrics)},
                {"measured_on", FormatDate(today - std::chrono::days{days_ago})},
                {"value", static_cast<double>(rng() % 10000) / 100.0}});
        }
        ISMS_TRY(records.CreateMany(who, "measurements", bodies));
    }
    for (std::int64_t r = 0; r < kReviews; ++r) {
        ISMS_TRY_ASSIGN(
            json::object review,
            records.Create(
                who,
                "management_reviews",
                {{"title", "Generated review " + std::to_string(r + 1)},
                 {"meeting_date",
                  FormatDate(today - std::chrono::days{static_cast<int>((kReviews - r) * 180)})}}
            )
        );
        const std::int64_t id = review.at("id").as_int64();
        ISMS_TRY(app.monitoring().reviews.Compile(who, RecordId{id}));
        std::vector<json::object> actions;
        for (int a = 0; a < 2; ++a) {
            actions.push_back(json::object{
                {"review", id},
                {"title", "Generated action " + std::to_string(r * 2 + a + 1)},
                {"due_date", FormatDate(today - std::chrono::days{static_cast<int>(rng() % 400)})},
                {"status", "open"},
                {"owner", who.user.value}});
        }
        ISMS_TRY(records.CreateMany(who, "review_actions", actions));
    }
    return measurements;
}

}  // namespace isms::cli
