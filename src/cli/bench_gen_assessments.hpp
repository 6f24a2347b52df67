// The evidence and assessment part of `isms bench gen`: evidence links on applied controls, and
// compliance assessments of the generated framework with their requirement results — the first
// one assessed in full (one result per requirement), the second on ISO/IEC 27001:2022 inferring
// from it through the generated mapping, the rest sharing the remaining results — so lists,
// results pages and inference are measured at scale (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates `count` evidence links, each supporting one or two of the first applied controls.
[[nodiscard]] Result<std::int64_t> GenerateEvidence(
    app::App& app, const iam::Principal& who, std::int64_t count, std::mt19937_64& rng
);

/// Creates `assessments` assessments (at least two when any) and `results` requirement results
/// against `framework_urn`. Returns how many results were written.
[[nodiscard]] Result<std::int64_t> GenerateAssessments(
    app::App& app,
    const iam::Principal& who,
    const std::string& framework_urn,
    std::int64_t assessments,
    std::int64_t results,
    std::mt19937_64& rng
);

}  // namespace isms::cli
