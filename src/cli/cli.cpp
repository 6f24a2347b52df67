#include "cli/cli.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <signal.h>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/digest_scheduler.hpp"
#include "app/registers.hpp"
#include "cli/audit_commands.hpp"
#include "cli/backup.hpp"
#include "cli/bench_gen.hpp"
#include "cli/catalog_commands.hpp"
#include "cli/command_output.hpp"
#include "cli/document_commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/metric_commands.hpp"
#include "cli/notification_commands.hpp"
#include "cli/organization.hpp"
#include "cli/restore.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/secret_stream.hpp"
#include "http/server.hpp"
#include "store/database_url.hpp"
#include "store/ledger_verify.hpp"
#include "store/migrate.hpp"
#include "store/open_database.hpp"

namespace isms::cli {

namespace {

const store::Actor kCliActor{UserId{0}, "cli"};

/// Settings shared by commands; flags override ISMS_* and the config file.
struct CommonFlags {
    std::string config_file;
    std::string data;
    std::string database;
    std::string format = "table";
};

struct Output {
    std::ostream& out;
    std::ostream& err;
    bool json = false;
};

int Fail(Output& o, const Error& e) {
    if (o.json) {
        json::object problem{{"error", ErrorName(e.code)}, {"message", e.message}};
        if (!e.fields.empty()) {
            json::array fields;
            for (const auto& f : e.fields) {
                fields.push_back(json::object{{"field", f.field}, {"message", f.message}});
            }
            problem["errors"] = std::move(fields);
        }
        o.err << json::serialize(problem) << '\n';
    } else {
        o.err << "isms: " << e.message << '\n';
        for (const auto& f : e.fields) {
            o.err << "  " << f.field << ": " << f.message << '\n';
        }
    }
    return ExitCode(e.code);
}

Result<Config> MakeConfig(const CommonFlags& flags, std::map<std::string, std::string> extra = {}) {
    if (!flags.data.empty()) {
        extra["data"] = flags.data;
    }
    if (!flags.database.empty()) {
        extra["database"] = flags.database;
    }
    return LoadConfig(flags.config_file, ProcessEnvironment(), extra);
}

Result<std::unique_ptr<app::App>> OpenApp(const Config& config) {
    app::AppOptions options;
    options.config = config;
    return app::App::Open(std::move(options));
}

Result<std::string> ReadSecretFile(const std::string& path) {
    std::string text;
    if (path == "-") {
        std::getline(std::cin, text);
    } else {
        std::ifstream in(path);
        if (!in) {
            return Error::Invalid("password-file", "cannot read " + path);
        }
        std::getline(in, text);
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) {
        text.pop_back();
    }
    return text;
}

void AddCommon(CLI::App* cmd, CommonFlags& flags, bool with_format) {
    cmd->add_option("--config", flags.config_file, "JSON config file (also ISMS_CONFIG)");
    cmd->add_option("--data", flags.data, "data directory (also ISMS_DATA; default ./isms-data)");
    cmd->add_option(
        "--database",
        flags.database,
        "postgresql://user:password@host:port/dbname (also ISMS_DATABASE; default: SQLite "
        "isms.db in the data directory)"
    );
    if (with_format) {
        cmd->add_option("--format", flags.format, "output: table or json")
            ->check(CLI::IsMember({"table", "json"}));
    }
}

/// `serve` settings given as flags (listen, threads, tls_cert, tls_key, blob_key_file,
/// web_root).
int RunServe(
    Output& o, const CommonFlags& flags, const std::map<std::string, std::string>& extra, bool demo
) {
    auto config = MakeConfig(flags, extra);
    if (!config) {
        return Fail(o, config.error());
    }
    Severity level = Severity::kInfo;
    if (ParseSeverity(config->log_level, level)) {
        Log().SetMinimum(level);
    }
    // Block the stop signals in every thread; the main thread waits for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    http::ServerOptions base;
    base.threads = config->threads;
    // The server reads up to the larger limit; the app applies the one of the route.
    base.max_body_bytes = static_cast<std::size_t>(
        std::max({config->max_body_bytes, config->max_import_bytes, config->max_evidence_bytes})
    );
    base.max_header_bytes = static_cast<std::size_t>(config->max_header_bytes);
    base.read_timeout = std::chrono::seconds{config->read_timeout_seconds};
    base.idle_timeout = std::chrono::seconds{config->idle_timeout_seconds};
    base.tls_cert_file = config->tls_cert;
    base.tls_key_file = config->tls_key;
    auto options = http::Server::ParseListen(config->listen, base);
    if (!options) {
        return Fail(o, options.error());
    }
    if (auto tls = http::Server::CheckTls(*options); !tls) {  // before anything starts
        return Fail(o, tls.error());
    }
    auto app = OpenApp(*config);
    if (!app) {
        return Fail(o, app.error());
    }
    if (demo) {
        auto seeded = app::SeedDemo(**app);
        if (seeded) {
            o.out << "isms: seeded the demo organization.\n"
                  << "  admin e-mail:      " << seeded->email << "\n"
                  << "  one-time password: " << seeded->password << "\n"
                  << "  (shown once; change it with: isms user passwd --email " << seeded->email
                  << ")\n";
        } else if (seeded.error().code != ErrorCode::kConflict) {
            return Fail(o, seeded.error());
        }
    }
    app::App& instance = **app;
    std::optional<app::DigestScheduler> digests;  // stops before the app closes
    if (!config->smtp_url.empty()) {
        auto smtp = notifications::SmtpSettingsFrom(*config);
        if (!smtp) {
            return Fail(o, smtp.error());
        }
        digests.emplace(instance, std::move(*smtp), std::chrono::minutes{5});
    }
    http::Server server(*options, [&instance](http::Request&& r) {
        return instance.Handle(std::move(r));
    });
    auto port = server.Start();
    if (!port) {
        return Fail(o, port.error());
    }
    o.out << "isms: serving " << (options->Tls() ? "https" : "http") << "://" << options->host
          << ":" << *port << "/ (data in " << config->data_dir;
    if (!config->database.empty()) {
        o.out << ", database " << store::RedactDatabaseUrl(config->database);
    }
    o.out << "); Ctrl-C stops" << std::endl;
    Log().Log(
        Severity::kNotice,
        "server.started",
        {{"listen", options->host + ":" + std::to_string(*port)}}
    );
    int received = 0;
    sigwait(&signals, &received);
    Log().Log(Severity::kNotice, "server.stopping", {{"signal", received}});
    server.Stop();
    server.Wait();
    return kExitOk;
}

int RunVerify(Output& o, const CommonFlags& flags) {
    auto config = MakeConfig(flags);
    if (!config) {
        return Fail(o, config.error());
    }
    const std::filesystem::path data(config->data_dir);
    if (config->database.empty() && !std::filesystem::exists(data / "isms.db")) {
        return Fail(o, Error::NotFound("no isms database in " + data.string()));
    }
    auto public_key = store::LoadLedgerPublicKey((data / "keys").string());
    if (!public_key) {
        return Fail(o, public_key.error());
    }
    auto db = store::OpenDatabase(store::StoreOptionsFrom(*config));
    if (!db) {
        return Fail(o, db.error());
    }
    auto registry = app::BuildRegistry();
    if (!registry) {
        return Fail(o, registry.error());
    }
    auto report = store::VerifyLedger(**db, *public_key, *registry);
    if (!report) {
        return Fail(o, report.error());
    }
    if (o.json) {
        o.out << json::serialize(json::object{
            {"ok", report->ok},
            {"events", report->events},
            {"checkpoints", report->checkpoints},
            {"records", report->records},
            {"head_seq", report->head_seq},
            {"head_hash", report->head_hash},
            {"bad_seq", report->bad_seq},
            {"problem", report->problem}})
              << '\n';
    } else if (report->ok) {
        o.out << "ledger OK: " << report->events << " events, " << report->records
              << " records match, head " << report->head_seq << " " << report->head_hash
              << " signed\n";
    } else {
        o.out << "ledger BROKEN: " << report->problem << '\n';
    }
    return report->ok ? kExitOk : kExitFailure;
}

void PrintJsonOrLine(Output& o, const json::object& value, const std::string& line) {
    if (o.json) {
        o.out << json::serialize(value) << '\n';
    } else {
        o.out << line << '\n';
    }
}

/// Writes a command's output for the chosen format, or its error; returns the exit code.
int Finish(Output& o, const Result<CommandOutput>& result) {
    if (!result) {
        return Fail(o, result.error());
    }
    o.out << (o.json ? json::serialize(result->json) + "\n" : result->text);
    return result->failed ? kExitFailure : kExitOk;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App cli{"isms — Information Security Management System for ISO/IEC 27001:2022", "isms"};
    cli.require_subcommand(1);
    cli.set_help_all_flag("--help-all", "all commands with their options");
    CommonFlags flags;
    Output o{out, err, false};

    // serve
    auto* serve = cli.add_subcommand("serve", "serve the REST API and web UI");
    AddCommon(serve, flags, false);
    std::string listen;
    bool demo = false;
    int threads = 0;
    serve->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080)");
    serve->add_flag("--demo", demo, "seed the demo organization on first start");
    serve->add_option("--threads", threads, "HTTP worker threads (default: one per core)");
    std::string tls_cert;
    std::string tls_key;
    std::string blob_key_file;
    serve->add_option(
        "--tls-cert", tls_cert, "PEM certificate chain: serve HTTPS (also ISMS_TLS_CERT)"
    );
    serve->add_option("--tls-key", tls_key, "PEM private key, mode 0600 (also ISMS_TLS_KEY)");
    serve->add_option(
        "--blob-key-file", blob_key_file, "32-byte key, mode 0600: encrypt new evidence files"
    );
    std::string web_root;
    serve->add_option(
        "--web-root", web_root, "directory of the built web UI (default: web/dist of the source)"
    );
    SmtpFlags serve_smtp;
    AddSmtpOptions(serve, serve_smtp);

    // init
    auto* init =
        cli.add_subcommand("init", "create the data directory, an organization and its admin");
    AddCommon(init, flags, true);
    std::string org_name;
    std::string org_slug;
    std::string email;
    std::string password_file;
    std::string name;
    init->add_option("--org", org_name, "organization name")->required();
    init->add_option("--slug", org_slug, "short name (default: derived from --org)");
    init->add_option("--admin-email", email, "admin e-mail")->required();
    init->add_option(
            "--admin-password-file", password_file, "file holding the password (- for stdin)"
    )
        ->required();

    // user add | passwd | mfa-reset
    auto* user = cli.add_subcommand("user", "manage users");
    user->require_subcommand(1);
    auto* user_add = user->add_subcommand("add", "add a user to an organization with a role");
    AddCommon(user_add, flags, true);
    std::string role = "reader";
    user_add->add_option("--org", org_slug, "organization slug (default: the only one)");
    user_add->add_option("--email", email, "e-mail")->required();
    user_add->add_option("--name", name, "display name");
    user_add->add_option(
        "--role", role, "admin|isms_manager|risk_owner|control_owner|auditor|reader"
    );
    user_add
        ->add_option("--password-file", password_file, "file holding the password (- for stdin)")
        ->required();
    auto* user_passwd =
        user->add_subcommand("passwd", "set a user's password (ends their sessions)");
    AddCommon(user_passwd, flags, true);
    user_passwd->add_option("--email", email, "e-mail")->required();
    user_passwd
        ->add_option("--password-file", password_file, "file holding the password (- for stdin)")
        ->required();
    auto* user_mfa_reset = user->add_subcommand(
        "mfa-reset", "remove a user's MFA (a lost device) and end their sessions"
    );
    AddCommon(user_mfa_reset, flags, true);
    user_mfa_reset->add_option("--email", email, "e-mail")->required();

    // token create
    auto* token = cli.add_subcommand("token", "manage API tokens");
    token->require_subcommand(1);
    auto* token_create = token->add_subcommand("create", "issue an API token and print it once");
    AddCommon(token_create, flags, true);
    std::string token_name;
    std::string scope = "read_write";
    std::string expires;
    token_create->add_option("--email", email, "the user the token acts as")->required();
    token_create->add_option("--name", token_name, "what the token is for")->required();
    token_create->add_option("--org", org_slug, "organization slug (default: the user's only one)");
    token_create->add_option("--scope", scope, "read|read_write|admin");
    token_create->add_option("--expires", expires, "lifetime as an ISO 8601 duration, e.g. P90D");

    // ledger verify
    auto* ledger = cli.add_subcommand("ledger", "the tamper-evident ledger");
    ledger->require_subcommand(1);
    auto* verify =
        ledger->add_subcommand("verify", "re-walk the hash chain, signatures and state offline");
    AddCommon(verify, flags, true);

    // backup, restore, migrate
    auto* backup =
        cli.add_subcommand("backup", "write a consistent copy of the database while it runs");
    AddCommon(backup, flags, true);
    std::string backup_file;
    backup->add_option("--out", backup_file, "backup file to write")->required();
    std::string backup_key_file;
    backup->add_option(
        "--encrypt-key-file", backup_key_file, "32-byte key, mode 0600: encrypt the backup"
    );
    auto* restore = cli.add_subcommand("restore", "replace the database with a verified backup");
    AddCommon(restore, flags, true);
    bool force = false;
    restore->add_option("--from", backup_file, "backup file")->required();
    restore->add_flag("--force", force, "replace an existing database");
    restore->add_option(
        "--decrypt-key-file", backup_key_file, "the key an encrypted backup was made with"
    );
    auto* key = cli.add_subcommand("key", "encryption keys for evidence files and backups");
    key->require_subcommand(1);
    auto* key_generate =
        key->add_subcommand("generate", "write a new random 32-byte key file (mode 0600)");
    AddCommon(key_generate, flags, true);
    std::string key_out;
    key_generate->add_option("--out", key_out, "key file to create")->required();
    auto* migrate = cli.add_subcommand("migrate", "bring the database schema up to date");
    AddCommon(migrate, flags, true);

    // bench gen
    // catalog list | show | import | diff | map
    CatalogCommands catalog;
    AddCatalogCommands(cli, catalog, [&](CLI::App* cmd) { AddCommon(cmd, flags, true); });
    // metrics compute
    MetricCommands metrics;
    AddMetricCommands(cli, metrics, [&](CLI::App* cmd) { AddCommon(cmd, flags, true); });
    // notifications digest
    NotificationCommands notification_commands;
    AddNotificationCommands(cli, notification_commands, [&](CLI::App* cmd) {
        AddCommon(cmd, flags, true);
    });

    // document list | show | submit | approve | publish
    DocumentCommands document_commands;
    AddDocumentCommands(cli, document_commands, [&](CLI::App* cmd) {
        AddCommon(cmd, flags, true);
    });
    // audit list | checklist | report
    AuditCommands audit_commands;
    AddAuditCommands(cli, audit_commands, [&](CLI::App* cmd) { AddCommon(cmd, flags, true); });

    auto* bench = cli.add_subcommand("bench", "benchmark helpers");
    bench->require_subcommand(1);
    auto* gen = bench->add_subcommand(
        "gen", "fill a data directory with generated organizations and assets"
    );
    AddCommon(gen, flags, true);
    BenchGenOptions gen_options;
    gen->add_option("--tenants", gen_options.tenants, "organizations")->check(CLI::Range(1, 1000));
    gen->add_option("--assets", gen_options.assets_per_tenant, "assets per organization")
        ->check(CLI::Range(0, 10'000'000));
    gen->add_option("--seed", gen_options.seed, "random seed");
    gen->add_option(
           "--risks",
           gen_options.risks_per_tenant,
           "risks per organization, with treatment actions and loss models"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--controls",
           gen_options.controls_per_tenant,
           "applied controls per organization, each implementing Annex A controls"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--measurements",
           gen_options.measurements_per_tenant,
           "measurements per organization over twenty metrics, with four management reviews"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
    gen->add_option(
           "--evidence", gen_options.evidence_per_tenant, "evidence links per organization"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option("--incidents", gen_options.incidents_per_tenant, "incidents per organization")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option("--suppliers", gen_options.suppliers_per_tenant, "suppliers per organization")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--context",
           gen_options.context_per_tenant,
           "records of each context register (issues, parties, obligations …) per organization"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--people",
           gen_options.people_per_tenant,
           "people per organization, with training records, required competences, one "
           "published document per 50 people and their acknowledgements"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--assessments",
           gen_options.assessments_per_tenant,
           "assessments of the generated framework per organization (with --requirements)"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{100'000}));
    gen->add_option("--audits", gen_options.audits_per_tenant, "internal audits per organization")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{100'000}));
    gen->add_option(
           "--nonconformities",
           gen_options.nonconformities_per_tenant,
           "nonconformities per organization, with five whys and corrective actions"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
    gen->add_option(
           "--results",
           gen_options.results_per_tenant,
           "requirement results per organization, across its assessments"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
    gen->add_option(
           "--requirements",
           gen_options.requirements,
           "requirements of a generated framework per organization (0: none)"
    )
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{100'000}));

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        cli.parse(reversed);
    } catch (const CLI::CallForHelp& e) {
        out << cli.help();
        return kExitOk;
    } catch (const CLI::CallForAllHelp& e) {
        out << cli.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        err << "isms: " << e.what() << "\n(see isms --help)\n";
        return kExitUsage;
    }
    o.json = flags.format == "json";

    try {
        if (serve->parsed()) {
            std::map<std::string, std::string> settings{
                {"listen", listen},
                {"threads", threads > 0 ? std::to_string(threads) : ""},
                {"tls_cert", tls_cert},
                {"tls_key", tls_key},
                {"blob_key_file", blob_key_file},
                {"web_root", web_root}};
            std::erase_if(settings, [](const auto& setting) { return setting.second.empty(); });
            serve_smtp.AddTo(settings);
            return RunServe(o, flags, settings, demo);
        }
        if (verify->parsed()) {
            return RunVerify(o, flags);
        }
        if (backup->parsed()) {
            auto config = MakeConfig(flags);
            if (!config) {
                return Fail(o, config.error());
            }
            if (std::filesystem::exists(backup_file)) {
                return Fail(o, Error::Conflict(backup_file + " exists; choose a new file"));
            }
            auto app = OpenApp(*config);
            if (!app) {
                return Fail(o, app.error());
            }
            if (auto ok = WriteBackup(**app, backup_file, backup_key_file); !ok) {
                return Fail(o, ok.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"backup", backup_file}, {"encrypted", !backup_key_file.empty()}},
                std::string(backup_key_file.empty() ? "backup" : "encrypted backup")
                    + " written to " + backup_file + " (keep " + config->data_dir
                    + "/keys/ safe separately)"
            );
            return kExitOk;
        }
        if (restore->parsed()) {
            auto config = MakeConfig(flags);
            if (!config) {
                return Fail(o, config.error());
            }
            auto restored = RestoreBackup(*config, backup_file, force, backup_key_file);
            if (!restored) {
                return Fail(o, restored.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"restored", backup_file}, {"events", *restored}},
                "restored " + backup_file + " (" + std::to_string(*restored)
                    + " ledger events verified)"
            );
            return kExitOk;
        }
        if (key_generate->parsed()) {
            crypto::InitCrypto();
            auto key_id = crypto::WriteNewStreamKey(key_out);
            if (!key_id) {
                return Fail(o, key_id.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"key", key_out}, {"key_id", *key_id}},
                "key " + *key_id + " written to " + key_out + " (keep a copy apart from backups)"
            );
            return kExitOk;
        }
        if (catalog.validate->parsed()) {
            return Finish(o, RunCatalogValidate(catalog));
        }
        if (gen->parsed()) {
            auto config = MakeConfig(flags, {{"synchronous", "normal"}});
            if (!config) {
                return Fail(o, config.error());
            }
            auto app = OpenApp(*config);
            if (!app) {
                return Fail(o, app.error());
            }
            auto made = GenerateBenchData(**app, gen_options, err);
            if (!made) {
                return Fail(o, made.error());
            }
            PrintJsonOrLine(o, *made, json::serialize(*made));
            return kExitOk;
        }
        // The remaining commands open the instance.
        std::map<std::string, std::string> smtp_settings;
        notification_commands.smtp.AddTo(smtp_settings);
        auto config = MakeConfig(flags, smtp_settings);
        if (!config) {
            return Fail(o, config.error());
        }
        auto opened = OpenApp(*config);
        if (!opened) {
            return Fail(o, opened.error());
        }
        app::App& app = **opened;
        if (Parsed(catalog)) {
            return Finish(o, RunCatalogCommand(catalog, app));
        }
        if (Parsed(document_commands)) {
            return Finish(o, RunDocumentCommand(document_commands, app));
        }
        if (Parsed(audit_commands)) {
            return Finish(o, RunAuditCommand(audit_commands, app));
        }
        if (metrics.compute->parsed()) {
            auto result = RunMetricsCompute(metrics, app);
            if (!result) {
                return Fail(o, result.error());
            }
            PrintJsonOrLine(o, *result, json::serialize(*result));
            return kExitOk;
        }
        if (notification_commands.digest->parsed()) {
            return Finish(o, RunDigestCommand(notification_commands, app));
        }
        if (migrate->parsed()) {
            PrintJsonOrLine(
                o,
                json::object{{"schema_version", store::LatestSchemaVersion()}},
                "database schema at version " + std::to_string(store::LatestSchemaVersion())
            );
            return kExitOk;
        }
        if (init->parsed()) {
            auto password = ReadSecretFile(password_file);
            if (!password) {
                return Fail(o, password.error());
            }
            if (org_slug.empty()) {
                for (char c : org_name) {
                    const auto u = static_cast<unsigned char>(c);
                    if (std::isalnum(u) != 0) {
                        org_slug.push_back(static_cast<char>(std::tolower(u)));
                    } else if (!org_slug.empty() && org_slug.back() != '-') {
                        org_slug.push_back('-');
                    }
                }
                while (!org_slug.empty() && org_slug.back() == '-') {
                    org_slug.pop_back();
                }
            }
            // The admin first: a bad e-mail or short password must not leave an organization
            // without an admin behind. EnsureUser reuses the user when the command is repeated.
            auto admin = app.iam().EnsureUser(kCliActor, email, "", *password);
            if (!admin) {
                return Fail(o, admin.error());
            }
            auto tenant = app.iam().CreateTenant(kCliActor, org_name, org_slug);
            if (!tenant) {
                return Fail(o, tenant.error());
            }
            if (auto ok = app.iam().SetMembership(kCliActor, tenant->id, *admin, iam::Role::kAdmin);
                !ok) {
                return Fail(o, ok.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"organization", org_slug}, {"admin", email}},
                "created organization " + org_slug + " with admin " + email
            );
            return kExitOk;
        }
        if (user_add->parsed()) {
            auto password = ReadSecretFile(password_file);
            if (!password) {
                return Fail(o, password.error());
            }
            auto parsed_role = iam::ParseRole(role);
            if (!parsed_role) {
                return Fail(o, Error::Invalid("role", "unknown role '" + role + "'"));
            }
            auto user_id = app.iam().EnsureUser(kCliActor, email, name, *password);
            if (!user_id) {
                return Fail(o, user_id.error());
            }
            auto tenant = OnlyOrNamedTenant(app, org_slug);
            if (!tenant) {
                return Fail(o, tenant.error());
            }
            if (auto ok = app.iam().SetMembership(kCliActor, *tenant, *user_id, *parsed_role);
                !ok) {
                return Fail(o, ok.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"id", user_id->value}, {"email", email}, {"role", role}},
                "user " + email + " is " + role
            );
            return kExitOk;
        }
        if (user_passwd->parsed()) {
            auto password = ReadSecretFile(password_file);
            if (!password) {
                return Fail(o, password.error());
            }
            if (auto ok = app.iam().SetPassword(kCliActor, email, *password); !ok) {
                return Fail(o, ok.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"email", email}, {"password_changed", true}},
                "password changed for " + email + "; their sessions are ended"
            );
            return kExitOk;
        }
        if (user_mfa_reset->parsed()) {
            if (auto ok = app.iam().ResetMfaByOperator(kCliActor, email); !ok) {
                return Fail(o, ok.error());
            }
            PrintJsonOrLine(
                o,
                json::object{{"email", email}, {"mfa_reset", true}},
                "MFA reset for " + email + "; their sessions are ended, they enrol again"
            );
            return kExitOk;
        }
        if (token_create->parsed()) {
            auto parsed_scope = iam::ParseTokenScope(scope);
            if (!parsed_scope) {
                return Fail(o, Error::Invalid("scope", "must be read, read_write or admin"));
            }
            std::optional<Timestamp> expires_at;
            if (!expires.empty()) {
                auto d = ParseDuration(expires);
                if (!d) {
                    return Fail(
                        o, Error::Invalid("expires", "must be an ISO 8601 duration such as P90D")
                    );
                }
                expires_at = app.clock().Now() + *d;
            }
            auto principal = MemberPrincipal(app, org_slug, email);
            if (!principal) {
                return Fail(o, principal.error());
            }
            auto issued = app.iam().CreateToken(*principal, token_name, *parsed_scope, expires_at);
            if (!issued) {
                return Fail(o, issued.error());
            }
            PrintJsonOrLine(
                o,
                json::object{
                    {"id", issued->id},
                    {"name", issued->name},
                    {"token", issued->token},
                    {"scope", scope}},
                issued->token
            );
            return kExitOk;
        }
    } catch (const std::exception& e) {
        err << "isms: internal error: " << e.what() << '\n';
        return kExitInternal;
    }
    err << "isms: no command (see isms --help)\n";
    return kExitUsage;
}

}  // namespace isms::cli
