// QuantService: the FAIR loss model of each risk (before and after treatment), kept in
// `risk_loss_models` with ledger events, and its Monte Carlo simulation per risk and for the
// whole register, as JSON and as loss exceedance SVG charts (ISO/IEC 27005 quantitative
// estimation; docs/risk.md section 9).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/risk_deps.hpp"

namespace isms::risk {

/// How a simulation is run: trials (years) and the seed of the random streams.
struct SimulationOptions {
    std::int64_t trials = 100'000;
    std::uint64_t seed = 1;
};

/// Bounds of SimulationOptions::trials: per risk, and for the register (where each trial sums
/// every modelled risk).
constexpr std::int64_t kMinTrials = 1'000;
constexpr std::int64_t kMaxRiskTrials = 1'000'000;
constexpr std::int64_t kMaxRegisterTrials = 100'000;

class QuantService {
public:
    explicit QuantService(const RiskDeps& deps) : deps_(deps) {}

    /// {"risk": {"id", "ref", "title"}, "before": model, "after": model|null, "updated_at",
    /// "updated_by"}; kNotFound when the risk has none.
    [[nodiscard]] Result<json::object> GetModel(const iam::Principal& who, RecordId risk);
    /// Sets the risk's model from {"before": model, "after": model|null}: the people who may
    /// update the risk. Every problem is one FieldError ("before.frequency.min"). Returns the
    /// model as GetModel does, with "created": whether there was none before.
    [[nodiscard]] Result<json::object> PutModel(
        const iam::Principal& who, RecordId risk, const json::object& body
    );
    /// Sets many models in one transaction (bulk loading); all or nothing, problems named
    /// "[i].before.frequency.min".
    [[nodiscard]] Status PutModels(
        const iam::Principal& who, const std::vector<std::pair<RecordId, json::object>>& models
    );
    [[nodiscard]] Status DeleteModel(const iam::Principal& who, RecordId risk);

    /// Simulates one risk before and, when modelled, after treatment: {"risk", "trials",
    /// "seed", "before": result, "after": result|null, "ale_reduction": number|null}.
    [[nodiscard]] Result<json::object> SimulateRisk(
        const iam::Principal& who, RecordId risk, const SimulationOptions& options
    );
    /// Simulates every live risk with a model on all cores: {"trials", "seed", "risks": n,
    /// "before", "after" (each risk's after model, or its before model when it has none),
    /// "ale_reduction", "top": the ten risks with the highest expected annual loss before
    /// treatment, with their expected loss before and after}.
    [[nodiscard]] Result<json::object> SimulateRegister(
        const iam::Principal& who, const SimulationOptions& options
    );

    /// The loss exceedance curves of one risk, or of the register, as SVG.
    [[nodiscard]] Result<std::string> RiskExceedanceSvg(
        const iam::Principal& who, RecordId risk, const SimulationOptions& options
    );
    [[nodiscard]] Result<std::string> RegisterExceedanceSvg(
        const iam::Principal& who, const SimulationOptions& options
    );

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
