// The context module's services and register rules, built once by the composition root.
#pragma once

#include "context/context_deps.hpp"
#include "context/context_rules.hpp"
#include "context/raci_matrix.hpp"
#include "context/scope_service.hpp"
#include "records/record_service.hpp"

namespace isms::context {

struct ContextServices {
    explicit ContextServices(const ContextDeps& deps)
        : responsibility_rules(deps.registry), scope(deps), raci(deps) {}

    /// Hooks the rules to the writes of the context registers.
    void HookRules(records::RecordService& records) {
        records.SetRules("party_requirements", party_requirement_rules);
        records.SetRules("obligations", obligation_rules);
        records.SetRules("responsibilities", responsibility_rules);
        records.SetRules("objectives", objective_rules);
        records.SetRules("isms_changes", isms_change_rules);
    }

    PartyRequirementRules party_requirement_rules;
    ObligationRules obligation_rules;
    ResponsibilityRules responsibility_rules;
    ObjectiveRules objective_rules;
    IsmsChangeRules isms_change_rules;
    ScopeService scope;
    RaciMatrix raci;
};

}  // namespace isms::context
