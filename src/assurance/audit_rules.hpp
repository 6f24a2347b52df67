// The rules of the audits register its declaration cannot express:
// - scope_clauses and scope_controls name clauses and Annex A controls of ISO/IEC 27001:2022
//   (stored as the catalog spells their ref ids);
// - team lists user ids of members, none twice and not the lead auditor;
// - independence (9.2.2 c, objectivity and impartiality): no auditor — the lead auditor or a
//   team member — audits their own area. A person's own area is every asset and applied control
//   they own (the record's owner). While the audit is not closed or cancelled, an auditor is
//   refused (422 naming lead_auditor or team[i], with the reason) who owns an asset in
//   scope_assets, an applied control in scope_applied_controls, or an applied control that
//   implements a requirement in the audit's clause or control scope.
#pragma once

#include "assurance/audit_deps.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class AuditRules final : public records::RecordRules {
public:
    explicit AuditRules(const AuditDeps& deps) : deps_(deps) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    AuditDeps deps_;
};

}  // namespace isms::assurance
