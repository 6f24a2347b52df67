// Competence gaps (ISO/IEC 27001:2022 7.2): a person whose job role requires a competence
// (role_competences) without a current training record giving it — none at all, or only ones
// past their expiry.
#pragma once

#include <optional>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::people {

class CompetenceService {
public:
    CompetenceService(store::Database& db, const schema::Registry& registry, const Clock& clock)
        : db_(db), registry_(registry), clock_(clock) {}

    /// {"as_of", "people", "requirements", "met", "gaps": [{"person": {"id", "ref", "name"},
    /// "job_role", "competence", "reason": "no_training" | "expired", "expired_on"}…]} over the
    /// active people, or only `person` (kNotFound when it is not a person of the organization).
    [[nodiscard]] Result<json::object> Gaps(
        const iam::Principal& who, std::optional<RecordId> person
    );

private:
    store::Database& db_;
    const schema::Registry& registry_;
    const Clock& clock_;
};

}  // namespace isms::people
