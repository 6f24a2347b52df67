// `isms metrics compute [--org SLUG] [--all]`: computes the built-in automatic metrics that are
// due (ISO/IEC 27001:2022 9.1), for one organization or every one — the command to run from
// cron, since the server runs no background work.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "core/json.hpp"

namespace isms::cli {

struct MetricCommands {
    CLI::App* compute = nullptr;
    std::string org;
    bool all = false;
};

/// Registers `metrics compute`; `common` adds --config, --data and --format.
void AddMetricCommands(
    CLI::App& cli, MetricCommands& commands, const std::function<void(CLI::App*)>& common
);

/// Runs `metrics compute`: {"organizations": [{"org", "computed", "skipped": [{ref, reason}]}]}.
[[nodiscard]] Result<json::object> RunMetricsCompute(const MetricCommands& commands, app::App& app);

}  // namespace isms::cli
