// Small helpers for the SVG charts of the risk module (heat map, loss exceedance curve):
// text escaped for XML, numbers without locale surprises.
#pragma once

#include <string>
#include <string_view>

namespace isms::risk {

/// `text` with & < > " ' replaced by entities, so user-written labels cannot break the SVG.
[[nodiscard]] std::string XmlEscape(std::string_view text);

/// The opening of a chart: the <svg> element (sans-serif, 12 px), its <title>, a white
/// background and `title` in bold at (`title_x`, 28).
[[nodiscard]] std::string SvgOpen(
    double width, double height, std::string_view title, double title_x
);

/// A coordinate with at most two decimals ("12.5"), for compact, stable output.
[[nodiscard]] std::string SvgNumber(double value);

}  // namespace isms::risk
