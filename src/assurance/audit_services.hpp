// The services and register rules of internal audit and improvement, built once by the
// composition root.
#pragma once

#include "assurance/audit_checklist_rules.hpp"
#include "assurance/audit_deps.hpp"
#include "assurance/audit_rules.hpp"
#include "assurance/audit_service.hpp"
#include "assurance/finding_service.hpp"
#include "assurance/nonconformity_action_rules.hpp"
#include "assurance/nonconformity_rules.hpp"
#include "assurance/nonconformity_service.hpp"
#include "assurance/nonconformity_why_rules.hpp"
#include "records/record_service.hpp"

namespace isms::assurance {

struct AuditServices {
    explicit AuditServices(const AuditDeps& deps)
        : audit_rules(deps),
          checklist_rules(deps),
          nonconformity_rules(deps),
          why_rules(deps),
          action_rules(deps),
          audits(deps),
          findings(deps),
          nonconformities(deps) {}

    /// Hooks the rules to the writes of audits, checklist items, nonconformities, their whys
    /// and corrective actions.
    void HookRules(records::RecordService& records) {
        records.SetRules("audits", audit_rules);
        records.SetRules("audit_checklist_items", checklist_rules);
        records.SetRules("nonconformities", nonconformity_rules);
        records.SetRules("nonconformity_whys", why_rules);
        records.SetRules("corrective_actions", action_rules);
    }

    AuditRules audit_rules;
    ChecklistItemRules checklist_rules;
    NonconformityRules nonconformity_rules;
    NonconformityWhyRules why_rules;
    CorrectiveActionRules action_rules;
    AuditService audits;
    FindingService findings;
    NonconformityService nonconformities;
};

}  // namespace isms::assurance
