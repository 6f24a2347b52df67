// Rules of the incident registers (A.5.24–A.5.28): a resolved or closed incident has its
// resolution time, never before its detection; a closed incident has its lessons learned
// (A.5.27); a timeline entry is no earlier than the incident's detection.
#pragma once

#include "records/record_rules.hpp"
#include "schema/registry.hpp"

namespace isms::operations {

class IncidentRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class IncidentTimelineRules final : public records::RecordRules {
public:
    explicit IncidentTimelineRules(const schema::Registry& registry) : registry_(registry) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    const schema::Registry& registry_;
};

}  // namespace isms::operations
