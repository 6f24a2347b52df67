// The risk heat map: how many risks sit in each (likelihood, impact) cell of the method's grid,
// per assessment stage, as JSON and as an SVG picture. Pure: the report service loads the
// risks and the method.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "risk/risk_method.hpp"

namespace isms::risk {

/// One risk at one stage.
struct HeatPoint {
    std::string ref;
    std::optional<std::int64_t> likelihood;
    std::optional<std::int64_t> impact;
};

struct HeatMapStage {
    /// refs[likelihood - 1][impact - 1]: the risks in that cell, in input order.
    std::vector<std::vector<std::vector<std::string>>> refs;
    std::map<std::string, std::int64_t> by_level;  // every level of the method, 0 included
    std::int64_t unscored = 0;  // missing likelihood or impact, or off the method's scales
};

[[nodiscard]] HeatMapStage BuildHeatMapStage(
    const RiskMethod& method, const std::vector<HeatPoint>& points
);

/// At most this many refs are listed per cell; the rest are counted in "more".
inline constexpr std::size_t kMaxRefsPerCell = 50;

/// {"cells": [{"likelihood", "impact", "level", "count", "risks": [refs, at most
/// kMaxRefsPerCell], "more": n}… non-empty cells, highest likelihood first], "by_level":
/// {id: n}, "unscored": n}.
[[nodiscard]] json::object HeatMapStageToJson(const RiskMethod& method, const HeatMapStage& stage);

/// A self-contained SVG: likelihood rows (highest on top), impact columns, each cell in its
/// level's colour with the number of risks; scale labels on the axes; `title` above. All text
/// is XML-escaped.
[[nodiscard]] std::string HeatMapSvg(
    const RiskMethod& method, const HeatMapStage& stage, std::string_view title
);

}  // namespace isms::risk
