// Rules of supplier assessments (A.5.22): no assessment in the future, the next one due after
// it; the supplier's `next_assessment_due` follows its latest live assessment (by assessment
// day), rewritten in the same transaction as the assessment.
#pragma once

#include "core/clock.hpp"
#include "records/record_rules.hpp"
#include "schema/registry.hpp"

namespace isms::operations {

class SupplierAssessmentRules final : public records::RecordRules {
public:
    SupplierAssessmentRules(const schema::Registry& registry, const Clock& clock)
        : registry_(registry), clock_(clock) {}

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

private:
    /// Sets supplier `supplier`'s next due day from its latest live assessment other than
    /// `skip`, or from `candidate` (assessed on, next due) when that is later.
    [[nodiscard]] Status Refresh(
        store::WriteTx& tx,
        const schema::RegisterSpec& spec,
        std::int64_t supplier,
        std::int64_t skip,
        const json::object* candidate
    );

    const schema::Registry& registry_;
    const Clock& clock_;
};

}  // namespace isms::operations
