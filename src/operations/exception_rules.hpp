// Rules of exceptions (waivers): the requester is whoever creates it and can never be the
// approver; a new exception is requested; only the named approver approves or rejects it, and
// not after its expiry; changing what an approved exception waives, why or until when asks
// for approval again.
#pragma once

#include "core/clock.hpp"
#include "records/record_rules.hpp"

namespace isms::operations {

class ExceptionRules final : public records::RecordRules {
public:
    explicit ExceptionRules(const Clock& clock) : clock_(clock) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    const Clock& clock_;
};

}  // namespace isms::operations
