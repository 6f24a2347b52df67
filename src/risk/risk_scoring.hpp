// The computed fields of a risk record (register `risks`): the risk level of each assessment
// stage (inherent, current, residual) from its likelihood and impact through the tenant's
// method, and the method version used. Pure: the rules and the re-scoring after a method
// change both call it.
#pragma once

#include <array>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "risk/risk_method.hpp"

namespace isms::risk {

/// The assessment stages of a risk, in the order of the 27005 process.
inline constexpr std::array<std::string_view, 3> kRiskStages = {"inherent", "current", "residual"};

/// `fields` are the risk's declared fields after the write (absent or null = not set). Returns
/// "<stage>_level" for each stage (the level id, or null unless both likelihood and impact are
/// set) and "method_version". Likelihood or impact outside the method's scales: kInvalidArgument
/// naming every such field ("residual_impact": "must be from 1 to 5 (the risk method's impact
/// scale)").
[[nodiscard]] Result<json::object> ScoreRisk(const RiskMethod& method, const json::object& fields);

}  // namespace isms::risk
