// The internal audit and improvement part of `isms bench gen`: one audit programme with audits
// over the clauses and Annex A, and nonconformities with five whys and corrective actions, so
// coverage, the recurrence check and readiness are measured at scale (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates one programme with `audits` audits and `nonconformities` nonconformities (each with
/// two whys and one to three corrective actions) for the organization of `who`, in batches
/// through the normal write path. Returns how many nonconformities the organization has.
[[nodiscard]] Result<std::int64_t> GenerateAudits(
    app::App& app,
    const iam::Principal& who,
    std::int64_t audits,
    std::int64_t nonconformities,
    std::mt19937_64& rng
);

}  // namespace isms::cli
