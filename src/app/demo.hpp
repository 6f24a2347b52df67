// The demo organization `make run` starts with, so a newcomer sees isms at work: an admin
// whose one-time password is printed once, a small asset inventory, an imported supplier
// requirements catalog, applied controls (demo_controls.hpp), a risk programme
// (demo_risk.hpp) and an issued Statement of Applicability (demo_soa.hpp). Each capability that
// lands extends it (evidence, audits …).
#pragma once

#include <string>

#include "app/app.hpp"

namespace isms::app {

struct DemoLogin {
    std::string email;
    std::string password;  // random; printed once, never stored in clear
};

/// Seeds the demo organization into an instance that has no organization yet.
/// kConflict when the instance already has one.
[[nodiscard]] Result<DemoLogin> SeedDemo(App& app);

}  // namespace isms::app
