// Rules of the `management_reviews` register (ISO/IEC 27001:2022 9.3): a review is held or
// closed only with its inputs compiled (review_service.hpp), closed only with its decisions
// written (9.3.3); once the inputs are compiled the meeting date is fixed and the review is kept.
#pragma once

#include "records/record_rules.hpp"

namespace isms::assurance {

class ManagementReviewRules final : public records::RecordRules {
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

}  // namespace isms::assurance
