// Corrective actions (10.2 c): an action marked done without completed_on gets today's date;
// a closed nonconformity takes no new or changed actions (409).
#pragma once

#include "assurance/audit_deps.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class CorrectiveActionRules final : public records::RecordRules {
public:
    explicit CorrectiveActionRules(const AuditDeps& deps) : deps_(deps) {}

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
