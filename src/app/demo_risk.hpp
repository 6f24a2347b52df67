// The demo organization's risk programme (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3): the
// starter threats, a vulnerability, risks scored at three stages, a treatment plan with one
// action overdue, FAIR loss models and the admin's acceptance of one residual risk — so the
// heat map, due list, exports and simulations show something on first start.
#pragma once

#include <cstdint>
#include <vector>

#include "app/app.hpp"
#include "app/demo_controls.hpp"

namespace isms::app {

/// The demo's assets, in the order SeedDemo creates them.
struct DemoAssets {
    std::int64_t customer_database = 0;
    std::int64_t payroll_records = 0;
    std::int64_t corporate_laptops = 0;
    std::int64_t cloud_email = 0;
    std::int64_t head_office = 0;
};

/// Seeds the risk programme for `admin` (the risk owner of every demo risk); the treatment plan
/// names the demo's applied controls.
[[nodiscard]] Status SeedDemoRisks(
    App& app, const iam::Principal& admin, const DemoAssets& assets, const DemoControls& controls
);

}  // namespace isms::app
