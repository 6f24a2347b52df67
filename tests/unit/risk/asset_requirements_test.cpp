#include "risk/asset_requirements.hpp"

#include <gtest/gtest.h>

namespace isms::risk {
namespace {

const std::vector<std::string> kCia = {"confidentiality", "integrity", "availability"};

// payroll (1) → app (2) → server (4); crm (3) → server (4)
std::vector<AssetNode> Landscape() {
    return {
        {1, "AST-1", "Payroll data", {{"confidentiality", 5}, {"integrity", 3}}, {2}},
        {2, "AST-2", "HR application", {{"availability", 2}}, {4}},
        {3, "AST-3", "CRM data", {{"integrity", 4}, {"availability", 4}}, {4}},
        {4, "AST-4", "Server", {{"integrity", 1}}, {}},
    };
}

TEST(EffectiveRequirements, TheHighestDependantWinsWithItsPath) {
    const auto r = EffectiveRequirements(Landscape(), 4, kCia);
    ASSERT_EQ(r.size(), 3U);
    EXPECT_EQ(r[0].property, "confidentiality");
    EXPECT_FALSE(r[0].own);
    EXPECT_EQ(r[0].effective, 5);
    EXPECT_EQ(r[0].path, (std::vector<std::string>{"AST-1", "AST-2", "AST-4"}));
    EXPECT_EQ(r[1].own, 1);
    EXPECT_EQ(r[1].effective, 4);
    EXPECT_EQ(r[1].path, (std::vector<std::string>{"AST-3", "AST-4"}));
    EXPECT_EQ(r[2].effective, 4) << "CRM's 4 beats the application's 2";
}

TEST(EffectiveRequirements, OwnLevelWinsTiesAndNothingInheritsUpwards) {
    auto assets = Landscape();
    assets[3].required["confidentiality"] = 5;
    const auto server = EffectiveRequirements(assets, 4, kCia);
    EXPECT_EQ(server[0].path, (std::vector<std::string>{"AST-4"}));
    const auto payroll = EffectiveRequirements(assets, 1, kCia);
    EXPECT_EQ(payroll[2].effective, std::nullopt);
    EXPECT_TRUE(payroll[2].path.empty());
}

TEST(EffectiveRequirements, NearestDependantWinsAmongEqualLevels) {
    auto assets = Landscape();
    assets[1].required["confidentiality"] = 5;  // the application now asks as much as payroll
    const auto r = EffectiveRequirements(assets, 4, kCia);
    EXPECT_EQ(r[0].path, (std::vector<std::string>{"AST-2", "AST-4"}));
}

TEST(EffectiveRequirements, ToleratesCyclesAndUnknownIds) {
    std::vector<AssetNode> assets = {
        {1, "AST-1", "a", {{"availability", 3}}, {2, 99}},
        {2, "AST-2", "b", {}, {1}},
    };
    const auto r = EffectiveRequirements(assets, 2, kCia);
    EXPECT_EQ(r[2].effective, 3);
    EXPECT_EQ(r[2].path, (std::vector<std::string>{"AST-1", "AST-2"}));
    EXPECT_TRUE(EffectiveRequirements(assets, 7, kCia).empty());
}

}  // namespace
}  // namespace isms::risk
