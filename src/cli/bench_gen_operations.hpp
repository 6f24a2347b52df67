// The operations part of `isms bench gen`: incidents (a third of them closed, with lessons
// learned) each with a timeline entry, suppliers each with an assessment, and an exception per
// five suppliers (half approved by a second member) — with review, contract, assessment and
// expiry days spread around today, so the operations registers and the notification list are
// measured at scale.
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

struct OperationsCounts {
    std::int64_t incidents = 0;
    std::int64_t suppliers = 0;
    std::int64_t exceptions = 0;
};

[[nodiscard]] Result<OperationsCounts> GenerateOperations(
    app::App& app,
    const iam::Principal& who,
    std::int64_t incidents,
    std::int64_t suppliers,
    std::mt19937_64& rng
);

}  // namespace isms::cli
