#include "core/regex_bounds.hpp"

#include <gtest/gtest.h>

namespace isms {
namespace {

TEST(CheckRegexBounds, AcceptsBoundsUpToTheLimit) {
    EXPECT_TRUE(CheckRegexBounds("^[A-Z]{2,3}-[0-9]{1000}$"));
    EXPECT_TRUE(CheckRegexBounds("a{0,}b{1000,1000}"));
    EXPECT_TRUE(CheckRegexBounds("no repetition at all"));
}

TEST(CheckRegexBounds, RefusesABoundAboveTheLimitNamingIt) {
    const auto refused = CheckRegexBounds("^x{1001}$");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields.front().field, "pattern");
    EXPECT_EQ(
        refused.error().fields.front().message,
        "the repetition {1001} is above the largest allowed, 1000"
    );
    EXPECT_FALSE(CheckRegexBounds("a{2,5000}"));
}

TEST(CheckRegexBounds, RefusesABoundTooLargeForALong) {
    // The fuzzer's input: libstdc++ multiplied this into a long until it overflowed.
    EXPECT_FALSE(CheckRegexBounds("a{66666666666666666666666}"));
    EXPECT_FALSE(CheckRegexBounds("a{1,99999999999999999999999"));
}

TEST(CheckRegexBounds, RefusesAHugeBackReferenceInAClassToo) {
    EXPECT_TRUE(CheckRegexBounds(R"(^(a)\1$)"));
    const auto refused = CheckRegexBounds(R"((a)\66666666666666666666666)");
    ASSERT_FALSE(refused);
    EXPECT_EQ(
        refused.error().fields.front().message,
        R"(the back-reference \66666666666666666666666 is above the largest allowed, 1000)"
    );
    EXPECT_FALSE(CheckRegexBounds(R"([\66666666666666666666666])"));
}

TEST(CheckRegexBounds, IgnoresBracesThatAreLiteral) {
    EXPECT_TRUE(CheckRegexBounds(R"(\{99999\})"));
    EXPECT_TRUE(CheckRegexBounds("[{99999}]"));
    EXPECT_TRUE(CheckRegexBounds(R"([\]{99999}])"));
    EXPECT_TRUE(CheckRegexBounds("{x}"));
}

}  // namespace
}  // namespace isms
