// RiskReportService: the risk views every member reads — the heat map per assessment stage
// (JSON and SVG) and what is due: overdue risk reviews, overdue treatment actions and expired
// acceptances, by the injected clock's date (ISO/IEC 27001:2022 8.2, 8.3, 9.1).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/acceptance_service.hpp"
#include "risk/risk_deps.hpp"

namespace isms::risk {

class RiskReportService {
public:
    RiskReportService(const RiskDeps& deps, AcceptanceService& acceptances)
        : deps_(deps), acceptances_(acceptances) {}

    /// {"method_version", "likelihood": [{"value", "label"}], "impact": […], "levels": [{"id",
    /// "label", "colour", "order"}], "stages": {"inherent"|"current"|"residual":
    /// heat_map.hpp HeatMapStageToJson}} over the live risks.
    [[nodiscard]] Result<json::object> HeatMap(const iam::Principal& who);
    /// The heat map of one stage ("inherent", "current" or "residual"; else kInvalidArgument
    /// on field "stage") as SVG.
    [[nodiscard]] Result<std::string> HeatMapSvg(const iam::Principal& who, std::string_view stage);
    /// {"as_of", "reviews_overdue": [{"id", "ref", "title", "review_date", "owner"}],
    /// "actions_overdue": [{"id", "ref", "title", "due_date", "status", "owner"}],
    /// "acceptances_expired": [acceptance…]}.
    [[nodiscard]] Result<json::object> Due(const iam::Principal& who);

private:
    RiskDeps deps_;
    AcceptanceService& acceptances_;
};

}  // namespace isms::risk
