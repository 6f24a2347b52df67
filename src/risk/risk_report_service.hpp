// RiskReportService: heat map (JSON, SVG), risk register and treatment plan exports (CSV, XLSX),
// what is due.
#pragma once

#include "risk/risk_deps.hpp"

namespace isms::risk {

class RiskReportService {
public:
    explicit RiskReportService(const RiskDeps& deps) : deps_(deps) {}

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
