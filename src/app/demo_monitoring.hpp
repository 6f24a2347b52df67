// The demo organization's monitoring and management review (ISO/IEC 27001:2022 9.1, 9.3):
// the built-in metrics computed, a manual metric with a year of measurements, and a held
// management review with compiled inputs, decisions and actions.
#pragma once

#include "app/app.hpp"
#include "core/error.hpp"
#include "iam/principal.hpp"

namespace isms::app {

[[nodiscard]] Status SeedDemoMonitoring(App& app, const iam::Principal& admin);

}  // namespace isms::app
