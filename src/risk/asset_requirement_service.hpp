// AssetRequirementService: security requirements an asset inherits through dependencies.
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class AssetRequirementService {
public:
    explicit AssetRequirementService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
