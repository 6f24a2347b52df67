// The risk register and the risk treatment plan as tables, with the columns an auditor checks
// against ISO/IEC 27001:2022 6.1.2 e (risk analysis and evaluation results, risk owners),
// 6.1.3 e (the plan) and 8.2–8.3 (results of assessment and treatment). Readable by every
// member of the organization.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "iam/principal.hpp"
#include "report/table.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::report {

class RiskExports {
public:
    RiskExports(store::Database& db, const schema::Registry& registry, const Clock& clock)
        : db_(db), registry_(registry), clock_(clock) {}

    /// One row per live risk: Ref, Title, Approach, Assets, Threat, Vulnerabilities, Risk owner,
    /// Existing controls, inherent / current / residual likelihood, impact and level, Treatment,
    /// Justification, Treatment actions, Annex A controls, Status, Review date, Accepted until,
    /// Method version.
    [[nodiscard]] Result<Table> RiskRegister(const iam::Principal& who);
    /// One row per live treatment action: Ref, Title, Risks, Level now → target, Annex A
    /// controls, Owner, Status, Due, Completed on, Cost, Effort, Overdue.
    [[nodiscard]] Result<Table> TreatmentPlan(const iam::Principal& who);

private:
    store::Database& db_;
    const schema::Registry& registry_;
    const Clock& clock_;
};

}  // namespace isms::report
