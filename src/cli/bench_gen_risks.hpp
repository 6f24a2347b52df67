// The risk part of `isms bench gen`: threats, vulnerabilities of the generated assets (each
// asset-based risk exploits one), scored risks on the generated assets, treatment
// actions linked to Annex A controls and a FAIR loss model per risk, so the risk views and the
// register simulation are measured at scale (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates `risks` risks (and half as many treatment actions) for the organization of `who`,
/// in batches through the normal write path. Returns how many risks were created.
[[nodiscard]] Result<std::int64_t> GenerateRisks(
    app::App& app, const iam::Principal& who, std::int64_t risks, std::mt19937_64& rng
);

}  // namespace isms::cli
