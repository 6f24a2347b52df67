#include "assurance/metric_trend.hpp"

#include <algorithm>
#include <cmath>

namespace isms::assurance {

bool Breaches(double value, std::optional<double> target, std::string_view direction) {
    if (!target) {
        return false;
    }
    if (direction == "at_least") {
        return value < *target;
    }
    if (direction == "at_most") {
        return value > *target;
    }
    return false;
}

Trend TrendOf(std::vector<Point> series, std::string_view direction) {
    std::stable_sort(series.begin(), series.end(), [](const Point& a, const Point& b) {
        return a.on < b.on;
    });
    Trend t;
    t.points = series.size();
    t.direction = "insufficient_data";
    if (series.empty()) {
        return t;
    }
    t.latest = series.back().value;
    if (series.size() >= 2) {
        t.change = series.back().value - series[series.size() - 2].value;
    }
    // Least squares over (days since the first point, value).
    const auto n = static_cast<double>(series.size());
    double sx = 0;
    double sy = 0;
    for (const Point& p : series) {
        sx += static_cast<double>((p.on - series.front().on).count());
        sy += p.value;
    }
    const double mx = sx / n;
    const double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    for (const Point& p : series) {
        const double dx = static_cast<double>((p.on - series.front().on).count()) - mx;
        sxx += dx * dx;
        sxy += dx * (p.value - my);
    }
    if (sxx == 0) {
        return t;
    }
    const double slope = sxy / sxx * 30.0;
    t.slope_per_30_days = std::round(slope * 1000.0) / 1000.0;
    const double scale = std::max(std::abs(my), 1.0);
    if (std::abs(slope) < 0.01 * scale) {
        t.direction = "stable";
    } else if (direction == "at_least") {
        t.direction = slope > 0 ? "improving" : "worsening";
    } else if (direction == "at_most") {
        t.direction = slope < 0 ? "improving" : "worsening";
    } else {
        t.direction = slope > 0 ? "rising" : "falling";
    }
    return t;
}

}  // namespace isms::assurance
