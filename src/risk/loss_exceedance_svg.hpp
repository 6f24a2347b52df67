// The loss exceedance curve as an SVG chart: the probability that a year's loss reaches at least
// an amount, on a logarithmic loss axis, for one or more simulated distributions (before and
// after treatment). Pure: the quant service simulates, this draws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "risk/loss_simulation.hpp"

namespace isms::risk {

/// One curve of the chart.
struct ExceedanceSeries {
    std::string name;    // legend text, e.g. "before treatment (ALE 120,400)"
    std::string colour;  // "#rrggbb"
    std::vector<ExceedancePoint> points;
};

/// A self-contained SVG: log-scaled loss axis with decade ticks spanning every series, a 0–100 %
/// probability axis, one polyline per non-empty series and a legend; `title` above. A chart
/// whose series are all empty says "no loss simulated". All text is XML-escaped.
[[nodiscard]] std::string LossExceedanceSvg(
    std::string_view title, const std::vector<ExceedanceSeries>& series
);

/// An amount for an axis label: "500", "20k", "1.5M", "3B".
[[nodiscard]] std::string ShortAmount(double amount);

}  // namespace isms::risk
