// Small helpers for the SVG charts of the risk module (heat map, loss exceedance curve):
// the chart opening, numbers without locale surprises (text is escaped with core/markup.hpp).
#pragma once

#include <string>
#include <string_view>

#include "core/markup.hpp"

namespace isms::risk {

/// The opening of a chart: the <svg> element (sans-serif, 12 px), its <title>, a white
/// background and `title` in bold at (`title_x`, 28).
[[nodiscard]] std::string SvgOpen(
    double width, double height, std::string_view title, double title_x
);

/// A coordinate with at most two decimals ("12.5"), for compact, stable output.
[[nodiscard]] std::string SvgNumber(double value);

}  // namespace isms::risk
