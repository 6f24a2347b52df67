// The five-whys steps of a nonconformity (nonconformity_whys) form one ordered list: no two
// steps of one nonconformity share a position (422 naming position), and a closed
// nonconformity's analysis is frozen (409).
#pragma once

#include "assurance/audit_deps.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class NonconformityWhyRules final : public records::RecordRules {
public:
    explicit NonconformityWhyRules(const AuditDeps& deps) : deps_(deps) {}

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
