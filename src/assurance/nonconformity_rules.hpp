// The workflow of the nonconformities register (ISO/IEC 27001:2022 10.2): a nonconformity
// closes only when
// - its root cause is recorded (root_cause_category or root_cause),
// - it has at least one corrective action, every one done or cancelled and at least one done,
// - the effectiveness of those actions was verified: verified_by, verified_on and
//   effectiveness "effective" (10.2 d).
// Otherwise the close is refused with 409 and the reason. Closing sets closed_on; reopening
// clears it.
#pragma once

#include "assurance/audit_deps.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class NonconformityRules final : public records::RecordRules {
public:
    explicit NonconformityRules(const AuditDeps& deps) : deps_(deps) {}

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
