// The demo organization's internal audit and improvement (ISO/IEC 27001:2022 9.2, 10): a
// three-year audit programme, an internal auditor who owns nothing (the admin owns the assets
// and controls, so may not audit them), a closed audit of clauses 4–5 and a running audit of
// clauses 8–10 and the backup controls with its checklist, a nonconforming result, the finding
// raised as a nonconformity with its five whys and a corrective action under way, an
// observation logged as an improvement.
#pragma once

#include <cstdint>

#include "app/app.hpp"

namespace isms::app {

/// Seeds the audit data; `restore_tests` is the evidence the auditor looked at.
[[nodiscard]] Status SeedDemoAudits(
    App& app, const iam::Principal& admin, std::int64_t restore_tests
);

}  // namespace isms::app
