// The demo organization's context and leadership (ISO/IEC 27001:2022 4, 5.3, 6.2, 6.3;
// A.5.31): issues linked to its risks, interested parties and their requirements, legal and
// contractual obligations met by its applied controls, a scope statement in two versions, a
// RACI over the main ISMS activities held by members and by people who are not users,
// objectives served by treatment actions and a planned change — so every context screen, the
// RACI matrix and the scope export show something.
#pragma once

#include <vector>

#include "app/app.hpp"
#include "app/demo_controls.hpp"

namespace isms::app {

/// Seeds the context for `admin`; run after the risks (issues and objectives link to them)
/// and the people (`people` as SeedDemoPeople returns them: some hold RACI roles).
[[nodiscard]] Status SeedDemoContext(
    App& app,
    const iam::Principal& admin,
    const DemoControls& controls,
    const std::vector<std::int64_t>& people
);

}  // namespace isms::app
