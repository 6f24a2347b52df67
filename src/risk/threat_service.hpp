// ThreatService: the starter threat catalog and threats from imported libraries into the threats
// register.
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class ThreatService {
public:
    explicit ThreatService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
