// `isms audit list|checklist|report`: internal audits (ISO/IEC 27001:2022 9.2) from the command
// line, through the services the REST routes call, acting as the organization's admin or with
// --as as that member.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "cli/command_output.hpp"
#include "cli/organization.hpp"

namespace isms::cli {

struct AuditCommands {
    CLI::App* list = nullptr;
    CLI::App* checklist = nullptr;
    CLI::App* report = nullptr;

    ActingFlags acting;
    std::string audit;  // ref or id
    bool generate = false;
    std::string out_file;  // report: default the export's own file name, here
    std::string type = "html";
};

/// Registers the subcommands under `audit`; `common` adds --config, --data and --format.
void AddAuditCommands(
    CLI::App& cli, AuditCommands& commands, const std::function<void(CLI::App*)>& common
);

[[nodiscard]] bool Parsed(const AuditCommands& commands);

/// Runs the parsed audit command; call only when Parsed(commands).
[[nodiscard]] Result<CommandOutput> RunAuditCommand(const AuditCommands& commands, app::App& app);

}  // namespace isms::cli
