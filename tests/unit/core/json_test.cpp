#include "core/json.hpp"

#include <string>

#include <gtest/gtest.h>

namespace isms {
namespace {

std::string Nested(int depth) {
    return std::string(static_cast<std::size_t>(depth), '[')
           + std::string(static_cast<std::size_t>(depth), ']');
}

TEST(ParseJson, ParsesDocuments) {
    auto v = ParseJson(R"({"a": [1, 2.5, "x", true, null]})");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->at("a").as_array().size(), 5U);
    EXPECT_EQ(v->at("a").at(0).as_int64(), 1);
}

TEST(ParseJson, AllowsSurroundingWhitespace) {
    // Files written by editors end with a newline.
    EXPECT_TRUE(ParseJson("{}\n"));
    EXPECT_TRUE(ParseJson("  \r\n\t[1]  \n\n"));
}

TEST(ParseJson, ErrorSaysLineAndColumn) {
    const std::string text = "{\n  \"name\": \"x\",\n  \"count\": 12,\n  \"bad\": tru\n}";
    auto v = ParseJson(text);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(v.error().message.find("line 4"), std::string::npos) << v.error().message;
    EXPECT_NE(v.error().message.find("column"), std::string::npos) << v.error().message;
}

TEST(ParseJson, ErrorColumnPointsAtTheFault) {
    auto v = ParseJson("{\"a\": 1,\n  \"b\" 2}");
    ASSERT_FALSE(v);
    // The parser stops at the "2" where a ':' was expected: line 2, column 7.
    EXPECT_NE(v.error().message.find("line 2, column 7"), std::string::npos) << v.error().message;
}

TEST(ParseJson, RejectsTrailingData) {
    auto v = ParseJson("{} {}");
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(v.error().message.find("line 1, column 4"), std::string::npos) << v.error().message;
}

TEST(ParseJson, RejectsIncompleteAndEmpty) {
    EXPECT_FALSE(ParseJson(""));
    EXPECT_FALSE(ParseJson("{\"a\": "));
    EXPECT_FALSE(ParseJson("[1,]"));
}

TEST(ParseJson, DepthLimit) {
    EXPECT_TRUE(ParseJson(Nested(64)));
    auto deep = ParseJson(Nested(65));
    ASSERT_FALSE(deep);
    EXPECT_EQ(deep.error().code, ErrorCode::kMalformedInput);
    EXPECT_FALSE(ParseJson(Nested(10'000)));  // and no stack overflow
}

TEST(ParseJsonObject, RequiresAnObject) {
    EXPECT_TRUE(ParseJsonObject("{\"a\": 1}"));
    auto array = ParseJsonObject("[1]");
    ASSERT_FALSE(array);
    EXPECT_EQ(array.error().code, ErrorCode::kMalformedInput);
}

TEST(ToJsonText, KeepsInsertionOrder) {
    json::object o;
    o["z"] = 1;
    o["a"] = "x";
    o["m"] = json::array{true, nullptr};
    EXPECT_EQ(ToJsonText(o), R"({"z":1,"a":"x","m":[true,null]})");
}

TEST(StringOr, FallsBackForAbsentOrNonString) {
    const json::object o{{"s", "text"}, {"n", 3}};
    EXPECT_EQ(StringOr(o, "s"), "text");
    EXPECT_EQ(StringOr(o, "n", "dflt"), "dflt");
    EXPECT_EQ(StringOr(o, "missing"), "");
}

}  // namespace
}  // namespace isms
