#include "risk/heat_map.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "risk/svg.hpp"

namespace isms::risk {

namespace {

constexpr int kCellWidth = 96;
constexpr int kCellHeight = 56;
constexpr int kLeft = 150;   // likelihood labels
constexpr int kTop = 48;     // title
constexpr int kBottom = 64;  // impact labels and axis title

const RiskLevel* LevelAt(const RiskMethod& method, std::size_t row, std::size_t column) {
    const std::string& id = method.grid.at(row).at(column);
    for (const RiskLevel& level : method.levels) {
        if (level.id == id) {
            return &level;
        }
    }
    return nullptr;
}

/// Black or white text, whichever reads better on `colour` ("#rrggbb").
const char* TextColour(std::string_view colour) {
    if (colour.size() != 7) {
        return "#000000";
    }
    auto channel = [&](std::size_t at) {
        return std::stoi(std::string(colour.substr(at, 2)), nullptr, 16);
    };
    const int luminance = 299 * channel(1) + 587 * channel(3) + 114 * channel(5);
    return luminance > 140'000 ? "#000000" : "#ffffff";
}

}  // namespace

HeatMapStage BuildHeatMapStage(const RiskMethod& method, const std::vector<HeatPoint>& points) {
    HeatMapStage stage;
    const auto rows = static_cast<std::size_t>(method.likelihood.Size());
    const auto columns = static_cast<std::size_t>(method.impact.Size());
    stage.refs.assign(rows, std::vector<std::vector<std::string>>(columns));
    for (const RiskLevel& level : method.levels) {
        stage.by_level[level.id] = 0;
    }
    for (const HeatPoint& p : points) {
        if (!p.likelihood || !p.impact || *p.likelihood < 1 || *p.impact < 1
            || *p.likelihood > static_cast<std::int64_t>(rows)
            || *p.impact > static_cast<std::int64_t>(columns)) {
            ++stage.unscored;
            continue;
        }
        const auto row = static_cast<std::size_t>(*p.likelihood - 1);
        const auto column = static_cast<std::size_t>(*p.impact - 1);
        stage.refs[row][column].push_back(p.ref);
        if (const RiskLevel* level = LevelAt(method, row, column)) {
            ++stage.by_level[level->id];
        }
    }
    return stage;
}

json::object HeatMapStageToJson(const RiskMethod& method, const HeatMapStage& stage) {
    json::array cells;
    for (std::size_t row = stage.refs.size(); row-- > 0;) {
        for (std::size_t column = 0; column < stage.refs[row].size(); ++column) {
            const auto& refs = stage.refs[row][column];
            if (refs.empty()) {
                continue;
            }
            json::array risks;
            const std::size_t listed = std::min(refs.size(), kMaxRefsPerCell);
            for (std::size_t i = 0; i < listed; ++i) {
                risks.emplace_back(json::string(refs[i]));
            }
            const RiskLevel* level = LevelAt(method, row, column);
            cells.push_back(json::object{
                {"likelihood", row + 1},
                {"impact", column + 1},
                {"level", level != nullptr ? json::value(json::string(level->id)) : nullptr},
                {"count", refs.size()},
                {"risks", std::move(risks)},
                {"more", refs.size() - listed}});
        }
    }
    json::object by_level;
    for (const RiskLevel& level : method.levels) {
        by_level[level.id] = stage.by_level.at(level.id);
    }
    return json::object{
        {"cells", std::move(cells)},
        {"by_level", std::move(by_level)},
        {"unscored", stage.unscored}};
}

std::string HeatMapSvg(
    const RiskMethod& method, const HeatMapStage& stage, std::string_view title
) {
    const int rows = method.likelihood.Size();
    const int columns = method.impact.Size();
    const int width = kLeft + columns * kCellWidth + 16;
    const int height = kTop + rows * kCellHeight + kBottom;
    std::string svg = SvgOpen(width, height, title, kLeft);
    for (int r = 0; r < rows; ++r) {
        const int likelihood = rows - r;  // highest on top
        const int y = kTop + r * kCellHeight;
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} {}</text>\n",
            kLeft - 8,
            y + kCellHeight / 2 + 4,
            likelihood,
            XmlEscape(method.likelihood.levels[static_cast<std::size_t>(likelihood - 1)].label)
        );
        for (int c = 0; c < columns; ++c) {
            const auto row = static_cast<std::size_t>(likelihood - 1);
            const auto column = static_cast<std::size_t>(c);
            const RiskLevel* level = LevelAt(method, row, column);
            const std::string colour = level != nullptr ? level->colour : "#cccccc";
            const std::size_t count = stage.refs[row][column].size();
            const int x = kLeft + c * kCellWidth;
            svg += fmt::format(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                "fill-opacity=\"{}\" stroke=\"#ffffff\" "
                "stroke-width=\"2\"><title>{}</title></rect>\n",
                x,
                y,
                kCellWidth,
                kCellHeight,
                XmlEscape(colour),
                count > 0 ? "1" : "0.35",
                XmlEscape(fmt::format(
                    "likelihood {}, impact {}: {} — {} risk(s)",
                    likelihood,
                    c + 1,
                    level != nullptr ? level->label : "?",
                    count
                ))
            );
            if (count > 0) {
                svg += fmt::format(
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"18\" "
                    "font-weight=\"bold\" fill=\"{}\">{}</text>\n",
                    x + kCellWidth / 2,
                    y + kCellHeight / 2 + 6,
                    TextColour(colour),
                    count
                );
            }
        }
    }
    const int axis_y = kTop + rows * kCellHeight;
    for (int c = 0; c < columns; ++c) {
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{} {}</text>\n",
            kLeft + c * kCellWidth + kCellWidth / 2,
            axis_y + 18,
            c + 1,
            XmlEscape(method.impact.levels[static_cast<std::size_t>(c)].label)
        );
    }
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">Impact</text>\n"
        "<text x=\"16\" y=\"{}\" font-weight=\"bold\" transform=\"rotate(-90 16 {})\" "
        "text-anchor=\"middle\">Likelihood</text>\n</svg>\n",
        kLeft + columns * kCellWidth / 2,
        axis_y + 44,
        kTop + rows * kCellHeight / 2,
        kTop + rows * kCellHeight / 2
    );
    return svg;
}

}  // namespace isms::risk
