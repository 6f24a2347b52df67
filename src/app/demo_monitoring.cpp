#include "app/demo_monitoring.hpp"

#include <chrono>
#include <string>

#include "assurance/metric_builtin.hpp"

namespace isms::app {

namespace {

/// Phishing-simulation click rates of the last twelve months, oldest first (%).
constexpr double kClickRates[] = {14.0, 12.5, 13.1, 11.0, 9.8, 10.4, 8.9, 7.5, 8.2, 6.9, 6.1, 5.4};

std::string DaysAgo(const App& app, int days) {
    return FormatDate(Today(app.clock()) - std::chrono::days{days});
}

}  // namespace

Status SeedDemoMonitoring(App& app, const iam::Principal& admin) {
    records::RecordService& records = app.records();
    for (const assurance::BuiltinMetric& b : assurance::BuiltinMetrics()) {
        if (b.needs != nullptr && app.registry().Find(b.needs) == nullptr) {
            continue;  // its register is not in this build
        }
        ISMS_TRY(records.Create(
            admin,
            "metrics",
            {{"name", b.name},
             {"automatic", b.kind},
             {"frequency", "monthly"},
             {"target", b.target},
             {"direction", b.direction},
             {"analyst", admin.user.value},
             {"analysis_frequency", "quarterly"},
             {"owner", admin.user.value}}
        ));
    }
    ISMS_TRY(app.monitoring().metrics.ComputeDue(admin, true));

    ISMS_TRY_ASSIGN(
        auto phishing,
        records.Create(
            admin,
            "metrics",
            {{"name", "Phishing simulation click rate"},
             {"description", "Share of staff who clicked the link in the monthly phishing test."},
             {"measured", "Staff: clicks on simulated phishing mails"},
             {"method", "Monthly simulated phishing campaign sent to all staff by the IT team."},
             {"formula", "clicks / mails delivered × 100"},
             {"unit", "%"},
             {"frequency", "monthly"},
             {"target", 8.0},
             {"direction", "at_most"},
             {"analyst", admin.user.value},
             {"analysis_frequency", "quarterly"},
             {"owner", admin.user.value}}
        )
    );
    const std::int64_t phishing_id = phishing.at("id").as_int64();
    ISMS_TRY(records.Create(
        admin,
        "objectives",
        {{"title", "Fewer than 8 % of staff click a simulated phishing mail"},
         {"measure", "The monthly phishing simulation's click rate (metric above)."},
         {"target", "≤ 8 % every month"},
         {"target_value", 8},
         {"current_value", kClickRates[std::size(kClickRates) - 1]},
         {"unit", "%"},
         {"due_date", DaysAgo(app, -180)},
         {"status", "on_track"},
         {"metrics", json::array{phishing_id}},
         {"owner", admin.user.value}}
    ));
    const int months = static_cast<int>(std::size(kClickRates));
    for (int i = 0; i < months; ++i) {
        ISMS_TRY(records.Create(
            admin,
            "measurements",
            {{"metric", phishing_id},
             {"measured_on", DaysAgo(app, (months - 1 - i) * 30)},
             {"value", kClickRates[i]}}
        ));
    }

    ISMS_TRY_ASSIGN(
        auto review,
        records.Create(
            admin,
            "management_reviews",
            {{"title", "Management review, spring"},
             {"meeting_date", DaysAgo(app, 0)},
             {"participants", json::array{"Managing director", "ISMS manager", "Head of IT"}}}
        )
    );
    const RecordId review_id{review.at("id").as_int64()};
    ISMS_TRY(app.monitoring().reviews.Compile(admin, review_id));
    ISMS_TRY(records.Patch(
        admin,
        "management_reviews",
        review_id,
        std::nullopt,
        {{"status", "held"},
         {"decisions",
          "Keep the phishing campaign monthly; extend the backup restore tests to the payroll "
          "system; no change to the ISMS scope."},
         {"resource_needs", "Two days a month of the IT team for restore tests."},
         {"conclusions", "The ISMS is suitable, adequate and effective."}}
    ));
    ISMS_TRY(records.Create(
        admin,
        "review_actions",
        {{"review", review_id.value},
         {"title", "Extend restore tests to the payroll system"},
         {"kind", "improvement"},
         {"due_date", FormatDate(Today(app.clock()) + std::chrono::days{90})},
         {"status", "open"},
         {"owner", admin.user.value}}
    ));
    ISMS_TRY(records.Create(
        admin,
        "management_reviews",
        {{"title", "Management review, autumn"},
         {"meeting_date", FormatDate(Today(app.clock()) + std::chrono::days{180})},
         {"status", "planned"}}
    ));
    return {};
}

}  // namespace isms::app
