// Rules of the evidence register: a link has its address and a file has none (its content comes
// through the upload endpoint, never as a field); a file that has content stays a file; validity
// ends no earlier than collection; evidence an issued SoA or an assessment cites cannot be
// deleted.
#pragma once

#include "records/record_rules.hpp"

namespace isms::evidence {

class EvidenceRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

    [[nodiscard]] Status BeforeArchive(
        store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
    ) override;
};

}  // namespace isms::evidence
