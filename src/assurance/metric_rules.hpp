// Rules of the `metrics` register (ISO/IEC 27001:2022 9.1 a–b): a target needs a direction and
// a direction a target; an automatic metric names a built-in one and how often it is computed,
// and takes the built-in's unit, formula and description of what is measured where none is given.
#pragma once

#include "records/record_rules.hpp"

namespace isms::assurance {

class MetricRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

}  // namespace isms::assurance
