#include "risk/risk_method_json.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "field_errors.hpp"

namespace isms::risk {
namespace {

using testing::At;
using testing::Fields;

/// The default method as JSON, edited by `edit`, decoded; the problems it yields.
template <class Edit>
std::vector<FieldError> ProblemsAfter(Edit edit) {
    json::object o = MethodToJson(DefaultMethod());
    edit(o);
    const Result<RiskMethod> r = MethodFromJson(o);
    EXPECT_FALSE(r);
    if (r) {
        return {};
    }
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    return r.error().fields;
}

json::object& LevelOf(json::object& o, const char* scale, std::size_t i) {
    return o.at(scale).as_object().at("levels").as_array().at(i).as_object();
}

TEST(MethodJson, RoundTripEquals) {
    const RiskMethod m = DefaultMethod();
    const json::object o = MethodToJson(m);
    const Result<RiskMethod> back = MethodFromJson(o);
    ASSERT_TRUE(back) << Fields(back.error().fields);
    EXPECT_EQ(*back, m);
    EXPECT_EQ(ToJsonText(MethodToJson(*back)), ToJsonText(o));
}

TEST(MethodJson, RoundTripThroughText) {
    RiskMethod m = DefaultMethod();
    m.version = 7;
    m.acceptance["critical"].roles.clear();
    const Result<json::value> parsed = ParseJson(ToJsonText(MethodToJson(m)));
    ASSERT_TRUE(parsed);
    const Result<RiskMethod> back = MethodFromJson(*parsed);
    ASSERT_TRUE(back) << Fields(back.error().fields);
    EXPECT_EQ(*back, m);
}

TEST(MethodJson, Shape) {
    const json::object o = MethodToJson(DefaultMethod());
    EXPECT_EQ(o.at("version").as_int64(), 1);
    const json::object& rare = o.at("likelihood").at("levels").at(0).as_object();
    EXPECT_EQ(rare.at("label").as_string(), "Rare");
    EXPECT_TRUE(rare.contains("frequency"));
    EXPECT_FALSE(rare.contains("criteria"));
    const json::object& severe = o.at("impact").at("levels").at(4).as_object();
    EXPECT_EQ(severe.at("criteria").as_object().size(), 7U);
    EXPECT_TRUE(severe.at("criteria").as_object().contains("legal_regulatory"));
    EXPECT_EQ(o.at("levels").at(3).at("id").as_string(), "critical");
    EXPECT_EQ(o.at("grid").at(4).at(4).as_string(), "critical");
    EXPECT_EQ(o.at("acceptance").at("critical").at("roles").at(0).as_string(), "admin");
}

TEST(MethodJson, VersionMayBeLeftOut) {
    json::object o = MethodToJson(DefaultMethod());
    o.erase("version");
    const Result<RiskMethod> r = MethodFromJson(o);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->version, 1);
}

TEST(MethodJson, NotAnObject) {
    const Result<RiskMethod> r = MethodFromJson(json::array{1, 2});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(r.error().fields.size(), 1U);
    EXPECT_EQ(r.error().fields[0].field, "$");
}

TEST(MethodJson, MissingMembers) {
    const auto problems = ProblemsAfter([](json::object& o) {
        o.erase("grid");
        o.erase("acceptance");
        LevelOf(o, "impact", 1).erase("label");
        o.at("levels").as_array().at(2).as_object().erase("colour");
    });
    EXPECT_EQ(At(problems, "grid"), "is required");
    EXPECT_EQ(At(problems, "acceptance"), "is required");
    EXPECT_EQ(At(problems, "impact.levels[1].label"), "is required");
    EXPECT_EQ(At(problems, "levels[2].colour"), "is required");
    // Each reported once: no "grid[0]" missing rows, no "acceptance.low" missing criteria.
    EXPECT_EQ(problems.size(), 4U) << Fields(problems);
}

TEST(MethodJson, UnknownFieldsRefused) {
    const auto problems = ProblemsAfter([](json::object& o) {
        o["owner"] = "me";
        o.at("likelihood").as_object()["scale"] = 5;
        LevelOf(o, "likelihood", 0)["colour"] = "#ffffff";
        o.at("levels").as_array().at(0).as_object()["score"] = 1;
        o.at("acceptance").at("low").as_object()["expires"] = "never";
        LevelOf(o, "impact", 0).at("criteria").as_object()["privacy"] = "x";
    });
    EXPECT_EQ(At(problems, "owner"), "unknown field");
    EXPECT_EQ(At(problems, "likelihood.scale"), "unknown field");
    EXPECT_EQ(At(problems, "likelihood.levels[0].colour"), "unknown field");
    EXPECT_EQ(At(problems, "levels[0].score"), "unknown field");
    EXPECT_EQ(At(problems, "acceptance.low.expires"), "unknown field");
    EXPECT_NE(At(problems, "impact.levels[0].criteria.privacy"), "<none>");
    EXPECT_EQ(problems.size(), 6U) << Fields(problems);
}

TEST(MethodJson, WrongTypesLocated) {
    const auto problems = ProblemsAfter([](json::object& o) {
        o["version"] = "one";
        LevelOf(o, "likelihood", 2)["value"] = 2.5;
        LevelOf(o, "impact", 3)["description"] = 4;
        LevelOf(o, "impact", 4).at("criteria").as_object()["financial"] = json::array{};
        o.at("levels").as_array().at(1).as_object()["order"] = "1";
        o.at("grid").as_array().at(3) = "medium";
        o.at("grid").as_array().at(2).as_array().at(1) = 2;
        o.at("acceptance").at("high").as_object()["acceptable_without_treatment"] = "no";
        o.at("acceptance").at("medium").as_object()["roles"] = "risk_owner";
        o.at("acceptance").at("low").at("roles").as_array().at(0) = 5;
        o.at("impact").as_object()["levels"].as_array().at(0) = "negligible";
    });
    EXPECT_EQ(At(problems, "version"), "must be an integer");
    EXPECT_EQ(At(problems, "likelihood.levels[2].value"), "must be an integer");
    EXPECT_EQ(At(problems, "impact.levels[3].description"), "must be a string");
    EXPECT_EQ(At(problems, "impact.levels[4].criteria.financial"), "must be a string");
    EXPECT_EQ(At(problems, "levels[1].order"), "must be an integer");
    EXPECT_EQ(At(problems, "grid[3]"), "must be an array");
    EXPECT_EQ(At(problems, "grid[2][1]"), "must be a string");
    EXPECT_EQ(
        At(problems, "acceptance.high.acceptable_without_treatment"), "must be true or false"
    );
    EXPECT_EQ(At(problems, "acceptance.medium.roles"), "must be an array");
    EXPECT_EQ(At(problems, "acceptance.low.roles[0]"), "must be a string");
    EXPECT_EQ(At(problems, "impact.levels[0]"), "must be an object");
    EXPECT_EQ(problems.size(), 11U) << Fields(problems);
}

TEST(MethodJson, RuleProblemsJoinShapeProblems) {
    const auto problems = ProblemsAfter([](json::object& o) {
        o["extra"] = true;                                           // shape
        o.at("grid").as_array().at(0).as_array().at(4) = "extreme";  // rule
        o.at("levels").as_array().at(0).as_object()["colour"] = "#zzzzzz";
        o.at("acceptance").at("high").at("roles").as_array().emplace_back("ceo");
    });
    EXPECT_EQ(At(problems, "extra"), "unknown field");
    EXPECT_EQ(At(problems, "grid[0][4]"), "\"extreme\" is not the id of a risk level");
    EXPECT_EQ(At(problems, "levels[0].colour"), "must be a colour #rrggbb");
    EXPECT_NE(At(problems, "acceptance.high.roles[2]"), "<none>");
    EXPECT_EQ(problems.size(), 4U) << Fields(problems);
}

TEST(MethodJson, GridNotCoveringEveryCell) {
    const auto problems =
        ProblemsAfter([](json::object& o) { o.at("grid").as_array().at(4).as_array().pop_back(); });
    EXPECT_EQ(
        At(problems, "grid[4][4]"), "missing: every (likelihood, impact) cell needs a risk level"
    );
    EXPECT_EQ(problems.size(), 1U) << Fields(problems);
}

}  // namespace
}  // namespace isms::risk
