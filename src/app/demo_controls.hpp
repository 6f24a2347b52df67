// The demo organization's applied controls (ISO/IEC 27001:2022 8.1): a few measures in
// different states, each implementing Annex A controls and the demo's supplier requirements,
// so the treatment plan can name them.
#pragma once

#include <cstdint>

#include "app/app.hpp"

namespace isms::app {

struct DemoControls {
    std::int64_t sso_mfa = 0;
    std::int64_t offline_backups = 0;
    std::int64_t disk_encryption = 0;
    std::int64_t awareness = 0;
};

/// Seeds the controls for `admin` (their owner); the demo's supplier requirements framework must
/// already be imported.
[[nodiscard]] Result<DemoControls> SeedDemoControls(App& app, const iam::Principal& admin);

}  // namespace isms::app
