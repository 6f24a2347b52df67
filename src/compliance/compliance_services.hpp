// The services and register rules of the compliance module, built once by the composition
// root.
#pragma once

#include "catalog/catalog_service.hpp"
#include "compliance/applied_control_rules.hpp"
#include "compliance/soa_service.hpp"
#include "records/record_service.hpp"

namespace isms::compliance {

struct ComplianceServices {
    explicit ComplianceServices(const SoaDeps& deps)
        : applied_control_rules(deps.catalog), soa(deps) {}

    /// Hooks the rules to the writes of applied controls.
    void HookRules(records::RecordService& records) {
        records.SetRules("applied_controls", applied_control_rules);
    }

    AppliedControlRules applied_control_rules;
    SoaService soa;
};

}  // namespace isms::compliance
