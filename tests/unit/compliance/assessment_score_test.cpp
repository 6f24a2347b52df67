#include "compliance/assessment_score.hpp"

#include <gtest/gtest.h>

namespace isms::compliance {
namespace {

TEST(AssessmentScoreTest, ProgressCountsEveryResultButNotAssessed) {
    ResultCounts c;
    c.Add("compliant", false, "");
    c.Add("partially_compliant", true, "");
    c.Add("non_compliant", false, "major_nonconformity");
    c.Add("not_applicable", false, "");
    c.Add("not_assessed", false, "observation");  // an unassessed finding does not count
    c.Add("not_assessed", false, "");
    const json::object out = CountsToJson(c);
    EXPECT_EQ(out.at("requirements").as_int64(), 6);
    EXPECT_EQ(out.at("assessed").as_int64(), 4);
    EXPECT_DOUBLE_EQ(out.at("progress").as_double(), 66.7);
    EXPECT_DOUBLE_EQ(out.at("compliance_score").as_double(), 50.0);  // (1 + ½ + 0) / 3
    EXPECT_EQ(out.at("inferred").as_int64(), 1);
    EXPECT_EQ(out.at("audit_results").at("major_nonconformity").as_int64(), 1);
    EXPECT_EQ(out.at("audit_results").at("observation").as_int64(), 0);
}

TEST(AssessmentScoreTest, NoScoreWithoutScoredResults) {
    ResultCounts c;
    c.Add("not_applicable", false, "");
    const json::object out = CountsToJson(c);
    EXPECT_TRUE(out.at("compliance_score").is_null());
    EXPECT_DOUBLE_EQ(out.at("progress").as_double(), 100.0);
    EXPECT_DOUBLE_EQ(CountsToJson(ResultCounts{}).at("progress").as_double(), 0.0);
}

}  // namespace
}  // namespace isms::compliance
