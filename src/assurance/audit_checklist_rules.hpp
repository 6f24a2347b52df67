// Checklist items name one requirement of the organization's catalog by URN (any framework,
// assessable); the rules store it as the catalog spells it and fill in requirement_ref and
// requirement_name from the catalog.
#pragma once

#include "assurance/audit_deps.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class ChecklistItemRules final : public records::RecordRules {
public:
    explicit ChecklistItemRules(const AuditDeps& deps) : deps_(deps) {}

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
