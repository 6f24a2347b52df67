// QuantService: FAIR loss models per risk and Monte Carlo simulation (per risk, register; JSON,
// SVG).
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class QuantService {
public:
    explicit QuantService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
