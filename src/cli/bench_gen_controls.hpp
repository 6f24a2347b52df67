// The compliance part of `isms bench gen`: applied controls, each implementing one to three
// ISO/IEC 27001:2022 Annex A controls, so the SoA derivation is measured at scale
// (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates `controls` applied controls for the organization of `who`, in batches through the
/// normal write path. Returns how many were created.
[[nodiscard]] Result<std::int64_t> GenerateControls(
    app::App& app, const iam::Principal& who, std::int64_t controls, std::mt19937_64& rng
);

}  // namespace isms::cli
