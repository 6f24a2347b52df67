// Rules of the `review_actions` register (ISO/IEC 27001:2022 9.3.3): an action has an owner
// (the record's owner) and stays with the review that decided it; done means completed on a
// date (today when none is given), and only a done action has one.
#pragma once

#include "core/clock.hpp"
#include "records/record_rules.hpp"

namespace isms::assurance {

class ReviewActionRules final : public records::RecordRules {
public:
    explicit ReviewActionRules(const Clock& clock) : clock_(clock) {}

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

}  // namespace isms::assurance
