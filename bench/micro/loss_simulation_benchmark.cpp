// Micro-benchmarks of the FAIR Monte Carlo simulation (issue 4 targets, bench/RESULTS.md): one
// risk × 100,000 trials (target ≤ 10 ms) and a register of N risks × 100,000 trials on two
// threads (target for 10,000 risks ≤ 10 s). Risks mix PERT and lognormal parameters with
// typical FAIR magnitudes (0.05–5 events per year, 1e3–1e7 per event).
#include <cstdint>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "risk/loss_simulation.hpp"

namespace {

using namespace isms::risk;  // NOLINT(google-build-using-namespace): benchmark file

constexpr int kTrials = 100'000;

LossModel TypicalModel(std::int64_t id) {
    const double scale = 1 + static_cast<double>(id % 10);
    if (id % 2 == 0) {
        return LossModel{
            Distribution::Pert(0.05, 0.3 * scale / 5, scale / 2),
            Distribution::Lognormal90(1e3 * scale, 1e6 * scale)};
    }
    return LossModel{
        Distribution::Lognormal90(0.05, scale / 2), Distribution::Pert(1e3, 2e4 * scale, 1e7)};
}

std::vector<std::pair<std::int64_t, LossModel>> Register(std::int64_t size) {
    std::vector<std::pair<std::int64_t, LossModel>> risks;
    risks.reserve(static_cast<std::size_t>(size));
    for (std::int64_t id = 1; id <= size; ++id) {
        risks.emplace_back(id, TypicalModel(id));
    }
    return risks;
}

void BM_SimulateOneRisk(benchmark::State& state) {
    const LossModel model = TypicalModel(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(SimulateRisk(model, 42, 1, kTrials));
    }
}
BENCHMARK(BM_SimulateOneRisk)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// Arguments: risks, threads. Reports nanoseconds per risk-trial per thread as a counter.
void BM_SimulateRegister(benchmark::State& state) {
    const auto risks = Register(state.range(0));
    const auto threads = static_cast<int>(state.range(1));
    for (auto _ : state) {
        benchmark::DoNotOptimize(SimulateRegister(risks, 42, kTrials, threads));
    }
    state.counters["risk_trials"] = benchmark::Counter(
        static_cast<double>(state.range(0)) * kTrials, benchmark::Counter::kIsIterationInvariantRate
    );
}
BENCHMARK(BM_SimulateRegister)
    ->Args({1'000, 1})
    ->Args({1'000, 2})
    ->Args({10'000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
