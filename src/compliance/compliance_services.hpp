// The services and register rules of the compliance module, built once by the composition
// root.
#pragma once

#include "compliance/applied_control_rules.hpp"
#include "compliance/assessment_rules.hpp"
#include "compliance/assessment_service.hpp"
#include "compliance/compliance_deps.hpp"
#include "compliance/guide.hpp"
#include "compliance/readiness.hpp"
#include "compliance/soa_service.hpp"
#include "records/record_service.hpp"

namespace isms::compliance {

struct ComplianceServices {
    explicit ComplianceServices(const ComplianceDeps& deps)
        : applied_control_rules(deps.catalog),
          assessment_rules(deps.catalog),
          soa(deps),
          assessments(deps),
          readiness(deps, soa),
          guide(deps, readiness, soa) {}

    /// Hooks the rules to the writes of applied controls and assessments.
    void HookRules(records::RecordService& records) {
        records.SetRules("applied_controls", applied_control_rules);
        records.SetRules("assessments", assessment_rules);
    }

    AppliedControlRules applied_control_rules;
    AssessmentRules assessment_rules;
    SoaService soa;
    AssessmentService assessments;
    ReadinessService readiness;
    GuideService guide;
};

}  // namespace isms::compliance
