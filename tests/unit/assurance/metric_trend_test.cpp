// Target breaches, trends and next due dates of metrics (ISO/IEC 27001:2022 9.1).
#include "assurance/metric_trend.hpp"

#include <gtest/gtest.h>

#include "assurance/metric_schedule.hpp"

namespace isms::assurance {
namespace {

Date D(const char* text) {
    return *ParseDate(text);
}

TEST(MetricBreach, DirectionDecidesWhichSideBreaches) {
    EXPECT_TRUE(Breaches(7.9, 8.0, "at_least"));
    EXPECT_FALSE(Breaches(8.0, 8.0, "at_least"));
    EXPECT_TRUE(Breaches(8.1, 8.0, "at_most"));
    EXPECT_FALSE(Breaches(8.0, 8.0, "at_most"));
    EXPECT_FALSE(Breaches(100.0, std::nullopt, "at_most"));
    EXPECT_FALSE(Breaches(100.0, 8.0, ""));
}

TEST(MetricTrend, NoPointsAndOnePointAreInsufficient) {
    EXPECT_EQ(TrendOf({}, "at_least").direction, "insufficient_data");
    const Trend one = TrendOf({{D("2026-01-01"), 5}}, "at_least");
    EXPECT_EQ(one.direction, "insufficient_data");
    EXPECT_EQ(one.latest, 5.0);
    EXPECT_FALSE(one.change.has_value());
}

TEST(MetricTrend, SameDayPointsHaveNoSlope) {
    const Trend t = TrendOf({{D("2026-01-01"), 5}, {D("2026-01-01"), 9}}, "at_most");
    EXPECT_FALSE(t.slope_per_30_days.has_value());
    EXPECT_EQ(t.direction, "insufficient_data");
    EXPECT_EQ(t.change, 4.0);
}

TEST(MetricTrend, SlopeIsLeastSquaresPerThirtyDaysInDateOrder) {
    // given out of order: 10 on day 0, 13 on day 30, 16 on day 60 → +3 per 30 days
    const Trend t =
        TrendOf({{D("2026-03-02"), 16}, {D("2026-01-01"), 10}, {D("2026-01-31"), 13}}, "at_least");
    EXPECT_EQ(t.points, 3U);
    ASSERT_TRUE(t.slope_per_30_days.has_value());
    EXPECT_DOUBLE_EQ(*t.slope_per_30_days, 3.0);
    EXPECT_EQ(t.latest, 16.0);
    EXPECT_EQ(t.change, 3.0);
    EXPECT_EQ(t.direction, "improving");
    EXPECT_EQ(
        TrendOf({{D("2026-01-01"), 10}, {D("2026-01-31"), 13}}, "at_most").direction, "worsening"
    );
    EXPECT_EQ(TrendOf({{D("2026-01-01"), 10}, {D("2026-01-31"), 13}}, "").direction, "rising");
    EXPECT_EQ(TrendOf({{D("2026-01-01"), 13}, {D("2026-01-31"), 10}}, "").direction, "falling");
}

TEST(MetricTrend, ASlopeUnderOnePercentOfTheMeanIsStable) {
    EXPECT_EQ(
        TrendOf({{D("2026-01-01"), 100}, {D("2026-01-31"), 100.5}}, "at_least").direction, "stable"
    );
    EXPECT_EQ(
        TrendOf({{D("2026-01-01"), 100}, {D("2026-01-31"), 102}}, "at_least").direction, "improving"
    );
}

TEST(MetricSchedule, FrequenciesAddCalendarPeriods) {
    EXPECT_EQ(NextDue(D("2026-01-31"), "daily"), D("2026-02-01"));
    EXPECT_EQ(NextDue(D("2026-01-31"), "weekly"), D("2026-02-07"));
    EXPECT_EQ(NextDue(D("2026-01-31"), "monthly"), D("2026-02-28"));
    EXPECT_EQ(NextDue(D("2028-01-31"), "monthly"), D("2028-02-29"));
    EXPECT_EQ(NextDue(D("2026-11-30"), "quarterly"), D("2027-02-28"));
    EXPECT_EQ(NextDue(D("2026-03-15"), "semiannual"), D("2026-09-15"));
    EXPECT_EQ(NextDue(D("2028-02-29"), "annual"), D("2029-02-28"));
    EXPECT_FALSE(NextDue(D("2026-01-01"), "hourly").has_value());
}

}  // namespace
}  // namespace isms::assurance
