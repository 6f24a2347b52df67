// Trends and target breaches of a metric's measurements (ISO/IEC 27001:2022 9.1 c–e): pure
// functions over values, no I/O. A value breaches an "at_least" target when it is below it and
// an "at_most" target when it is above it; the trend is the least-squares slope of the values
// over time, called improving or worsening by the target's direction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace isms::assurance {

struct Point {
    Date on;
    double value = 0;
};

/// True when `value` misses `target` in `direction` ("at_least" or "at_most"); false when
/// there is no target or no direction.
[[nodiscard]] bool Breaches(double value, std::optional<double> target, std::string_view direction);

struct Trend {
    std::size_t points = 0;
    std::optional<double> slope_per_30_days;  // nullopt with fewer than two distinct days
    std::optional<double> latest;
    std::optional<double> change;  // latest − the one before
    /// "improving", "worsening", "stable" (a slope under 1 % of the mean's size per 30 days),
    /// "rising" / "falling" without a direction, or "insufficient_data".
    std::string direction;
};

/// The trend of `series` (in any order) for a target direction (empty: none).
[[nodiscard]] Trend TrendOf(std::vector<Point> series, std::string_view direction);

}  // namespace isms::assurance
