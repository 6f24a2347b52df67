#include "risk/loss_simulation.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace isms::risk {
namespace {

constexpr int kTrials = 100'000;

LossModel Model(Distribution frequency, Distribution magnitude) {
    return LossModel{frequency, magnitude};
}

bool HasField(const std::vector<FieldError>& errors, const std::string& field) {
    for (const FieldError& e : errors) {
        if (e.field == field) {
            return true;
        }
    }
    return false;
}

void ExpectSame(const SimulationResult& a, const SimulationResult& b) {
    EXPECT_EQ(a.trials, b.trials);
    EXPECT_EQ(a.mean, b.mean);
    EXPECT_EQ(a.std_dev, b.std_dev);
    EXPECT_EQ(a.p10, b.p10);
    EXPECT_EQ(a.p50, b.p50);
    EXPECT_EQ(a.p90, b.p90);
    EXPECT_EQ(a.p95, b.p95);
    EXPECT_EQ(a.p99, b.p99);
    EXPECT_EQ(a.max, b.max);
    EXPECT_EQ(a.probability_of_loss, b.probability_of_loss);
    ASSERT_EQ(a.exceedance.size(), b.exceedance.size());
    for (std::size_t i = 0; i < a.exceedance.size(); ++i) {
        EXPECT_EQ(a.exceedance[i].loss, b.exceedance[i].loss);
        EXPECT_EQ(a.exceedance[i].probability, b.exceedance[i].probability);
    }
}

const LossModel kTypical =
    Model(Distribution::Pert(0.1, 0.5, 3), Distribution::Lognormal90(1e4, 1e6));

TEST(SimulateRisk, SameSeedAndRiskGiveIdenticalResults) {
    ExpectSame(SimulateRisk(kTypical, 42, 7, 20'000), SimulateRisk(kTypical, 42, 7, 20'000));
}

TEST(SimulateRisk, DifferentSeedOrRiskGiveDifferentResults) {
    const SimulationResult base = SimulateRisk(kTypical, 42, 7, 20'000);
    EXPECT_NE(base.mean, SimulateRisk(kTypical, 43, 7, 20'000).mean);
    EXPECT_NE(base.mean, SimulateRisk(kTypical, 42, 8, 20'000).mean);
}

TEST(SimulateRisk, ConstantFrequencyOneAndMagnitudeGiveThatLossOnAverage) {
    // N ~ Poisson(1): the mean annual loss is 1 × 1000; every percentile is a multiple of 1000.
    const auto r =
        SimulateRisk(Model(Distribution::Constant(1), Distribution::Constant(1000)), 1, 1, kTrials);
    EXPECT_NEAR(r.mean, 1000, 1000 * 0.02);
    EXPECT_NEAR(r.std_dev, 1000, 1000 * 0.02);  // Poisson: variance = λ
    EXPECT_NEAR(r.probability_of_loss, 1 - std::exp(-1.0), 0.01);
    EXPECT_EQ(std::fmod(r.p90, 1000.0), 0.0);
}

TEST(SimulateRisk, PertMeanMatchesFormula) {
    // Constant frequency so only the magnitude distribution's mean matters: E = λ·(a+4m+b)/6.
    const double expected = 2 * (1000 + 4 * 5000 + 20000) / 6.0;
    const auto r = SimulateRisk(
        Model(Distribution::Constant(2), Distribution::Pert(1000, 5000, 20000)), 9, 3, kTrials
    );
    EXPECT_NEAR(r.mean, expected, expected * 0.02);
}

TEST(SimulateRisk, PertFrequencyMeanMatchesFormula) {
    const double expected = ((0.5 + 4 * 2 + 10) / 6.0) * 100;
    const auto r = SimulateRisk(
        Model(Distribution::Pert(0.5, 2, 10), Distribution::Constant(100)), 5, 5, kTrials
    );
    EXPECT_NEAR(r.mean, expected, expected * 0.02);
}

TEST(SimulateRisk, LognormalMeanMatchesFormula) {
    // Constant λ = 20: E[annual loss] = λ·exp(μ + σ²/2) with μ, σ from the 90 % interval.
    const auto r = SimulateRisk(
        Model(Distribution::Constant(20), Distribution::Lognormal90(1000, 100000)), 3, 3, kTrials
    );
    const double mu = (std::log(1000.0) + std::log(100000.0)) / 2;
    const double sigma = (std::log(100000.0) - std::log(1000.0)) / (2 * 1.6448536269514722);
    const double expected = 20 * std::exp(mu + sigma * sigma / 2);
    EXPECT_NEAR(r.mean, expected, expected * 0.03);
}

TEST(ExpectedAnnualLoss, IsWhatTheSimulationEstimates) {
    const LossModel model =
        Model(Distribution::Pert(0.1, 0.5, 2), Distribution::Lognormal90(20000, 800000));
    EXPECT_DOUBLE_EQ(Mean(model.frequency), (0.1 + 4 * 0.5 + 2) / 6);
    const double expected = ExpectedAnnualLoss(model);
    const auto r = SimulateRisk(model, 11, 1, kTrials);
    EXPECT_NEAR(r.mean, expected, expected * 0.05);
    EXPECT_DOUBLE_EQ(
        ExpectedAnnualLoss(Model(Distribution::Constant(2), Distribution::Constant(5))), 10
    );
}

TEST(SimulateRisk, LognormalNinetyPercentIntervalIsRespected) {
    // λ = 0.01: 99.5 % of losing years have exactly one event, so conditional on a loss the
    // annual loss is one magnitude draw, whose 5 % / 95 % quantiles must be ≈ low / high.
    const LossModel model =
        Model(Distribution::Constant(0.01), Distribution::Lognormal90(1000, 100000));
    const auto r = SimulateRisk(model, 5, 6, 1'000'000);
    const double p_loss = r.probability_of_loss;
    ASSERT_NEAR(p_loss, 1 - std::exp(-0.01), 0.001);
    // P(X ≥ amount | loss), interpolated in log(loss) between the curve's points.
    auto conditional = [&](double amount) {
        const auto& c = r.exceedance;
        for (std::size_t i = 1; i < c.size(); ++i) {
            if (c[i].loss >= amount) {
                const double w =
                    std::log(amount / c[i - 1].loss) / std::log(c[i].loss / c[i - 1].loss);
                return (c[i - 1].probability + w * (c[i].probability - c[i - 1].probability))
                       / p_loss;
            }
        }
        return 0.0;
    };
    EXPECT_NEAR(conditional(1000), 0.95, 0.02);
    EXPECT_NEAR(conditional(100000), 0.05, 0.02);
    EXPECT_NEAR(conditional(10000), 0.50, 0.03);  // the median √(low·high)
}

TEST(SimulateRisk, ExceedanceCurveIsMonotone) {
    const auto r = SimulateRisk(kTypical, 1, 2, kTrials);
    ASSERT_EQ(r.exceedance.size(), static_cast<std::size_t>(kExceedancePoints));
    for (std::size_t i = 1; i < r.exceedance.size(); ++i) {
        EXPECT_GT(r.exceedance[i].loss, r.exceedance[i - 1].loss);
        EXPECT_LE(r.exceedance[i].probability, r.exceedance[i - 1].probability);
    }
    EXPECT_NEAR(r.exceedance.front().probability, r.probability_of_loss, 1e-12);
    EXPECT_EQ(r.exceedance.back().loss, r.max);
    EXPECT_LE(r.p10, r.p50);
    EXPECT_LE(r.p50, r.p90);
    EXPECT_LE(r.p90, r.p95);
    EXPECT_LE(r.p95, r.p99);
    EXPECT_LE(r.p99, r.max);
}

TEST(SimulateRisk, ZeroFrequencyGivesZeroLoss) {
    const auto r =
        SimulateRisk(Model(Distribution::Constant(0), Distribution::Pert(1, 2, 3)), 1, 1, 1000);
    EXPECT_EQ(r.mean, 0);
    EXPECT_EQ(r.max, 0);
    EXPECT_EQ(r.probability_of_loss, 0);
    EXPECT_TRUE(r.exceedance.empty());
    const auto pert_zero =
        SimulateRisk(Model(Distribution::Pert(0, 0, 0), Distribution::Constant(5)), 1, 1, 1000);
    EXPECT_EQ(pert_zero.mean, 0);
}

TEST(SimulateRisk, HighFrequencyUsesApproximationsSensibly) {
    // λ = 5000 (normal Poisson, CLT sum): mean = λ·E[X] within 1 %.
    const auto r = SimulateRisk(
        Model(Distribution::Constant(5000), Distribution::Pert(10, 20, 60)), 2, 2, 20'000
    );
    const double expected = 5000 * (10 + 80 + 60) / 6.0;
    EXPECT_NEAR(r.mean, expected, expected * 0.01);
}

TEST(SimulateRegister, ThreadCountDoesNotChangeResults) {
    std::vector<std::pair<std::int64_t, LossModel>> risks;
    for (std::int64_t id = 1; id <= 25; ++id) {
        const double scale = static_cast<double>(id);
        risks.emplace_back(
            id,
            id % 2 == 0
                ? Model(
                    Distribution::Pert(0.1, 0.3 * scale, 10 * scale),
                    Distribution::Lognormal90(100, 1e5)
                )
                : Model(
                    Distribution::Lognormal90(0.05, 2), Distribution::Pert(1000, 2000 * scale, 1e5)
                )
        );
    }
    const auto one = SimulateRegister(risks, 99, 20'000, 1);
    ExpectSame(one, SimulateRegister(risks, 99, 20'000, 2));
    ExpectSame(one, SimulateRegister(risks, 99, 20'000, 7));
}

TEST(SimulateRegister, SingleRiskEqualsSimulateRisk) {
    const std::vector<std::pair<std::int64_t, LossModel>> risks = {{17, kTypical}};
    ExpectSame(SimulateRegister(risks, 5, 10'000, 2), SimulateRisk(kTypical, 5, 17, 10'000));
}

TEST(SimulateRegister, AleIsTheSumOfRiskAles) {
    const std::vector<std::pair<std::int64_t, LossModel>> risks = {
        {1, kTypical}, {2, Model(Distribution::Constant(1), Distribution::Constant(1000))}};
    const auto total = SimulateRegister(risks, 8, 10'000, 2);
    const double sum = SimulateRisk(risks[0].second, 8, 1, 10'000).mean
                       + SimulateRisk(risks[1].second, 8, 2, 10'000).mean;
    EXPECT_NEAR(total.mean, sum, 0.01);  // trial-aligned sum: equal up to cent rounding
}

TEST(SimulateRegister, EmptyRegisterLosesNothing) {
    const auto r = SimulateRegister({}, 1, 100, 2);
    EXPECT_EQ(r.trials, 100);
    EXPECT_EQ(r.mean, 0);
    EXPECT_TRUE(r.exceedance.empty());
}

TEST(Validate, NamesEveryBadField) {
    const auto errors =
        Validate(Model(Distribution::Pert(-1, 2, 3), Distribution::Pert(10, 50, 20)), "fair");
    EXPECT_TRUE(HasField(errors, "fair.frequency.min"));
    EXPECT_TRUE(HasField(errors, "fair.magnitude.most_likely"));
    EXPECT_EQ(errors.size(), 2U);
}

TEST(Validate, RejectsInvertedAndDegenerateIntervals) {
    const auto inverted =
        Validate(Model(Distribution::Pert(5, 5, 1), Distribution::Lognormal90(10, 10)), "");
    EXPECT_TRUE(HasField(inverted, "frequency.min"));
    EXPECT_TRUE(HasField(inverted, "magnitude.low"));
    const auto nonpositive =
        Validate(Model(Distribution::Constant(-1), Distribution::Lognormal90(0, 10)), "");
    EXPECT_TRUE(HasField(nonpositive, "frequency.value"));
    EXPECT_TRUE(HasField(nonpositive, "magnitude.low"));
    const auto infinite = Validate(
        Model(
            Distribution::Constant(1),
            Distribution::Constant(std::numeric_limits<double>::infinity())
        ),
        ""
    );
    EXPECT_TRUE(HasField(infinite, "magnitude.value"));
    EXPECT_TRUE(Validate(kTypical, "").empty());
}

TEST(LossModelJson, RoundTrips) {
    const json::value v = LossModelToJson(kTypical);
    const auto back = LossModelFromJson(v);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->frequency.kind, DistributionKind::kPert);
    EXPECT_EQ(back->frequency.most_likely, 0.5);
    EXPECT_EQ(back->magnitude.kind, DistributionKind::kLognormal);
    EXPECT_EQ(back->magnitude.high, 1e6);
}

TEST(LossModelJson, ReportsAllProblemsByField) {
    const auto parsed = ParseJson(
        R"({"frequency": {"type": "pert", "min": 3, "most_likely": "x", "max": 1},
            "magnitude": {"type": "triangular"}})"
    );
    ASSERT_TRUE(parsed);
    const auto model = LossModelFromJson(*parsed);
    ASSERT_FALSE(model);
    EXPECT_EQ(model.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(HasField(model.error().fields, "frequency.most_likely"));
    EXPECT_TRUE(HasField(model.error().fields, "magnitude.type"));

    const auto inverted = LossModelFromJson(*ParseJson(
        R"({"frequency": {"type": "pert", "min": 3, "most_likely": 2, "max": 1},
            "magnitude": {"type": "lognormal", "low": -5, "high": 10}})"
    ));
    ASSERT_FALSE(inverted);
    EXPECT_TRUE(HasField(inverted.error().fields, "frequency.min"));
    EXPECT_TRUE(HasField(inverted.error().fields, "magnitude.low"));

    const auto missing = LossModelFromJson(*ParseJson(R"({"magnitude": 5})"));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(HasField(missing.error().fields, "frequency"));
    EXPECT_TRUE(HasField(missing.error().fields, "magnitude"));
    EXPECT_FALSE(LossModelFromJson(json::value(3)));
}

TEST(ResultJson, HasTheDocumentedShape) {
    const auto r = SimulateRisk(kTypical, 1, 1, 1000);
    const json::object o = ResultToJson(r);
    EXPECT_EQ(o.at("trials").as_int64(), 1000);
    EXPECT_EQ(o.at("ale").as_double(), r.mean);
    EXPECT_EQ(o.at("percentiles").at("p95").as_double(), r.p95);
    EXPECT_EQ(o.at("exceedance").as_array().size(), r.exceedance.size());
    EXPECT_TRUE(o.at("exceedance").at(0).as_object().contains("probability"));
}

}  // namespace
}  // namespace isms::risk
