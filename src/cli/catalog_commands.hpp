// `isms catalog list|show|import|diff|map`: the catalog from the command line, against the
// local data directory, acting for one organization (--org, or the only one).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "cli/command_output.hpp"

namespace isms::cli {

struct CatalogCommands {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* import = nullptr;
    CLI::App* diff = nullptr;
    CLI::App* map = nullptr;
    CLI::App* validate = nullptr;

    std::string org;
    std::string urn;
    std::string version;
    std::vector<std::string> files;
    bool exclude_suspected_withdrawn = false;
    std::string from;
    std::string to;
    std::string satisfied;  // comma-separated requirement ref_ids or URNs
    int max_hops = 3;
    std::string schema;  // validate: a schema file, or a folder of OSCAL release schemas
};

/// Registers the subcommands under `catalog`; `common` adds --config, --data and --format.
void AddCatalogCommands(
    CLI::App& cli, CatalogCommands& commands, const std::function<void(CLI::App*)>& common
);

/// Runs the parsed catalog command (not validate); call only when Parsed(commands).
[[nodiscard]] Result<CommandOutput> RunCatalogCommand(
    const CatalogCommands& commands, app::App& app
);
[[nodiscard]] bool Parsed(const CatalogCommands& commands);

/// `isms catalog validate FILE --schema PATH`: checks an OSCAL JSON file against an OSCAL JSON
/// schema (a file, or a release folder from which the document's model picks its schema) and
/// lists every violation by JSON path. Needs no data directory.
[[nodiscard]] Result<CommandOutput> RunCatalogValidate(const CatalogCommands& commands);

}  // namespace isms::cli
