#include "cli/catalog_commands.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "catalog/oscal_import.hpp"
#include "catalog/oscal_validate.hpp"
#include "cli/organization.hpp"

namespace isms::cli {

namespace {

Result<iam::Principal> CatalogPrincipal(app::App& app, const std::string& slug) {
    ISMS_TRY_ASSIGN(const TenantId tenant, OnlyOrNamedTenant(app, slug));
    return CliPrincipal(tenant);
}

Result<std::string> ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::Invalid("file", "cannot read " + path);
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string Str(const json::value& v) {
    return v.is_string() ? std::string(v.get_string()) : json::serialize(v);
}

std::string ListText(const json::object& list) {
    std::string text =
        fmt::format("{:<48} {:<12} {:>6} {:>6}  {}\n", "URN", "VERSION", "NODES", "REQS", "NAME");
    for (const auto& item : list.at("items").as_array()) {
        const auto& f = item.as_object();
        const auto& counts = f.at("counts").as_object();
        text += fmt::format(
            "{:<48} {:<12} {:>6} {:>6}  {}{}\n",
            Str(f.at("urn")),
            Str(f.at("version")),
            counts.at("nodes").as_int64(),
            counts.at("assessable").as_int64(),
            Str(f.at("name")),
            f.at("latest").as_bool() ? "" : " (older version)"
        );
    }
    return text;
}

void TreeText(const json::array& nodes, int indent, std::string& text) {
    for (const auto& n : nodes) {
        const auto& o = n.as_object();
        text += fmt::format(
            "{:{}}{} {}{}{}\n",
            "",
            indent * 2,
            Str(o.at("ref_id")),
            Str(o.at("name")),
            o.at("new").as_bool() ? "  [new]" : "",
            o.at("withdrawn").as_bool() ? "  [withdrawn]" : ""
        );
        TreeText(o.at("children").as_array(), indent + 1, text);
    }
}

std::string ImportText(const json::object& result) {
    std::string text;
    for (const auto& item : result.at("libraries").as_array()) {
        const auto& l = item.as_object();
        const auto& c = l.at("counts").as_object();
        text += fmt::format(
            "{} {}@{}: {} frameworks, {} nodes, {} mapping sets, {} pairs, {} reference controls, "
            "{} threats, {} risk matrices\n",
            Str(l.at("status")),
            Str(l.at("urn")),
            Str(l.at("version")),
            c.at("frameworks").as_int64(),
            c.at("nodes").as_int64(),
            c.at("mapping_sets").as_int64(),
            c.at("pairs").as_int64(),
            c.at("reference_controls").as_int64(),
            c.at("threats").as_int64(),
            c.at("risk_matrices").as_int64()
        );
        if (const auto* diffs = l.if_contains("diff")) {
            for (const auto& d : diffs->as_array()) {
                const auto& o = d.as_object();
                text += fmt::format(
                    "  {} since {}: {} added, {} removed, {} changed\n",
                    Str(o.at("framework")),
                    Str(o.at("from_version")),
                    o.at("added").as_array().size(),
                    o.at("removed").as_array().size(),
                    o.at("changed").as_array().size()
                );
            }
        }
    }
    for (const auto& n : result.at("notices").as_array()) {
        text += fmt::format("notice: {}: {}\n", Str(n.at("location")), Str(n.at("message")));
    }
    return text;
}

std::string DiffText(const json::object& d) {
    std::string text;
    for (const auto& n : d.at("added").as_array()) {
        text += fmt::format("+ {} {}\n", Str(n.at("ref_id")), Str(n.at("name")));
    }
    for (const auto& n : d.at("removed").as_array()) {
        text += fmt::format("- {} {}\n", Str(n.at("ref_id")), Str(n.at("name")));
    }
    for (const auto& n : d.at("changed").as_array()) {
        std::string fields;
        for (const auto& f : n.at("fields").as_array()) {
            fields += (fields.empty() ? "" : ", ") + Str(f);
        }
        text += fmt::format("~ {} {} ({})\n", Str(n.at("ref_id")), Str(n.at("name")), fields);
    }
    text += fmt::format("{} unchanged\n", d.at("unchanged").as_int64());
    return text;
}

std::string CoverageText(const json::object& c) {
    const auto& s = c.at("summary").as_object();
    std::string text = fmt::format(
        "{} → {}: {} requirements, {} full, {} partial, {} not covered\n",
        Str(c.at("from")),
        Str(c.at("to")),
        s.at("requirements").as_int64(),
        s.at("full").as_int64(),
        s.at("partial").as_int64(),
        s.at("none").as_int64()
    );
    for (const auto& r : c.at("requirements").as_array()) {
        const auto& o = r.as_object();
        std::string path;
        if (const auto* steps = o.if_contains("path")) {
            for (const auto& step : steps->as_array()) {
                path += fmt::format(
                    " {} -{}-> {}",
                    Str(step.at("from").at("ref_id")),
                    Str(step.at("relationship")),
                    Str(step.at("to").at("ref_id"))
                );
            }
        }
        text += fmt::format("{:<12} {:<8}{}\n", Str(o.at("ref_id")), Str(o.at("coverage")), path);
    }
    return text;
}

}  // namespace

void AddCatalogCommands(
    CLI::App& cli, CatalogCommands& c, const std::function<void(CLI::App*)>& common
) {
    auto* catalog = cli.add_subcommand("catalog", "frameworks, requirements and mappings");
    catalog->require_subcommand(1);
    auto with_org = [&](CLI::App* cmd) {
        common(cmd);
        cmd->add_option("--org", c.org, "organization slug (default: the only one)");
    };
    c.list = catalog->add_subcommand("list", "list frameworks, built-in and imported");
    with_org(c.list);
    c.show = catalog->add_subcommand("show", "show a framework's requirement tree");
    with_org(c.show);
    c.show->add_option("urn", c.urn, "framework URN")->required();
    c.show->add_option("--version", c.version, "library version (default: the newest)");
    c.import = catalog->add_subcommand(
        "import", "import catalog files in one all-or-nothing batch (format detected)"
    );
    with_org(c.import);
    c.import
        ->add_option(
            "files",
            c.files,
            "files: isms JSON, CISO Assistant YAML, OSCAL, Fluid Attacks YAML, CSV, XLSX"
        )
        ->required();
    c.import->add_flag(
        "--exclude-suspected-withdrawn",
        c.exclude_suspected_withdrawn,
        "OSCAL: leave out items that look withdrawn without a marker"
    );
    c.diff = catalog->add_subcommand("diff", "requirements changed between two versions");
    with_org(c.diff);
    c.diff->add_option("urn", c.urn, "framework URN")->required();
    c.diff->add_option("--from", c.from, "older version")->required();
    c.diff->add_option("--to", c.to, "newer version")->required();
    c.map = catalog->add_subcommand(
        "map", "what of framework --to the requirements of --from cover, through mappings"
    );
    with_org(c.map);
    c.map->add_option("--from", c.from, "source framework URN")->required();
    c.map->add_option("--to", c.to, "target framework URN")->required();
    c.map->add_option(
        "--satisfied", c.satisfied, "met source requirements, comma-separated (default: all)"
    );
    c.map->add_option("--max-hops", c.max_hops, "mapping sets a path may cross (1-5)");
    c.validate = catalog->add_subcommand(
        "validate", "check an OSCAL JSON file against NIST's OSCAL JSON schema"
    );
    common(c.validate);
    c.validate->add_option("file", c.urn, "the OSCAL JSON document")->required();
    c.validate
        ->add_option(
            "--schema",
            c.schema,
            "schema file, or a folder of an OSCAL release's schemas (oscal_catalog_schema.json …)"
        )
        ->required();
}

Result<CommandOutput> RunCatalogValidate(const CatalogCommands& c) {
    ISMS_TRY_ASSIGN(const std::string text, ReadWholeFile(c.urn));
    auto document = ParseJson(text);
    if (!document) {
        Error e = document.error();
        e.message = c.urn + ": " + e.message;
        return e;
    }
    std::filesystem::path schema_path = c.schema;
    if (std::filesystem::is_directory(schema_path)) {
        const auto model = catalog::OscalModelOf(*document);
        if (!model) {
            return Error::Invalid("file", c.urn + " is not an OSCAL document");
        }
        schema_path /= catalog::OscalSchemaFileName(*model);
    }
    ISMS_TRY_ASSIGN(const std::string schema_text, ReadWholeFile(schema_path.string()));
    ISMS_TRY_ASSIGN(const json::value schema, ParseJson(schema_text));
    ISMS_TRY_ASSIGN(auto violations, catalog::ValidateOscal(*document, schema));
    json::array list;
    std::string text_out;
    for (const auto& v : violations) {
        list.push_back(json::object{{"path", v.field}, {"message", v.message}});
        text_out += fmt::format("{}: {}\n", v.field, v.message);
    }
    text_out += fmt::format(
        "{}: {} against {}\n",
        c.urn,
        violations.empty() ? "valid" : fmt::format("{} violations", violations.size()),
        schema_path.string()
    );
    json::object out{
        {"file", c.urn},
        {"schema", schema_path.string()},
        {"valid", violations.empty()},
        {"violations", std::move(list)}};
    return CommandOutput{std::move(out), std::move(text_out), !violations.empty()};
}

bool Parsed(const CatalogCommands& c) {
    return c.list->parsed() || c.show->parsed() || c.import->parsed() || c.diff->parsed()
           || c.map->parsed();
}

Result<CommandOutput> RunCatalogCommand(const CatalogCommands& c, app::App& app) {
    ISMS_TRY_ASSIGN(const iam::Principal who, CatalogPrincipal(app, c.org));
    catalog::CatalogService& catalog = app.catalog();
    if (c.list->parsed()) {
        ISMS_TRY_ASSIGN(auto list, catalog.ListFrameworks(who));
        std::string text = ListText(list);
        return CommandOutput{std::move(list), std::move(text)};
    }
    if (c.show->parsed()) {
        ISMS_TRY_ASSIGN(auto fw, catalog.GetFramework(who, c.urn, c.version));
        std::string text = fmt::format(
            "{} {} (version {})\n", Str(fw.at("ref_id")), Str(fw.at("name")), Str(fw.at("version"))
        );
        TreeText(fw.at("tree").as_array(), 1, text);
        return CommandOutput{std::move(fw), std::move(text)};
    }
    if (c.import->parsed()) {
        std::vector<catalog::ImportFile> files;
        for (const std::string& path : c.files) {
            ISMS_TRY_ASSIGN(std::string content, ReadWholeFile(path));
            const std::size_t slash = path.find_last_of('/');
            files.push_back(
                {slash == std::string::npos ? path : path.substr(slash + 1), std::move(content)}
            );
        }
        catalog::ImportOptions options;
        options.exclude_suspected_withdrawn = c.exclude_suspected_withdrawn;
        ISMS_TRY_ASSIGN(auto result, catalog.Import(who, files, options));
        std::string text = ImportText(result);
        return CommandOutput{std::move(result), std::move(text)};
    }
    if (c.diff->parsed()) {
        ISMS_TRY_ASSIGN(auto diff, catalog.Diff(who, c.urn, c.from, c.to));
        std::string text = DiffText(diff);
        return CommandOutput{std::move(diff), std::move(text)};
    }
    std::vector<std::string> satisfied;
    std::stringstream list(c.satisfied);
    for (std::string item; std::getline(list, item, ',');) {
        if (!item.empty()) {
            satisfied.push_back(item);
        }
    }
    ISMS_TRY_ASSIGN(auto coverage, catalog.Coverage(who, c.from, c.to, satisfied, c.max_hops));
    std::string text = CoverageText(coverage);
    return CommandOutput{std::move(coverage), std::move(text)};
}

}  // namespace isms::cli
