// The monitoring part of `isms bench gen` (ISO/IEC 27001:2022 9.1, 9.3): metrics with targets
// and their measurements spread over past days, and management reviews with actions, so trends
// and review inputs are measured at scale (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates twenty metrics, `measurements` measurements over them and four management reviews
/// with two actions each for the organization of `who`, in batches through the normal write
/// path. Returns how many measurements were created.
[[nodiscard]] Result<std::int64_t> GenerateMonitoring(
    app::App& app, const iam::Principal& who, std::int64_t measurements, std::mt19937_64& rng
);

}  // namespace isms::cli
