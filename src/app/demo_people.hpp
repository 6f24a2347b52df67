// The demo organization's people (ISO/IEC 27001:2022 7.2, 7.3, 7.4): five staff — the admin
// among them — in three job roles with their required competences, training records (one
// expired, so the competence gaps show one), a phishing campaign half done and a communication
// plan.
#pragma once

#include <vector>

#include "app/app.hpp"

namespace isms::app {

/// Seeds the people registers; returns the ids of the people, the admin's person first.
[[nodiscard]] Result<std::vector<std::int64_t>> SeedDemoPeople(
    App& app, const iam::Principal& admin
);

}  // namespace isms::app
