// The internal audit and improvement part of `isms bench gen`: one audit programme with audits
// over the clauses and Annex A, each with the checklist generated from its scope and a finding
// per ten checklist items, nonconformities with five whys and corrective actions, and an
// improvement per finding that is an opportunity, so coverage, the recurrence check and
// readiness are measured at scale (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

struct AuditCounts {
    std::int64_t checklist_items = 0;  // of the generated audits
    std::int64_t findings = 0;         // of the generated audits
    std::int64_t nonconformities = 0;  // of the organization
    std::int64_t improvements = 0;     // from the generated findings
};

/// Creates one programme with `audits` audits (their checklists and findings) and
/// `nonconformities` nonconformities (each with two whys and one to three corrective actions)
/// for the organization of `who`, in batches through the normal write path.
[[nodiscard]] Result<AuditCounts> GenerateAudits(
    app::App& app,
    const iam::Principal& who,
    std::int64_t audits,
    std::int64_t nonconformities,
    std::mt19937_64& rng
);

}  // namespace isms::cli
