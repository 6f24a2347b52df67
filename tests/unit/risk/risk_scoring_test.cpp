#include "risk/risk_scoring.hpp"

#include <gtest/gtest.h>

#include "field_errors.hpp"

namespace isms::risk {
namespace {

using testing::At;

TEST(ScoreRisk, ScoresEveryStageThatHasBothValues) {
    RiskMethod method = DefaultMethod();
    method.version = 3;
    const json::object fields{
        {"inherent_likelihood", 5},
        {"inherent_impact", 5},
        {"current_likelihood", 1},
        {"current_impact", 1},
        {"residual_likelihood", 2}};
    const auto scored = ScoreRisk(method, fields);
    ASSERT_TRUE(scored) << scored.error().message;
    EXPECT_EQ(scored->at("inherent_level"), "critical");
    EXPECT_EQ(scored->at("current_level"), "low");
    EXPECT_TRUE(scored->at("residual_level").is_null()) << "impact missing";
    EXPECT_EQ(scored->at("method_version"), 3);
}

TEST(ScoreRisk, NullValuesCountAsUnset) {
    const json::object fields{{"inherent_likelihood", nullptr}, {"inherent_impact", 2}};
    const auto scored = ScoreRisk(DefaultMethod(), fields);
    ASSERT_TRUE(scored);
    EXPECT_TRUE(scored->at("inherent_level").is_null());
}

TEST(ScoreRisk, NamesEveryValueOutsideTheScales) {
    const json::object fields{
        {"inherent_likelihood", 6}, {"inherent_impact", 2}, {"residual_impact", 0}};
    const auto scored = ScoreRisk(DefaultMethod(), fields);
    ASSERT_FALSE(scored);
    EXPECT_EQ(scored.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(scored.error().fields.size(), 2U);
    EXPECT_EQ(
        At(scored.error().fields, "inherent_likelihood"),
        "must be from 1 to 5 (the risk method's likelihood scale)"
    );
    EXPECT_EQ(
        At(scored.error().fields, "residual_impact"),
        "must be from 1 to 5 (the risk method's impact scale)"
    );
}

}  // namespace
}  // namespace isms::risk
