#include "risk/loss_exceedance_svg.hpp"

#include <gtest/gtest.h>

namespace isms::risk {
namespace {

TEST(ShortAmount, UsesTheLargestFittingUnit) {
    EXPECT_EQ(ShortAmount(500), "500");
    EXPECT_EQ(ShortAmount(20000), "20k");
    EXPECT_EQ(ShortAmount(1'500'000), "1.5M");
    EXPECT_EQ(ShortAmount(3e9), "3B");
}

TEST(LossExceedanceSvg, DrawsOneCurvePerSeriesOnDecadeTicks) {
    const std::vector<ExceedancePoint> before{{1000, 0.9}, {50000, 0.4}, {900000, 0.01}};
    const std::vector<ExceedancePoint> after{{1000, 0.3}, {40000, 0.05}};
    const std::string svg = LossExceedanceSvg(
        "RSK-1 <loss> exceedance",
        {{"before", "#c62828", before}, {"after", "#2e7d32", after}, {"empty", "#000000", {}}}
    );
    EXPECT_TRUE(svg.ends_with("</svg>\n"));
    EXPECT_NE(svg.find("<title>RSK-1 &lt;loss&gt; exceedance</title>"), std::string::npos);
    std::size_t curves = 0;
    for (auto at = svg.find("<polyline"); at != std::string::npos;
         at = svg.find("<polyline", at + 1)) {
        ++curves;
    }
    EXPECT_EQ(curves, 2U) << "an empty series draws nothing";
    for (const char* tick : {">1k<", ">10k<", ">100k<", ">1M<"}) {
        EXPECT_NE(svg.find(tick), std::string::npos) << tick;
    }
    EXPECT_EQ(svg.find(">10M<"), std::string::npos) << "the axis ends at the decade above max";
}

TEST(LossExceedanceSvg, SaysSoWhenNothingWasLost) {
    const std::string svg = LossExceedanceSvg("Register", {{"before", "#c62828", {}}});
    EXPECT_NE(svg.find("no loss simulated"), std::string::npos);
    EXPECT_EQ(svg.find("<polyline"), std::string::npos);
}

}  // namespace
}  // namespace isms::risk
