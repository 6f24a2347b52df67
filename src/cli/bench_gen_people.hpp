// The people and documents part of `isms bench gen` (7.2–7.5): people in a few job roles with
// their required competences and two training records each (some expired, so competence gaps
// exist), one published policy per 50 people distributed to them, acknowledgements from four
// in five, an awareness campaign per 100 people (three in four completed) and a communication
// plan — so competence gaps, pending acknowledgements, campaign completion and the readiness
// checklist are measured at scale.
#pragma once

#include <cstdint>
#include <random>

#include "app/app.hpp"
#include "iam/principal.hpp"

namespace isms::cli {

struct BenchPeople {
    std::int64_t people = 0;
    std::int64_t documents = 0;
    std::int64_t campaigns = 0;
};

/// Creates `count` people and what rests on them; `who` (an admin) approves the documents.
[[nodiscard]] Result<BenchPeople> GeneratePeople(
    app::App& app, const iam::Principal& who, std::int64_t count, std::mt19937_64& rng
);

}  // namespace isms::cli
