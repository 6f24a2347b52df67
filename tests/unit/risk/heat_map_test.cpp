#include "risk/heat_map.hpp"

#include <gtest/gtest.h>

namespace isms::risk {
namespace {

TEST(BuildHeatMapStage, CountsEachCellAndEveryLevel) {
    const RiskMethod method = DefaultMethod();
    const auto stage = BuildHeatMapStage(
        method,
        {{"RSK-1", 5, 5},
         {"RSK-2", 5, 5},
         {"RSK-3", 1, 1},
         {"RSK-4", std::nullopt, 3},
         {"RSK-5", 6, 1}}
    );
    EXPECT_EQ(stage.refs[4][4], (std::vector<std::string>{"RSK-1", "RSK-2"}));
    EXPECT_EQ(stage.refs[0][0], (std::vector<std::string>{"RSK-3"}));
    EXPECT_EQ(stage.unscored, 2) << "a missing value and one off the scale";
    EXPECT_EQ(stage.by_level.at("critical"), 2);
    EXPECT_EQ(stage.by_level.at("low"), 1);
    EXPECT_EQ(stage.by_level.at("high"), 0);
}

TEST(HeatMapStageToJson, ListsNonEmptyCellsHighestLikelihoodFirst) {
    const RiskMethod method = DefaultMethod();
    const auto stage = BuildHeatMapStage(method, {{"RSK-1", 1, 5}, {"RSK-2", 3, 2}});
    const json::object out = HeatMapStageToJson(method, stage);
    const json::array& cells = out.at("cells").as_array();
    ASSERT_EQ(cells.size(), 2U);
    EXPECT_EQ(cells[0].at("likelihood"), 3);
    EXPECT_EQ(cells[0].at("impact"), 2);
    EXPECT_EQ(cells[0].at("level"), "medium");
    EXPECT_EQ(cells[1].at("risks"), (json::array{"RSK-1"}));
    EXPECT_EQ(out.at("by_level").at("medium"), 2);
    EXPECT_EQ(out.at("unscored"), 0);
}

TEST(HeatMapStageToJson, ListsAtMostTheCapOfRefsPerCell) {
    const RiskMethod method = DefaultMethod();
    std::vector<HeatPoint> points;
    for (std::size_t i = 0; i < kMaxRefsPerCell + 3; ++i) {
        points.push_back({"RSK-" + std::to_string(i + 1), 2, 2});
    }
    const json::object out = HeatMapStageToJson(method, BuildHeatMapStage(method, points));
    const json::object& cell = out.at("cells").as_array().at(0).as_object();
    EXPECT_EQ(cell.at("count"), kMaxRefsPerCell + 3);
    EXPECT_EQ(cell.at("risks").as_array().size(), kMaxRefsPerCell);
    EXPECT_EQ(cell.at("more"), 3);
}

TEST(HeatMapSvg, DrawsEveryCellAndEscapesText) {
    RiskMethod method = DefaultMethod();
    method.likelihood.levels[4].label = "<Almost> & certain";
    const auto stage = BuildHeatMapStage(method, {{"RSK-1", 5, 1}});
    const std::string svg = HeatMapSvg(method, stage, "Residual \"risk\" heat map");
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_TRUE(svg.ends_with("</svg>\n"));
    EXPECT_NE(svg.find("<title>Residual &quot;risk&quot; heat map</title>"), std::string::npos);
    EXPECT_NE(svg.find("5 &lt;Almost&gt; &amp; certain"), std::string::npos);
    EXPECT_EQ(svg.find("<Almost>"), std::string::npos);
    std::size_t cells = 0;
    for (std::size_t at = svg.find("<rect x="); at != std::string::npos;
         at = svg.find("<rect x=", at + 1)) {
        ++cells;
    }
    EXPECT_EQ(cells, 25U);
    EXPECT_NE(svg.find("likelihood 5, impact 1: Medium — 1 risk(s)"), std::string::npos);
}

}  // namespace
}  // namespace isms::risk
