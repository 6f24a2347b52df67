// MethodService: the tenant's risk method: read, versions, change with re-scoring, preview, from a
// catalog risk matrix.
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class MethodService {
public:
    explicit MethodService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
