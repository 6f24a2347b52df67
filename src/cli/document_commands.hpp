// `isms document list|show|submit|approve|publish`: documented information (ISO/IEC
// 27001:2022 7.5) from the command line, through the services the REST routes call. The
// command acts as the organization's admin, or with --as as that member; approving needs --as
// the document's designated approver.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "cli/command_output.hpp"
#include "cli/organization.hpp"

namespace isms::cli {

struct DocumentCommands {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* submit = nullptr;
    CLI::App* approve = nullptr;
    CLI::App* publish = nullptr;

    ActingFlags acting;
    std::string target;  // show: a document (ref or id); the steps: a version (ref or id)
    std::string comment;
};

/// Registers the subcommands under `document`; `common` adds --config, --data and --format.
void AddDocumentCommands(
    CLI::App& cli, DocumentCommands& commands, const std::function<void(CLI::App*)>& common
);

[[nodiscard]] bool Parsed(const DocumentCommands& commands);

/// Runs the parsed document command; call only when Parsed(commands).
[[nodiscard]] Result<CommandOutput> RunDocumentCommand(
    const DocumentCommands& commands, app::App& app
);

}  // namespace isms::cli
