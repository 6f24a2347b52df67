// The services and register rules of the risk module, built once by the composition root.
#pragma once

#include "records/record_service.hpp"
#include "risk/acceptance_service.hpp"
#include "risk/asset_requirement_service.hpp"
#include "risk/method_service.hpp"
#include "risk/quant_service.hpp"
#include "risk/risk_deps.hpp"
#include "risk/risk_report_service.hpp"
#include "risk/risk_rules.hpp"
#include "risk/threat_service.hpp"

namespace isms::risk {

struct RiskServices {
    explicit RiskServices(const RiskDeps& deps)
        : action_rules(deps.catalog),
          method(deps),
          acceptance(deps),
          reports(deps, acceptance),
          quant(deps),
          threats(deps),
          asset_requirements(deps) {}

    /// Hooks the rules to the writes of assets, risks and treatment actions.
    void HookRules(records::RecordService& records) {
        records.SetRules("assets", asset_rules);
        records.SetRules("risks", risk_rules);
        records.SetRules("treatment_actions", action_rules);
    }

    AssetRules asset_rules;
    RiskRules risk_rules;
    TreatmentActionRules action_rules;
    MethodService method;
    AcceptanceService acceptance;
    RiskReportService reports;
    QuantService quant;
    ThreatService threats;
    AssetRequirementService asset_requirements;
};

}  // namespace isms::risk
