// AcceptanceService: residual risk acceptance (6.1.3 f): signed snapshot, authority check, expiry,
// revocation.
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class AcceptanceService {
public:
    explicit AcceptanceService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
