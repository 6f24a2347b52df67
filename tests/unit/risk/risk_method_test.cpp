#include "risk/risk_method.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/json.hpp"
#include "field_errors.hpp"

namespace isms::risk {
namespace {

using testing::At;
using testing::Fields;

int OrderAt(const RiskMethod& m, int likelihood, int impact) {
    const Result<const RiskLevel*> level = Score(m, likelihood, impact);
    EXPECT_TRUE(level) << likelihood << "x" << impact;
    return level ? (*level)->order : -1;
}

TEST(DefaultMethod, Validates) {
    const RiskMethod m = DefaultMethod();
    EXPECT_TRUE(Validate(m).empty()) << Fields(Validate(m));
    EXPECT_EQ(m.version, 1);
    EXPECT_EQ(m.likelihood.Size(), 5);
    EXPECT_EQ(m.impact.Size(), 5);
    EXPECT_EQ(m.likelihood.levels[0].label, "Rare");
    EXPECT_EQ(m.likelihood.levels[4].label, "Almost certain");
    EXPECT_FALSE(m.likelihood.levels[2].frequency.empty());
    for (const ScaleLevel& level : m.impact.levels) {
        EXPECT_EQ(level.criteria.size(), std::size(kAllImpactDimensions)) << level.label;
    }
}

TEST(DefaultMethod, ScoresCornersAndRisesAlongBothAxes) {
    const RiskMethod m = DefaultMethod();
    EXPECT_EQ((*Score(m, 1, 1))->id, "low");
    EXPECT_EQ((*Score(m, 5, 5))->id, "critical");
    EXPECT_EQ((*Score(m, 3, 3))->id, "high");
    for (int l = 1; l <= 5; ++l) {
        for (int i = 1; i <= 5; ++i) {
            if (l < 5) {
                EXPECT_LE(OrderAt(m, l, i), OrderAt(m, l + 1, i)) << l << "x" << i;
            }
            if (i < 5) {
                EXPECT_LE(OrderAt(m, l, i), OrderAt(m, l, i + 1)) << l << "x" << i;
            }
        }
    }
}

TEST(DefaultMethod, AcceptanceFollowsAuthority) {
    const RiskMethod m = DefaultMethod();
    EXPECT_TRUE(m.acceptance.at("low").acceptable_without_treatment);
    EXPECT_FALSE(m.acceptance.at("medium").acceptable_without_treatment);
    EXPECT_TRUE(MayAccept(m, "low", "risk_owner"));
    EXPECT_TRUE(MayAccept(m, "medium", "risk_owner"));
    EXPECT_FALSE(MayAccept(m, "high", "risk_owner"));
    EXPECT_TRUE(MayAccept(m, "high", "isms_manager"));
    EXPECT_FALSE(MayAccept(m, "critical", "isms_manager"));
    EXPECT_TRUE(MayAccept(m, "critical", "admin"));
    EXPECT_FALSE(MayAccept(m, "low", "auditor"));
    EXPECT_FALSE(MayAccept(m, "low", "reader"));
    EXPECT_FALSE(MayAccept(m, "unknown", "admin"));
    EXPECT_FALSE(MayAccept(m, "low", "nobody"));
}

TEST(Score, OutOfRangeNamesTheField) {
    const RiskMethod m = DefaultMethod();
    for (const auto& [l, i, field] : std::vector<std::tuple<int, int, std::string>>{
             {0, 1, "likelihood"}, {6, 1, "likelihood"}, {1, 0, "impact"}, {1, 6, "impact"}}) {
        const Result<const RiskLevel*> r = Score(m, l, i);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
        ASSERT_EQ(r.error().fields.size(), 1U);
        EXPECT_EQ(r.error().fields[0].field, field);
        EXPECT_EQ(r.error().fields[0].message, "must be from 1 to 5");
    }
}

TEST(Validate, ScaleOutOfRange) {
    RiskMethod m = DefaultMethod();
    m.likelihood.levels.resize(1);
    m.grid.resize(1);
    const auto problems = Validate(m);
    EXPECT_EQ(At(problems, "likelihood.levels"), "must have from 2 to 10 levels, has 1");
}

TEST(Validate, ScaleNotContiguous) {
    RiskMethod m = DefaultMethod();
    m.impact.levels[1].value = 3;
    EXPECT_EQ(
        At(Validate(m), "impact.levels[1].value"),
        "must be 2: levels are numbered 1 to N, lowest first"
    );
}

TEST(Validate, ScaleLevelFields) {
    RiskMethod m = DefaultMethod();
    m.likelihood.levels[0].label.clear();
    m.likelihood.levels[1].criteria[ImpactDimension::kFinancial] = "money";
    m.impact.levels[2].frequency = "weekly";
    const auto problems = Validate(m);
    EXPECT_EQ(At(problems, "likelihood.levels[0].label"), "must not be empty");
    EXPECT_EQ(At(problems, "likelihood.levels[1].criteria"), "only impact levels carry criteria");
    EXPECT_EQ(
        At(problems, "impact.levels[2].frequency"), "only likelihood levels carry a frequency"
    );
}

TEST(Validate, DuplicateLevelIdAndOrder) {
    RiskMethod m = DefaultMethod();
    m.levels[2].id = "medium";
    m.levels[3].order = 0;
    const auto problems = Validate(m);
    EXPECT_EQ(At(problems, "levels[2].id"), "\"medium\" is already levels[1].id");
    EXPECT_EQ(At(problems, "levels[3].order"), "0 is already levels[0].order");
}

TEST(Validate, BadIdAndColour) {
    RiskMethod m = DefaultMethod();
    m.levels[0].colour = "green";
    m.levels[1].colour = "#12345g";
    m.levels[2].id = "High Risk";
    const auto problems = Validate(m);
    EXPECT_EQ(At(problems, "levels[0].colour"), "must be a colour #rrggbb");
    EXPECT_EQ(At(problems, "levels[1].colour"), "must be a colour #rrggbb");
    EXPECT_EQ(At(problems, "levels[2].id"), "must be lower-case letters, digits, '_' or '-'");
}

TEST(Validate, NoLevels) {
    RiskMethod m = DefaultMethod();
    m.levels.clear();
    EXPECT_EQ(At(Validate(m), "levels"), "must have at least one risk level");
}

TEST(Validate, UnknownLevelInGrid) {
    RiskMethod m = DefaultMethod();
    m.grid[2][4] = "extreme";
    const auto problems = Validate(m);
    ASSERT_EQ(problems.size(), 1U) << Fields(problems);
    EXPECT_EQ(problems[0].field, "grid[2][4]");
    EXPECT_EQ(problems[0].message, "\"extreme\" is not the id of a risk level");
}

TEST(Validate, GridMustCoverEveryCell) {
    RiskMethod m = DefaultMethod();
    m.grid[1].resize(3);
    m.grid.resize(4);
    const auto problems = Validate(m);
    EXPECT_EQ(
        At(problems, "grid[1][3]"), "missing: every (likelihood, impact) cell needs a risk level"
    );
    EXPECT_NE(At(problems, "grid[1][4]"), "<none>");
    EXPECT_EQ(
        At(problems, "grid[4]"), "missing: every likelihood level needs a row of risk levels"
    );
    EXPECT_EQ(problems.size(), 3U) << Fields(problems);
}

TEST(Validate, GridTooLarge) {
    RiskMethod m = DefaultMethod();
    m.grid[0].push_back("low");
    m.grid.push_back(m.grid[1]);
    const auto problems = Validate(m);
    EXPECT_EQ(At(problems, "grid[0]"), "has 6 cells for 5 impact levels");
    EXPECT_EQ(At(problems, "grid"), "has 6 rows for 5 likelihood levels");
}

TEST(Validate, AcceptanceMissingForeignAndUnknownRole) {
    RiskMethod m = DefaultMethod();
    m.acceptance.erase("medium");
    m.acceptance["extreme"] = Acceptance{false, {"admin"}};
    m.acceptance["high"].roles = {"isms_manager", "ceo"};
    const auto problems = Validate(m);
    EXPECT_EQ(
        At(problems, "acceptance.medium"), "missing: every risk level needs acceptance criteria"
    );
    EXPECT_EQ(At(problems, "acceptance.extreme"), "\"extreme\" is not the id of a risk level");
    EXPECT_EQ(
        At(problems, "acceptance.high.roles[1]"),
        "\"ceo\" is not a role (one of admin, isms_manager, risk_owner, control_owner, auditor, "
        "reader)"
    );
    EXPECT_EQ(problems.size(), 3U) << Fields(problems);
}

TEST(Validate, ReportsEveryProblemTogether) {
    RiskMethod m = DefaultMethod();
    m.version = 0;
    m.impact.levels[4].value = 7;
    m.levels[3].colour = "red";
    m.grid[0][0] = "";
    m.acceptance["low"].roles.emplace_back("boss");
    const auto problems = Validate(m);
    EXPECT_EQ(problems.size(), 5U) << Fields(problems);
    EXPECT_EQ(At(problems, "version"), "must be at least 1");
    EXPECT_NE(At(problems, "impact.levels[4].value"), "<none>");
    EXPECT_NE(At(problems, "levels[3].colour"), "<none>");
    EXPECT_NE(At(problems, "grid[0][0]"), "<none>");
    EXPECT_NE(At(problems, "acceptance.low.roles[3]"), "<none>");
}

TEST(ImpactDimension, NamesRoundTrip) {
    for (const ImpactDimension d : kAllImpactDimensions) {
        EXPECT_EQ(ParseImpactDimension(ImpactDimensionName(d)), d);
    }
    EXPECT_EQ(ParseImpactDimension("legal_regulatory"), ImpactDimension::kLegalRegulatory);
    EXPECT_EQ(ParseImpactDimension("privacy"), std::nullopt);
}

catalog::RiskMatrix Matrix(std::string_view definition) {
    catalog::RiskMatrix m;
    m.urn = "urn:test:risk:matrix";
    m.definition = ParseJsonObject(definition).value();
    return m;
}

TEST(FromRiskMatrix, ThreeByThree) {
    const auto matrix = Matrix(R"({
        "probability": [
            {"id": 0, "abbreviation": "L", "name": "Low", "description": "seldom"},
            {"id": 1, "abbreviation": "M", "name": "Medium"},
            {"id": 2, "abbreviation": "H", "name": "High"}],
        "impact": [
            {"id": 0, "abbreviation": "L", "name": "Low"},
            {"id": 1, "abbreviation": "M", "name": "Medium"},
            {"id": 2, "abbreviation": "H", "name": "High", "description": "serious"}],
        "risk": [
            {"id": 0, "abbreviation": "L", "name": "Low", "hexcolor": "#BBF7D0"},
            {"id": 1, "abbreviation": "M", "name": "Medium", "hexcolor": "#FEF08A"},
            {"id": 2, "abbreviation": "H", "name": "High", "hexcolor": "#F87171"}],
        "grid": [[0, 0, 1], [0, 1, 2], [1, 2, 2]]
    })");
    const Result<RiskMethod> r = FromRiskMatrix(matrix);
    ASSERT_TRUE(r) << Fields(r.error().fields);
    const RiskMethod& m = *r;
    EXPECT_TRUE(Validate(m).empty());
    EXPECT_EQ(m.version, 1);
    ASSERT_EQ(m.likelihood.Size(), 3);
    EXPECT_EQ(m.likelihood.levels[0].label, "Low");
    EXPECT_EQ(m.likelihood.levels[0].description, "seldom");
    EXPECT_EQ(m.impact.levels[2].value, 3);
    EXPECT_EQ(m.impact.levels[2].description, "serious");
    ASSERT_EQ(m.levels.size(), 3U);
    EXPECT_EQ(m.levels[0].id, "low");
    EXPECT_EQ(m.levels[0].colour, "#bbf7d0");
    EXPECT_EQ(m.levels[2].order, 2);
    EXPECT_EQ((*Score(m, 1, 3))->id, "medium");
    EXPECT_EQ((*Score(m, 3, 2))->id, "high");
    // Documented defaults: lowest level needs no treatment, the highest only admin accepts.
    EXPECT_TRUE(m.acceptance.at("low").acceptable_without_treatment);
    EXPECT_FALSE(m.acceptance.at("medium").acceptable_without_treatment);
    EXPECT_TRUE(MayAccept(m, "medium", "risk_owner"));
    EXPECT_FALSE(MayAccept(m, "high", "isms_manager"));
    EXPECT_TRUE(MayAccept(m, "high", "admin"));
}

TEST(FromRiskMatrix, FiveByFiveWithUnusualNames) {
    const auto matrix = Matrix(R"({
        "probability": [{"name": "1"}, {"name": "2"}, {"name": "3"}, {"name": "4"},
                        {"name": "5"}],
        "impact": [{"abbreviation": 1}, {"abbreviation": 2}, {"abbreviation": 3},
                   {"abbreviation": 4}, {"abbreviation": 5}],
        "risk": [
            {"abbreviation": "A", "name": "Very low"},
            {"abbreviation": "B", "name": "Low", "hexcolor": "#0f0"},
            {"abbreviation": "C", "name": "Medium", "hexcolor": "not a colour"},
            {"abbreviation": "D", "name": "Low"},
            {"abbreviation": "E", "name": "Très élevé"}],
        "grid": [[0, 0, 1, 1, 2], [0, 1, 1, 2, 3], [1, 1, 2, 3, 4], [1, 2, 3, 4, 4],
                 [2, 3, 4, 4, 4]]
    })");
    const Result<RiskMethod> r = FromRiskMatrix(matrix);
    ASSERT_TRUE(r) << Fields(r.error().fields);
    const RiskMethod& m = *r;
    ASSERT_EQ(m.impact.Size(), 5);
    EXPECT_EQ(m.impact.levels[0].label, "1");
    ASSERT_EQ(m.levels.size(), 5U);
    EXPECT_EQ(m.levels[0].id, "very_low");
    EXPECT_EQ(m.levels[1].colour, "#00ff00");
    EXPECT_EQ(m.levels[2].colour.size(), 7U);  // a default colour
    EXPECT_EQ(m.levels[3].id, "low_2");
    EXPECT_EQ(m.levels[4].id, "tr_s_lev");
    EXPECT_EQ(m.levels[4].label, "Très élevé");
    EXPECT_EQ((*Score(m, 5, 5))->id, "tr_s_lev");
    EXPECT_EQ((*Score(m, 1, 1))->id, "very_low");
    EXPECT_TRUE(MayAccept(m, "medium", "risk_owner"));
    EXPECT_FALSE(MayAccept(m, "low_2", "risk_owner"));
    EXPECT_TRUE(MayAccept(m, "low_2", "isms_manager"));
    EXPECT_FALSE(MayAccept(m, "tr_s_lev", "isms_manager"));
}

TEST(FromRiskMatrix, ShapeProblemsAreLocated) {
    const auto matrix = Matrix(R"({
        "probability": [{"name": "Low"}, 7],
        "impact": "none",
        "risk": [{"name": "Low"}, {"description": "nameless"}, {"name": ["x"]}],
        "grid": [[0, 3], "row"]
    })");
    const Result<RiskMethod> r = FromRiskMatrix(matrix);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    const auto& problems = r.error().fields;
    EXPECT_EQ(At(problems, "definition.probability[1]"), "must be an object");
    EXPECT_EQ(At(problems, "definition.impact"), "must be an array");
    EXPECT_EQ(At(problems, "definition.risk[1].name"), "a name or an abbreviation is required");
    EXPECT_EQ(At(problems, "definition.risk[2].name"), "must be text");
    EXPECT_EQ(
        At(problems, "definition.grid[0][1]"), "must be the index of one of the 3 risk levels"
    );
    EXPECT_EQ(At(problems, "definition.grid[1]"), "must be an array of risk indexes");
}

TEST(FromRiskMatrix, GridNotCoveringIsRefused) {
    const auto matrix = Matrix(R"({
        "probability": [{"name": "L"}, {"name": "H"}],
        "impact": [{"name": "L"}, {"name": "H"}],
        "risk": [{"name": "Low"}, {"name": "High"}],
        "grid": [[0, 1]]
    })");
    const Result<RiskMethod> r = FromRiskMatrix(matrix);
    ASSERT_FALSE(r);
    EXPECT_NE(At(r.error().fields, "grid[1]"), "<none>") << Fields(r.error().fields);
}

TEST(FromRiskMatrix, TooManyLevelsFailValidation) {
    json::object definition;
    json::array probability;
    json::array grid;
    for (int i = 0; i < 11; ++i) {
        probability.emplace_back(json::object{{"name", fmt::format("P{}", i)}});
        grid.emplace_back(json::array{0, 1});
    }
    definition["probability"] = std::move(probability);
    definition["impact"] = json::array{json::object{{"name", "L"}}, json::object{{"name", "H"}}};
    definition["risk"] = json::array{json::object{{"name", "Low"}}, json::object{{"name", "High"}}};
    definition["grid"] = std::move(grid);
    catalog::RiskMatrix matrix;
    matrix.definition = std::move(definition);
    const Result<RiskMethod> r = FromRiskMatrix(matrix);
    ASSERT_FALSE(r);
    EXPECT_EQ(At(r.error().fields, "likelihood.levels"), "must have from 2 to 10 levels, has 11");
}

}  // namespace
}  // namespace isms::risk
