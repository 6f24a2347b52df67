// The services and register rules of the compliance module, built once by the composition root.
#pragma once

#include "catalog/catalog_service.hpp"
#include "compliance/applied_control_rules.hpp"
#include "records/record_service.hpp"

namespace isms::compliance {

struct ComplianceServices {
    explicit ComplianceServices(catalog::CatalogService& catalog)
        : applied_control_rules(catalog) {}

    /// Hooks the rules to the writes of applied controls.
    void HookRules(records::RecordService& records) {
        records.SetRules("applied_controls", applied_control_rules);
    }

    AppliedControlRules applied_control_rules;
};

}  // namespace isms::compliance
