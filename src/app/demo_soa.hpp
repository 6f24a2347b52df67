// The demo organization's Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d): what risk
// treatment does not select is decided by hand (two controls excluded with their
// justification), and version 1 is issued — so the SoA, its versions and exports show something.
#pragma once

#include "app/app.hpp"

namespace isms::app {

/// Decides every undecided control for `admin` and issues the SoA; run after the risks.
[[nodiscard]] Status SeedDemoSoa(App& app, const iam::Principal& admin);

}  // namespace isms::app
