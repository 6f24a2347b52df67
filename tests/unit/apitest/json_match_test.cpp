#include "apitest/json_match.hpp"

#include <map>
#include <string>

#include <gtest/gtest.h>

namespace isms::apitest {
namespace {

VarLookup MapLookup(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it == vars.end()) {
            return std::nullopt;
        }
        return it->second;
    };
}

json::value Json(std::string_view text) {
    return ParseJson(text).value();
}

Status Check(std::string_view line, std::string_view doc) {
    auto assertion = ParseAssertion(line);
    EXPECT_TRUE(assertion) << line;
    if (!assertion) {
        return assertion.error();
    }
    const json::value root = Json(doc);
    auto path = ParsePath(assertion->subject).value();
    return Evaluate(*assertion, assertion->operand, Resolve(root, path));
}

TEST(SubstituteTest, ReplacesKnownVariables) {
    auto out =
        Substitute("/api/v1/risks/{{risk}}/x/{{ id }}", MapLookup({{"risk", "r1"}, {"id", "7"}}));
    ASSERT_TRUE(out);
    EXPECT_EQ(*out, "/api/v1/risks/r1/x/7");
}

TEST(SubstituteTest, UnknownVariableIsAnError) {
    auto out = Substitute("{{missing}}", MapLookup({}));
    ASSERT_FALSE(out);
    EXPECT_NE(out.error().message.find("{{missing}}"), std::string::npos);
}

TEST(SubstituteTest, BracesThatAreNotVariablesStay) {
    auto out = Substitute("{{ not a var }} {{", MapLookup({}));
    ASSERT_TRUE(out);
    EXPECT_EQ(*out, "{{ not a var }} {{");
}

TEST(SubstituteTest, TotpOfAVariableIsLookedUpByItsWholeName) {
    auto out = Substitute(
        "{{totp secret}} {{ totp secret }} {{totp two words}} {{totp 9x}}",
        MapLookup({{"totp secret", "123456"}})
    );
    ASSERT_TRUE(out);
    EXPECT_EQ(*out, "123456 123456 {{totp two words}} {{totp 9x}}");
    EXPECT_EQ(TotpVariable("totp secret"), "secret");
    EXPECT_EQ(TotpVariable("totp   secret"), "secret");
    EXPECT_FALSE(TotpVariable("totp"));
    EXPECT_FALSE(TotpVariable("secret"));
    EXPECT_FALSE(TotpVariable("totpsecret"));
}

TEST(SubstituteTest, JsonEscapesInsideStringsOnly) {
    auto lookup = MapLookup({{"s", "say \"hi\"\\"}, {"n", "42"}});
    auto out = SubstituteJson(R"({"a": "{{s}}", "b": {{n}}, "c": "x\"{{n}}"})", lookup);
    ASSERT_TRUE(out);
    EXPECT_EQ(*out, R"({"a": "say \"hi\"\\", "b": 42, "c": "x\"42"})");
    EXPECT_TRUE(ParseJson(*out));
}

TEST(PathTest, ParsesMembersIndexesAndQuotedKeys) {
    auto path = ParsePath(R"($.items[0]["odd key"].x[-1])");
    ASSERT_TRUE(path);
    ASSERT_EQ(path->size(), 5U);
    EXPECT_EQ(std::get<std::string>((*path)[0]), "items");
    EXPECT_EQ(std::get<std::int64_t>((*path)[1]), 0);
    EXPECT_EQ(std::get<std::string>((*path)[2]), "odd key");
    EXPECT_EQ(std::get<std::int64_t>((*path)[4]), -1);
}

TEST(PathTest, RejectsMalformedPaths) {
    EXPECT_FALSE(ParsePath("items"));
    EXPECT_FALSE(ParsePath("$."));
    EXPECT_FALSE(ParsePath("$.a[x]"));
    EXPECT_FALSE(ParsePath("$.a[1"));
    EXPECT_FALSE(ParsePath("$a"));
}

TEST(PathTest, ResolvesAndReportsAbsence) {
    const json::value doc = Json(R"({"items": [{"n": 1}, {"n": 2}], "s": "x"})");
    EXPECT_EQ(*Resolve(doc, ParsePath("$.items[1].n").value()), json::value(2));
    EXPECT_EQ(*Resolve(doc, ParsePath("$.items[-1].n").value()), json::value(2));
    EXPECT_EQ(Resolve(doc, ParsePath("$.items[2]").value()), nullptr);
    EXPECT_EQ(Resolve(doc, ParsePath("$.items[-3]").value()), nullptr);
    EXPECT_EQ(Resolve(doc, ParsePath("$.s.t").value()), nullptr);
    EXPECT_EQ(Resolve(doc, ParsePath("$").value()), &doc);
}

TEST(AssertionTest, Equality) {
    const char* doc = R"({"ref": "RSK-1", "n": 3, "ok": true, "none": null, "o": {"a": 1}})";
    EXPECT_TRUE(Check(R"($.ref == "RSK-1")", doc));
    EXPECT_FALSE(Check(R"($.ref == "RSK-2")", doc));
    EXPECT_TRUE(Check("$.n == 3", doc));
    EXPECT_TRUE(Check("$.n == 3.0", doc));
    EXPECT_TRUE(Check("$.ok == true", doc));
    EXPECT_TRUE(Check("$.none == null", doc));
    EXPECT_TRUE(Check(R"($.o == {"a": 1})", doc));
    EXPECT_FALSE(Check("$.o == {}", doc));  // == is exact, not a subset
    EXPECT_TRUE(Check(R"($.ref != "RSK-2")", doc));
    EXPECT_FALSE(Check(R"($.ref != "RSK-1")", doc));
    EXPECT_FALSE(Check("$.missing == 1", doc));
    EXPECT_FALSE(Check("$.missing != 1", doc));
}

TEST(AssertionTest, FailureMessageShowsBothValues) {
    auto status = Check(R"($.ref == "RSK-2")", R"({"ref": "RSK-1"})");
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message, R"($.ref: expected "RSK-2", found "RSK-1")");
}

TEST(AssertionTest, RegexCountExistsAbsent) {
    const char* doc = R"({"id": "Abc-123", "items": [1, 2, 3], "o": {"a": 1}, "n": 42})";
    EXPECT_TRUE(Check("$.id ~ /^abc-\\d+$/i", doc));
    EXPECT_FALSE(Check("$.id ~ /^abc/", doc));
    EXPECT_TRUE(Check("$.n ~ /^4/", doc));
    EXPECT_TRUE(Check("$.items count == 3", doc));
    EXPECT_TRUE(Check("$.items count >= 2", doc));
    EXPECT_FALSE(Check("$.items count < 3", doc));
    EXPECT_TRUE(Check("$.o count == 1", doc));
    EXPECT_FALSE(Check("$.n count == 1", doc));
    EXPECT_TRUE(Check("$.id exists", doc));
    EXPECT_FALSE(Check("$.nope exists", doc));
    EXPECT_TRUE(Check("$.nope absent", doc));
    EXPECT_FALSE(Check("$.id absent", doc));
}

TEST(AssertionTest, ParsesHeaderSubjects) {
    auto a = ParseAssertion(R"(header ETag == "\"v1\"")");
    ASSERT_TRUE(a);
    EXPECT_TRUE(a->is_header);
    EXPECT_EQ(a->subject, "ETag");
    EXPECT_EQ(a->op, AssertOp::kEqual);
}

TEST(AssertionTest, RejectsBadSyntax) {
    EXPECT_FALSE(ParseAssertion("$.a == unquoted"));
    EXPECT_FALSE(ParseAssertion("$.a =="));
    EXPECT_FALSE(ParseAssertion("$.a ~ /unterminated"));
    EXPECT_FALSE(ParseAssertion("$.a ~ /x/g"));
    EXPECT_FALSE(ParseAssertion("$.a ~ /(/"));
    EXPECT_FALSE(ParseAssertion("$.a count 3"));
    EXPECT_FALSE(ParseAssertion("$.a count == x"));
    EXPECT_FALSE(ParseAssertion("$.a is 3"));
    EXPECT_FALSE(ParseAssertion("a == 3"));
}

TEST(AssertionTest, RejectsARegexWithAHugeRepetitionBound) {
    // Found by fuzzing: libstdc++'s regex compiler overflowed a long reading this bound.
    const auto huge = ParseAssertion("$.a ~ /^a{66666666666666666666666}$/");
    ASSERT_FALSE(huge);
    EXPECT_NE(huge.error().message.find("above the largest allowed, 1000"), std::string::npos)
        << huge.error().message;
    EXPECT_TRUE(ParseAssertion("$.a ~ /^a{1000}$/"));
}

TEST(AssertionTest, AcceptsVariablesInLiterals) {
    EXPECT_TRUE(ParseAssertion(R"($.id == "{{risk}}")"));
    EXPECT_TRUE(ParseAssertion("$.n == {{count}}"));
    EXPECT_TRUE(ParseAssertion("$.items[{{i}}] exists"));
    EXPECT_TRUE(ParseAssertion("$.items count == {{n}}"));
}

TEST(AssertionTest, RegexMayContainSlashesInClassesAndEscapes) {
    auto a = ParseAssertion(R"($.url ~ /^https:\/\/x[/]y$/)");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->operand, R"(^https:\/\/x[/]y$)");
    const json::value url = Json(R"("https://x/y")");
    EXPECT_TRUE(Evaluate(*a, a->operand, &url));
}

TEST(MatchTest, SubsetIgnoresExtraMembers) {
    const json::value actual =
        Json(R"({"a": 1, "b": {"c": 2, "d": 3}, "e": [1, {"f": 1, "g": 2}]})");
    EXPECT_TRUE(
        MatchJson(Json(R"({"b": {"c": 2}, "e": [1, {"g": 2}]})"), actual, MatchMode::kSubset)
    );
    EXPECT_FALSE(MatchJson(Json(R"({"b": {"c": 2}})"), actual, MatchMode::kExact));
}

TEST(MatchTest, ArraysMustHaveTheSameLength) {
    auto status = MatchJson(Json("[1, 2]"), Json("[1, 2, 3]"), MatchMode::kSubset);
    ASSERT_FALSE(status);
    EXPECT_NE(status.error().message.find("expected 2 elements, found 3"), std::string::npos);
}

TEST(MatchTest, NamesThePathOfTheFirstDifference) {
    auto status = MatchJson(
        Json(R"({"items": [{"name": "x"}]})"),
        Json(R"({"items": [{"name": "y"}]})"),
        MatchMode::kSubset
    );
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().message, R"(at $.items[0].name: expected "x", found "y")");
    auto missing = MatchJson(Json(R"({"odd key": 1})"), Json("{}"), MatchMode::kSubset);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, R"(at $: member "odd key" is missing)");
}

TEST(MatchTest, Wildcards) {
    const json::value actual = Json(
        R"({"id": "0b7e3c52-8f1e-4c3e-9a55-2f4f2c1b9d10", "at": "2026-01-01T00:00:00Z",
            "x": [1], "bad": "nope"})"
    );
    EXPECT_TRUE(MatchJson(
        Json(R"({"id": "<uuid>", "at": "<timestamp>", "x": "<any>"})"), actual, MatchMode::kSubset
    ));
    EXPECT_FALSE(MatchJson(Json(R"({"bad": "<uuid>"})"), actual, MatchMode::kSubset));
    EXPECT_FALSE(MatchJson(Json(R"({"bad": "<timestamp>"})"), actual, MatchMode::kSubset));
    EXPECT_FALSE(MatchJson(Json(R"({"absent": "<any>"})"), actual, MatchMode::kSubset));
    EXPECT_TRUE(MatchJson(
        Json(R"("2026-01-01T00:00:00.250+02:00")"),
        Json(R"("2026-01-01T00:00:00.250+02:00")"),
        MatchMode::kExact
    ));
}

TEST(MatchTest, NumbersCompareByValue) {
    EXPECT_TRUE(MatchJson(Json("1"), Json("1.0"), MatchMode::kExact));
    EXPECT_TRUE(
        MatchJson(Json("18446744073709551615"), Json("18446744073709551615"), MatchMode::kExact)
    );
    EXPECT_FALSE(MatchJson(Json("-1"), Json("18446744073709551615"), MatchMode::kExact));
    EXPECT_FALSE(MatchJson(Json("1"), Json("\"1\""), MatchMode::kExact));
}

TEST(RewriteTest, KeepsMatchingSubtreesAndWildcards) {
    const json::value raw = Json(R"({"id": "{{risk}}", "title": "old", "at": "<timestamp>"})");
    const json::value substituted = Json(R"({"id": "r1", "title": "old", "at": "<timestamp>"})");
    const json::value actual =
        Json(R"({"id": "r1", "title": "new", "at": "2026-01-01T00:00:00Z", "extra": 1})");
    const json::value out = RewriteExpectation(&raw, &substituted, actual);
    EXPECT_EQ(out, Json(R"({"id": "{{risk}}", "title": "new", "at": "<timestamp>"})"));
}

TEST(RewriteTest, EmptyExpectationTakesActualWithWildcards) {
    const json::value actual = Json(
        R"({"id": "0b7e3c52-8f1e-4c3e-9a55-2f4f2c1b9d10", "at": "2026-01-01T00:00:00Z", "n": 1})"
    );
    EXPECT_EQ(
        RewriteExpectation(nullptr, nullptr, actual),
        Json(R"({"id": "<uuid>", "at": "<timestamp>", "n": 1})")
    );
}

TEST(PrettyTest, ShortContainersStayOnOneLine) {
    EXPECT_EQ(PrettyJson(Json(R"({"a":1,"b":[1,2]})")), R"({"a": 1, "b": [1, 2]})");
    const json::value wide = Json(R"({"a": "xxxxxxxxxx", "b": {"c": [1, 2], "d": "yyyyyyyyyy"}})");
    EXPECT_EQ(
        PrettyJson(wide, 40),
        "{\n  \"a\": \"xxxxxxxxxx\",\n  \"b\": {\"c\": [1, 2], \"d\": \"yyyyyyyyyy\"}\n}"
    );
    EXPECT_EQ(
        PrettyJson(wide, 30),
        "{\n  \"a\": \"xxxxxxxxxx\",\n  \"b\": {\n    \"c\": [1, 2],\n    \"d\": \"yyyyyyyyyy\"\n  "
        "}\n}"
    );
    EXPECT_EQ(PrettyJson(Json("{}")), "{}");
}

TEST(CaptureTest, StringsWithoutQuotes) {
    EXPECT_EQ(CaptureText(Json(R"("abc")")), "abc");
    EXPECT_EQ(CaptureText(Json("12")), "12");
    EXPECT_EQ(CaptureText(Json(R"({"a":1})")), R"({"a":1})");
}

}  // namespace
}  // namespace isms::apitest
