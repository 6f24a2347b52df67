// The demo organization's evidence (ISO/IEC 27001:2022 7.5, 8) and compliance assessments: a
// restore-test file, a link and a stale report on the applied controls; the last internal audit
// against ISO/IEC 27001:2013 and a 2022 gap assessment that infers from it through the built-in
// mapping — so evidence, assessments, inference and the readiness checklist show something.
#pragma once

#include "app/app.hpp"
#include "app/demo_controls.hpp"

namespace isms::app {

/// Seeds evidence on `controls`; run before the SoA is issued so that it cites them. Returns
/// the id of the restore-test file.
[[nodiscard]] Result<std::int64_t> SeedDemoEvidence(
    App& app, const iam::Principal& admin, const DemoControls& controls
);

/// Seeds the two assessments; the gap assessment cites `restore_tests`.
[[nodiscard]] Status SeedDemoAssessments(
    App& app, const iam::Principal& admin, std::int64_t restore_tests
);

}  // namespace isms::app
