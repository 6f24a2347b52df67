// The context part of `isms bench gen`: per organization, `rows` each of context issues
// (linked to generated risks), interested parties with one requirement each, obligations met
// by generated applied controls, RACI rows (every fourth held by a generated person),
// objectives and planned changes.
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

/// Creates the rows for the organization of `who` (after its risks, controls and people), in
/// batches through the normal write path. Returns how many records were created.
[[nodiscard]] Result<std::int64_t> GenerateContext(
    app::App& app, const iam::Principal& who, std::int64_t rows, std::mt19937_64& rng
);

}  // namespace isms::cli
