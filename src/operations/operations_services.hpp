// The operations module's register rules and service, built once by the composition root.
#pragma once

#include "operations/exception_rules.hpp"
#include "operations/incident_rules.hpp"
#include "operations/operations_service.hpp"
#include "operations/supplier_assessment_rules.hpp"

namespace isms::operations {

struct OperationsServices {
    explicit OperationsServices(const OperationsDeps& deps)
        : timeline_rules(deps.registry),
          assessment_rules(deps.registry, deps.clock),
          exception_rules(deps.clock),
          service(deps) {}

    /// Hooks the rules to the writes of the operations registers.
    void HookRules(records::RecordService& records) {
        records.SetRules("incidents", incident_rules);
        records.SetRules("incident_timeline", timeline_rules);
        records.SetRules("supplier_assessments", assessment_rules);
        records.SetRules("exceptions", exception_rules);
    }

    IncidentRules incident_rules;
    IncidentTimelineRules timeline_rules;
    SupplierAssessmentRules assessment_rules;
    ExceptionRules exception_rules;
    OperationsService service;
};

}  // namespace isms::operations
