#include "risk/loss_simulation.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <string>
#include <thread>

#include "core/assert.hpp"

namespace isms::risk {
namespace {

constexpr int kCellBits = 12;
constexpr std::size_t kCells = std::size_t{1} << kCellBits;  // inverse-CDF table cells
constexpr int kFracBits = 64 - kCellBits;
constexpr std::uint64_t kFracMask = (std::uint64_t{1} << kFracBits) - 1;
constexpr double kFracScale = 0x1p-52;  // 2^-kFracBits
static_assert(kFracBits == 52);
constexpr std::size_t kPertGrid = 4096;      // trapezoid steps over the Beta density
constexpr double kZ95 = 1.6448536269514722;  // Φ⁻¹(0.95): a 90 % interval spans ±kZ95·σ
constexpr double kNormalPoissonAbove = 30.0;
constexpr std::size_t kMaxPoissonSteps = 200;  // rounding guard; P(N > 200 | λ ≤ 30) ≈ 0
constexpr double kMaxRate = 1e9;               // clamps extreme lognormal tail rates
constexpr double kMaxEvents = 1e12;
constexpr std::int64_t kCltAbove = 1000;
// Largest double below 2^63: conversions of anything at or above it saturate.
constexpr double kMaxCentsAsDouble = 9.2e18;

// splitmix64 (Steele, Lea, Flood 2014): seeds xoshiro and mixes (seed, risk id).
std::uint64_t SplitMix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
}

// xoshiro256** (Blackman, Vigna 2018): 4 words of state, ~1 ns per 64-bit output.
class Rng {
public:
    Rng(std::uint64_t seed, std::int64_t risk_id) {
        std::uint64_t id_state = static_cast<std::uint64_t>(risk_id);
        std::uint64_t state = seed ^ SplitMix(id_state);
        for (auto& word : s_) {
            word = SplitMix(state);
        }
    }

    std::uint64_t Next() {
        const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17U;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = Rotl(s_[3], 45);
        return result;
    }

    double Uniform() { return static_cast<double>(Next() >> 11U) * 0x1p-53; }

private:
    static std::uint64_t Rotl(std::uint64_t x, int k) {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }

    std::array<std::uint64_t, 4> s_{};
};

// Φ⁻¹(p) for 0 < p < 1: Acklam's rational approximation plus one Halley step (|error| < 1e-14).
double NormalQuantile(double p) {
    constexpr std::array<double, 6> a = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00};
    constexpr std::array<double, 5> b = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01};
    constexpr std::array<double, 6> c = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00};
    constexpr std::array<double, 4> d = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double kLow = 0.02425;
    double x = 0;
    if (p < kLow || p > 1 - kLow) {
        const double q = std::sqrt(-2 * std::log(p < kLow ? p : 1 - p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        if (p > 1 - kLow) {
            x = -x;
        }
    } else {
        const double q = p - 0.5;
        const double r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

// Φ⁻¹(i / kCells) for i in [1, kCells - 1]; the two ends are ∓∞ and never read.
const std::vector<double>& StandardNormalTable() {
    static const std::vector<double> table = [] {
        std::vector<double> t(kCells + 1, 0.0);
        for (std::size_t i = 1; i < kCells; ++i) {
            t[i] = NormalQuantile(static_cast<double>(i) / static_cast<double>(kCells));
        }
        return t;
    }();
    return table;
}

// (ln x, ln(1 - x)) at x = j / kPertGrid, shared by every PERT build (one exp per grid point).
const std::vector<std::pair<double, double>>& PertGridLogs() {
    static const std::vector<std::pair<double, double>> table = [] {
        std::vector<std::pair<double, double>> t(kPertGrid + 1, {0.0, 0.0});
        for (std::size_t j = 1; j < kPertGrid; ++j) {
            const double x = static_cast<double>(j) / static_cast<double>(kPertGrid);
            t[j] = {std::log(x), std::log1p(-x)};
        }
        return t;
    }();
    return table;
}

// A standard normal draw: table interpolation inside, exact quantile in the two end cells.
double DrawNormal(Rng& rng, const std::vector<double>& z) {
    const std::uint64_t r = rng.Next();
    const std::size_t cell = static_cast<std::size_t>(r >> static_cast<unsigned>(kFracBits));
    const double frac = static_cast<double>(r & kFracMask) * kFracScale;
    if (cell == 0) {
        return NormalQuantile(std::max(frac, 0x1p-52) / static_cast<double>(kCells));
    }
    if (cell == kCells - 1) {
        return -NormalQuantile((1 - frac) / static_cast<double>(kCells));
    }
    return z[cell] + frac * (z[cell + 1] - z[cell]);
}

// Inverse-CDF sampler of one Distribution; storage is reused across risks so that a worker
// allocates once per register, not once per risk.
class Sampler {
public:
    Sampler() : quantiles_(kCells + 1), cells_(kCells), cdf_(kPertGrid + 1) {}

    // Fills the tables for `d`; with `with_exp_neg` also e^-q for the Poisson search.
    void Build(const Distribution& d, bool with_exp_neg) {
        constant_ = false;
        exact_top_ = false;
        switch (d.kind) {
            case DistributionKind::kConstant:
                BuildConstant(d.value);
                break;
            case DistributionKind::kPert:
                BuildPert(d.min, d.most_likely, d.max);
                break;
            case DistributionKind::kLognormal:
                BuildLognormal(d.low, d.high);
                break;
        }
        mean_ = risk::Mean(d);
        // One 32-byte cell per lookup: value and e^-value with their slopes, so a draw touches a
        // single cache line.
        double exp_neg = with_exp_neg ? std::exp(-quantiles_[0]) : 0;
        for (std::size_t i = 0; i < kCells; ++i) {
            const double next_exp_neg = with_exp_neg ? std::exp(-quantiles_[i + 1]) : 0;
            cells_[i] = Cell{
                quantiles_[i], quantiles_[i + 1] - quantiles_[i], exp_neg, next_exp_neg - exp_neg};
            exp_neg = next_exp_neg;
        }
    }

    [[nodiscard]] bool IsConstant() const { return constant_; }
    [[nodiscard]] double ConstantValue() const { return constant_value_; }
    [[nodiscard]] double Mean() const { return mean_; }
    [[nodiscard]] double StdDev() const { return std_dev_; }

    double Draw(Rng& rng) const {
        if (constant_) {
            return constant_value_;
        }
        const std::uint64_t r = rng.Next();
        const std::size_t cell = static_cast<std::size_t>(r >> static_cast<unsigned>(kFracBits));
        const double frac = static_cast<double>(r & kFracMask) * kFracScale;
        if (exact_top_ && cell == kCells - 1) {
            return TopCell(frac);
        }
        const Cell& c = cells_[cell];
        return c.value + frac * c.value_step;
    }

    // A rate and its e^-rate, interpolated with the same position (see the header comment).
    std::pair<double, double> DrawWithExpNeg(Rng& rng) const {
        if (constant_) {
            return {constant_value_, constant_exp_neg_};
        }
        const std::uint64_t r = rng.Next();
        const std::size_t cell = static_cast<std::size_t>(r >> static_cast<unsigned>(kFracBits));
        const double frac = static_cast<double>(r & kFracMask) * kFracScale;
        if (exact_top_ && cell == kCells - 1) {
            const double rate = TopCell(frac);
            return {rate, std::exp(-rate)};
        }
        const Cell& c = cells_[cell];
        return {c.value + frac * c.value_step, c.exp_neg + frac * c.exp_neg_step};
    }

private:
    void BuildConstant(double value) {
        constant_ = true;
        constant_value_ = value;
        constant_exp_neg_ = std::exp(-value);
        std::fill(quantiles_.begin(), quantiles_.end(), value);
        std_dev_ = 0;
    }

    // PERT = lo + (hi - lo)·Beta(α, β), α = 1 + 4(ml - lo)/(hi - lo), β = 1 + 4(hi - ml)/(hi - lo).
    void BuildPert(double lo, double ml, double hi) {
        if (!(hi > lo)) {
            BuildConstant(lo);
            return;
        }
        const double range = hi - lo;
        const double alpha = 1 + 4 * (ml - lo) / range;
        const double beta = 1 + 4 * (hi - ml) / range;
        const double h = 1.0 / static_cast<double>(kPertGrid);
        auto density = [&](std::size_t j) {
            if (j == 0) {
                return alpha == 1 ? 1.0 : 0.0;
            }
            if (j == kPertGrid) {
                return beta == 1 ? 1.0 : 0.0;
            }
            const auto& [log_x, log_1mx] = PertGridLogs()[j];
            return std::exp((alpha - 1) * log_x + (beta - 1) * log_1mx);
        };
        cdf_[0] = 0;
        double previous = density(0);
        for (std::size_t j = 1; j <= kPertGrid; ++j) {
            const double current = density(j);
            cdf_[j] = cdf_[j - 1] + (previous + current) / 2;
            previous = current;
        }
        const double total = cdf_[kPertGrid];
        // Methods validate ml in [lo, hi], so α, β ∈ [1, 5] and the density integrates to > 0.
        ISMS_ASSERT(total > 0, "PERT density integrated to zero");
        std::size_t j = 0;
        quantiles_[0] = lo;
        quantiles_[kCells] = hi;
        for (std::size_t i = 1; i < kCells; ++i) {
            const double p = total * static_cast<double>(i) / static_cast<double>(kCells);
            while (j + 1 < kPertGrid && cdf_[j + 1] < p) {
                ++j;
            }
            const double width = cdf_[j + 1] - cdf_[j];
            const double within = width > 0 ? std::clamp((p - cdf_[j]) / width, 0.0, 1.0) : 0.0;
            quantiles_[i] = lo + range * (static_cast<double>(j) + within) * h;
        }
        const double ab = alpha + beta;
        std_dev_ = range * std::sqrt(alpha * beta / (ab * ab * (ab + 1)));
    }

    void BuildLognormal(double low, double high) {
        mu_ = (std::log(low) + std::log(high)) / 2;
        sigma_ = (std::log(high) - std::log(low)) / (2 * kZ95);
        const std::vector<double>& z = StandardNormalTable();
        quantiles_[0] = 0;
        for (std::size_t i = 1; i < kCells; ++i) {
            quantiles_[i] = std::exp(mu_ + sigma_ * z[i]);
        }
        // Never interpolated towards: the top cell is computed exactly (TopCell).
        quantiles_[kCells] = quantiles_[kCells - 1];
        exact_top_ = true;
        const double s2 = sigma_ * sigma_;
        std_dev_ = std::sqrt(std::expm1(s2)) * std::exp(mu_ + s2 / 2);
    }

    // Exact lognormal quantile for p = (kCells - 1 + frac) / kCells, written via 1 - p.
    [[nodiscard]] double TopCell(double frac) const {
        return std::exp(mu_ - sigma_ * NormalQuantile((1 - frac) / static_cast<double>(kCells)));
    }

    struct Cell {
        double value;
        double value_step;
        double exp_neg;
        double exp_neg_step;
    };

    std::vector<double> quantiles_;
    std::vector<Cell> cells_;
    std::vector<double> cdf_;
    bool constant_ = false;
    bool exact_top_ = false;
    double constant_value_ = 0;
    double constant_exp_neg_ = 1;
    double mu_ = 0;
    double sigma_ = 0;
    double mean_ = 0;
    double std_dev_ = 0;
};

// N ~ Poisson(rate) for rate > kNormalPoissonAbove, by the normal approximation.
std::int64_t DrawLargePoisson(double rate, Rng& rng, const std::vector<double>& z) {
    rate = std::min(rate, kMaxRate);
    const double n = std::round(rate + std::sqrt(rate) * DrawNormal(rng, z));
    return static_cast<std::int64_t>(std::clamp(n, 0.0, kMaxEvents));
}

// 1/k for the Poisson search: a multiply instead of a division per step.
const std::array<double, kMaxPoissonSteps + 1>& Reciprocals() {
    static const std::array<double, kMaxPoissonSteps + 1> table = [] {
        std::array<double, kMaxPoissonSteps + 1> t{};
        for (std::size_t k = 1; k < t.size(); ++k) {
            t[k] = 1.0 / static_cast<double>(k);
        }
        return t;
    }();
    return table;
}

std::int64_t ToCents(double money) {
    const double cents = money * 100;
    if (!(cents < kMaxCentsAsDouble)) {  // also NaN from ∞ - ∞ in absurd tails
        return kMaxAnnualLossCents;
    }
    return static_cast<std::int64_t>(std::max(cents, 0.0) + 0.5);  // branch-free: max is one op
}

// Both operands are non-negative, so saturating addition stays associative and commutative:
// register sums do not depend on the order in which workers add their risks.
std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
    return a > kMaxAnnualLossCents - b ? kMaxAnnualLossCents : a + b;
}

// Per-worker scratch: samplers reused across risks.
struct Workspace {
    Sampler frequency;
    Sampler magnitude;
};

// Adds trial t of risk (seed, risk_id) to acc[t], for every t.
void AccumulateRisk(
    const LossModel& model,
    std::uint64_t seed,
    std::int64_t risk_id,
    std::span<std::int64_t> acc,
    Workspace& ws
) {
    ws.frequency.Build(model.frequency, true);
    ws.magnitude.Build(model.magnitude, false);
    if (ws.frequency.IsConstant() && ws.frequency.ConstantValue() == 0) {
        return;
    }
    if (ws.magnitude.IsConstant() && ws.magnitude.ConstantValue() == 0) {
        return;
    }
    const std::vector<double>& z = StandardNormalTable();
    Rng rng(seed, risk_id);
    const Sampler& magnitude = ws.magnitude;
    const auto& reciprocal = Reciprocals();
    for (std::int64_t& slot : acc) {
        const auto [rate, exp_neg] = ws.frequency.DrawWithExpNeg(rng);
        double loss = 0;
        if (rate > kNormalPoissonAbove) {
            const std::int64_t events = DrawLargePoisson(rate, rng, z);
            const auto n = static_cast<double>(events);
            if (events > kCltAbove) {
                loss =
                    n * magnitude.Mean() + std::sqrt(n) * magnitude.StdDev() * DrawNormal(rng, z);
            } else {
                for (std::int64_t e = 0; e < events; ++e) {
                    loss += magnitude.Draw(rng);
                }
            }
        } else if (rate > 0) {
            // Poisson by sequential search from one uniform; each step past P(N < k) is one
            // more event, so its magnitude is drawn in the same loop (one unpredictable branch
            // per trial instead of two).
            const double u = rng.Uniform();
            double p = exp_neg;
            double cdf = p;
            for (std::size_t k = 1; u >= cdf && k <= kMaxPoissonSteps; ++k) {
                p *= rate * reciprocal[k];
                cdf += p;
                loss += magnitude.Draw(rng);
            }
        }
        slot = SaturatingAdd(slot, ToCents(loss));
    }
}

// LSD radix sort of non-negative values, 8 bits per pass, skipping passes where every value
// shares the digit (typical losses use 5 of the 8 bytes). Faster than std::sort at 1e5 values.
void RadixSort(std::vector<std::int64_t>& values) {
    std::vector<std::int64_t> scratch(values.size());
    for (unsigned shift = 0; shift < 64; shift += 8) {
        std::array<std::size_t, 257> count{};
        for (const std::int64_t v : values) {
            ++count[((static_cast<std::uint64_t>(v) >> shift) & 0xFFU) + 1];
        }
        if (std::find(count.begin(), count.end(), values.size()) != count.end()) {
            continue;
        }
        for (std::size_t i = 1; i < count.size(); ++i) {
            count[i] += count[i - 1];
        }
        for (const std::int64_t v : values) {
            scratch[count[(static_cast<std::uint64_t>(v) >> shift) & 0xFFU]++] = v;
        }
        values.swap(scratch);
    }
}

double Percentile(const std::vector<std::int64_t>& sorted, double p) {
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(h);
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const auto a = static_cast<double>(sorted[lo]);
    const auto b = static_cast<double>(sorted[hi]);
    return (a + (h - static_cast<double>(lo)) * (b - a)) / 100;
}

SimulationResult Summarize(std::vector<std::int64_t> cents) {
    ISMS_ASSERT(!cents.empty(), "simulation with zero trials");
    RadixSort(cents);
    const auto n = static_cast<double>(cents.size());
    SimulationResult result;
    result.trials = static_cast<int>(cents.size());
    double sum = 0;
    for (const std::int64_t c : cents) {
        sum += static_cast<double>(c);
    }
    const double mean = sum / n;
    double squares = 0;
    for (const std::int64_t c : cents) {
        const double d = static_cast<double>(c) - mean;
        squares += d * d;
    }
    result.mean = mean / 100;
    result.std_dev = cents.size() > 1 ? std::sqrt(squares / (n - 1)) / 100 : 0;
    result.p10 = Percentile(cents, 0.10);
    result.p50 = Percentile(cents, 0.50);
    result.p90 = Percentile(cents, 0.90);
    result.p95 = Percentile(cents, 0.95);
    result.p99 = Percentile(cents, 0.99);
    result.max = static_cast<double>(cents.back()) / 100;
    const auto first_loss = std::upper_bound(cents.begin(), cents.end(), std::int64_t{0});
    const auto losing = static_cast<double>(cents.end() - first_loss);
    result.probability_of_loss = losing / n;
    if (first_loss == cents.end()) {
        return result;
    }
    const auto lo = static_cast<double>(*first_loss);
    const auto hi = static_cast<double>(cents.back());
    const int points = lo == hi ? 1 : kExceedancePoints;
    result.exceedance.reserve(static_cast<std::size_t>(points));
    for (int k = 0; k < points; ++k) {
        double amount = hi;
        if (k == 0) {
            amount = lo;
        } else if (k < points - 1) {
            amount = lo * std::pow(hi / lo, static_cast<double>(k) / (points - 1));
        }
        // ceil keeps "≥ amount" exact on integer cents; amounts increase, so counts cannot.
        const auto threshold = static_cast<std::int64_t>(std::ceil(amount));
        const auto at = std::lower_bound(cents.begin(), cents.end(), threshold);
        result.exceedance.push_back({amount / 100, static_cast<double>(cents.end() - at) / n});
    }
    return result;
}

// --- validation ------------------------------------------------------------------------------

std::string Join(std::string_view prefix, std::string_view name) {
    if (prefix.empty()) {
        return std::string(name);
    }
    std::string out(prefix);
    out += '.';
    out += name;
    return out;
}

// Checks one number; returns whether it is usable for the relational checks.
bool CheckNumber(
    double v, double limit, bool positive, const std::string& field, std::vector<FieldError>& out
) {
    if (!std::isfinite(v)) {
        out.push_back({field, "must be a finite number"});
        return false;
    }
    if (v < 0) {
        out.push_back({field, "must not be negative"});
        return false;
    }
    if (positive && v == 0) {
        out.push_back({field, "must be greater than 0"});
        return false;
    }
    if (v > limit) {
        out.push_back({field, "must not exceed " + std::to_string(limit)});
        return false;
    }
    return true;
}

void ValidateDistribution(
    const Distribution& d, double limit, const std::string& prefix, std::vector<FieldError>& out
) {
    switch (d.kind) {
        case DistributionKind::kConstant:
            CheckNumber(d.value, limit, false, Join(prefix, "value"), out);
            return;
        case DistributionKind::kPert: {
            const bool ok_min = CheckNumber(d.min, limit, false, Join(prefix, "min"), out);
            const bool ok_ml =
                CheckNumber(d.most_likely, limit, false, Join(prefix, "most_likely"), out);
            const bool ok_max = CheckNumber(d.max, limit, false, Join(prefix, "max"), out);
            if (ok_min && ok_max && d.min > d.max) {
                out.push_back({Join(prefix, "min"), "must not exceed max"});
                return;
            }
            if (ok_min && ok_ml && ok_max && (d.most_likely < d.min || d.most_likely > d.max)) {
                out.push_back({Join(prefix, "most_likely"), "must lie between min and max"});
            }
            return;
        }
        case DistributionKind::kLognormal: {
            const bool ok_low = CheckNumber(d.low, limit, true, Join(prefix, "low"), out);
            const bool ok_high = CheckNumber(d.high, limit, true, Join(prefix, "high"), out);
            if (ok_low && ok_high && d.low >= d.high) {
                out.push_back({Join(prefix, "low"), "must be less than high"});
            }
            return;
        }
    }
    ISMS_UNREACHABLE();
}

// --- JSON input ------------------------------------------------------------------------------

const char* KindName(DistributionKind kind) {
    switch (kind) {
        case DistributionKind::kConstant:
            return "constant";
        case DistributionKind::kPert:
            return "pert";
        case DistributionKind::kLognormal:
            return "lognormal";
    }
    ISMS_UNREACHABLE();
}

double ReadNumber(
    const json::object& o,
    std::string_view key,
    const std::string& prefix,
    std::vector<FieldError>& out,
    bool& ok
) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr) {
        out.push_back({Join(prefix, key), "is required"});
        ok = false;
        return 0;
    }
    if (!v->is_number()) {
        out.push_back({Join(prefix, key), "must be a number"});
        ok = false;
        return 0;
    }
    return v->to_number<double>();
}

// Reads one distribution; appends parse and validation problems.
Distribution ReadDistribution(
    const json::object& parent, std::string_view key, double limit, std::vector<FieldError>& out
) {
    const std::string prefix(key);
    const json::value* v = parent.if_contains(key);
    if (v == nullptr) {
        out.push_back({prefix, "is required"});
        return {};
    }
    if (!v->is_object()) {
        out.push_back({prefix, "must be an object"});
        return {};
    }
    const json::object& o = v->get_object();
    const json::value* type = o.if_contains("type");
    if (type == nullptr) {
        out.push_back({Join(prefix, "type"), "is required"});
        return {};
    }
    const std::string_view name = type->is_string() ? std::string_view(type->get_string()) : "";
    Distribution d;
    bool ok = true;
    if (name == "constant") {
        d = Distribution::Constant(ReadNumber(o, "value", prefix, out, ok));
    } else if (name == "pert") {
        const double min = ReadNumber(o, "min", prefix, out, ok);
        const double ml = ReadNumber(o, "most_likely", prefix, out, ok);
        const double max = ReadNumber(o, "max", prefix, out, ok);
        d = Distribution::Pert(min, ml, max);
    } else if (name == "lognormal") {
        const double low = ReadNumber(o, "low", prefix, out, ok);
        const double high = ReadNumber(o, "high", prefix, out, ok);
        d = Distribution::Lognormal90(low, high);
    } else {
        out.push_back({Join(prefix, "type"), "must be one of constant, pert, lognormal"});
        return {};
    }
    if (ok) {
        ValidateDistribution(d, limit, prefix, out);
    }
    return d;
}

json::object DistributionToJson(const Distribution& d) {
    json::object o;
    o["type"] = KindName(d.kind);
    switch (d.kind) {
        case DistributionKind::kConstant:
            o["value"] = d.value;
            break;
        case DistributionKind::kPert:
            o["min"] = d.min;
            o["most_likely"] = d.most_likely;
            o["max"] = d.max;
            break;
        case DistributionKind::kLognormal:
            o["low"] = d.low;
            o["high"] = d.high;
            break;
    }
    return o;
}

}  // namespace

double Mean(const Distribution& d) {
    switch (d.kind) {
        case DistributionKind::kConstant:
            return d.value;
        case DistributionKind::kPert:
            return (d.min + 4 * d.most_likely + d.max) / 6;
        case DistributionKind::kLognormal: {
            const double mu = (std::log(d.low) + std::log(d.high)) / 2;
            const double sigma = (std::log(d.high) - std::log(d.low)) / (2 * kZ95);
            return std::exp(mu + sigma * sigma / 2);
        }
    }
    return 0;
}

double ExpectedAnnualLoss(const LossModel& model) {
    return Mean(model.frequency) * Mean(model.magnitude);
}

Distribution Distribution::Constant(double value) {
    Distribution d;
    d.kind = DistributionKind::kConstant;
    d.value = value;
    return d;
}

Distribution Distribution::Pert(double min, double most_likely, double max) {
    Distribution d;
    d.kind = DistributionKind::kPert;
    d.min = min;
    d.most_likely = most_likely;
    d.max = max;
    return d;
}

Distribution Distribution::Lognormal90(double low, double high) {
    Distribution d;
    d.kind = DistributionKind::kLognormal;
    d.low = low;
    d.high = high;
    return d;
}

std::vector<FieldError> Validate(const LossModel& model, std::string_view prefix) {
    std::vector<FieldError> out;
    ValidateDistribution(model.frequency, kMaxFrequency, Join(prefix, "frequency"), out);
    ValidateDistribution(model.magnitude, kMaxMagnitude, Join(prefix, "magnitude"), out);
    return out;
}

SimulationResult SimulateRisk(
    const LossModel& model, std::uint64_t seed, std::int64_t risk_id, int trials
) {
    ISMS_ASSERT(trials >= 1, "callers validate the trial count");
    ISMS_ASSERT(Validate(model, "").empty(), "callers validate models before simulating");
    std::vector<std::int64_t> cents(static_cast<std::size_t>(trials), 0);
    Workspace ws;
    AccumulateRisk(model, seed, risk_id, cents, ws);
    return Summarize(std::move(cents));
}

SimulationResult SimulateRegister(
    std::span<const std::pair<std::int64_t, LossModel>> risks,
    std::uint64_t seed,
    int trials,
    int threads
) {
    ISMS_ASSERT(trials >= 1, "callers validate the trial count");
    const auto size = static_cast<std::size_t>(trials);
    const std::size_t workers = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::max(threads, 1)), 1, std::max<std::size_t>(risks.size(), 1)
    );
    std::vector<std::vector<std::int64_t>> partial(workers);
    std::atomic<std::size_t> next{0};
    auto work = [&](std::size_t w) {
        partial[w].assign(size, 0);
        Workspace ws;
        for (std::size_t i = next.fetch_add(1); i < risks.size(); i = next.fetch_add(1)) {
            ISMS_ASSERT(
                Validate(risks[i].second, "").empty(), "callers validate models before simulating"
            );
            AccumulateRisk(risks[i].second, seed, risks[i].first, partial[w], ws);
        }
    };
    {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t w = 1; w < workers; ++w) {
            pool.emplace_back(work, w);
        }
        work(0);
    }  // joins
    std::vector<std::int64_t>& total = partial[0];
    for (std::size_t w = 1; w < workers; ++w) {
        for (std::size_t t = 0; t < size; ++t) {
            total[t] = SaturatingAdd(total[t], partial[w][t]);
        }
    }
    return Summarize(std::move(total));
}

json::object ResultToJson(const SimulationResult& result) {
    json::object o;
    o["trials"] = result.trials;
    o["ale"] = result.mean;
    o["std_dev"] = result.std_dev;
    o["percentiles"] = json::object{
        {"p10", result.p10},
        {"p50", result.p50},
        {"p90", result.p90},
        {"p95", result.p95},
        {"p99", result.p99}};
    o["max"] = result.max;
    o["probability_of_loss"] = result.probability_of_loss;
    json::array curve;
    curve.reserve(result.exceedance.size());
    for (const ExceedancePoint& point : result.exceedance) {
        curve.push_back(json::object{{"loss", point.loss}, {"probability", point.probability}});
    }
    o["exceedance"] = std::move(curve);
    return o;
}

json::object LossModelToJson(const LossModel& model) {
    return json::object{
        {"frequency", DistributionToJson(model.frequency)},
        {"magnitude", DistributionToJson(model.magnitude)}};
}

Result<LossModel> LossModelFromJson(const json::value& value) {
    if (!value.is_object()) {
        return Error::Invalid("", "a loss model must be a JSON object");
    }
    std::vector<FieldError> problems;
    LossModel model;
    model.frequency = ReadDistribution(value.get_object(), "frequency", kMaxFrequency, problems);
    model.magnitude = ReadDistribution(value.get_object(), "magnitude", kMaxMagnitude, problems);
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return model;
}

}  // namespace isms::risk
