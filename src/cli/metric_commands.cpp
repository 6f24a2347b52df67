#include "cli/metric_commands.hpp"

#include "cli/organization.hpp"

namespace isms::cli {

void AddMetricCommands(
    CLI::App& cli, MetricCommands& commands, const std::function<void(CLI::App*)>& common
) {
    auto* metrics = cli.add_subcommand("metrics", "monitoring and measurement (9.1)");
    metrics->require_subcommand(1);
    commands.compute = metrics->add_subcommand(
        "compute", "compute the automatic metrics that are due and record the measurements"
    );
    common(commands.compute);
    commands.compute->add_option(
        "--org", commands.org, "organization slug (default: every organization)"
    );
    commands.compute->add_flag("--all", commands.all, "compute every automatic metric, due or not");
}

Result<json::object> RunMetricsCompute(const MetricCommands& commands, app::App& app) {
    std::vector<std::pair<TenantId, std::string>> tenants;
    if (!commands.org.empty()) {
        ISMS_TRY_ASSIGN(const TenantId tenant, app.FindTenant(commands.org));
        tenants.emplace_back(tenant, commands.org);
    } else {
        ISMS_TRY_ASSIGN(auto all, app.iam().ListTenants());
        for (const auto& t : all) {
            tenants.emplace_back(t.id, t.slug);
        }
    }
    json::array out;
    for (const auto& [tenant, slug] : tenants) {
        ISMS_TRY_ASSIGN(
            json::object result,
            app.monitoring().metrics.ComputeDue(CliPrincipal(tenant), commands.all)
        );
        result["org"] = slug;
        out.emplace_back(std::move(result));
    }
    return json::object{{"organizations", std::move(out)}};
}

}  // namespace isms::cli
