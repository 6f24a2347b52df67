// Rules of the `measurements` register (ISO/IEC 27001:2022 9.1 c–e): a measurement stays with
// its metric, is not dated in the future, and keeps the metric's target and direction as they
// were when it was recorded, with whether it breached them. A value isms computed is not edited
// by hand: record a new measurement instead.
#pragma once

#include "records/record_rules.hpp"
#include "schema/registry.hpp"

namespace isms::assurance {

class MeasurementRules final : public records::RecordRules {
public:
    MeasurementRules(const schema::Registry& registry, const Clock& clock)
        : registry_(registry), clock_(clock) {}

    /// Also completes the measurements the metric service computes: `draft.fields["source"]`
    /// set to "automatic" beforehand marks one; a create without it is "manual".
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    const schema::Registry& registry_;
    const Clock& clock_;
};

}  // namespace isms::assurance
