// The in-process host: App::Handle called directly, no sockets; one fresh data directory per
// scenario file and a FixedClock that starts at 2026-01-01T00:00:00Z. On PostgreSQL each file
// also gets a fresh database on the test server, created here and dropped at the end; the CLI
// directives reach it through ISMS_DATABASE.
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>

#include <stdlib.h>

#include "apitest/host.hpp"
#include "apitest/host_common.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "store/database_url.hpp"
#include "store/postgres/pg_database.hpp"

namespace isms::apitest {

namespace {

namespace fs = std::filesystem;

constexpr Timestamp kStart{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};

class InProcessHost final : public Host {
public:
    InProcessHost(std::string dir, bool keep) : dir_(std::move(dir)), keep_(keep), clock_(kStart) {}

    ~InProcessHost() override {
        app_.reset();  // close the store before removing its files
        if (!postgres_server_.empty()) {
            ::unsetenv("ISMS_DATABASE");  // NOLINT(concurrency-mt-unsafe): no App runs now
            if (!keep_) {
                static_cast<void>(store::ExecStandalone(
                    postgres_server_, "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)"
                ));
            }
        }
        if (!keep_) {
            std::error_code ignored;
            fs::remove_all(dir_, ignored);
        }
    }

    /// Creates this file's database on the server `server_url` names (any database there).
    [[nodiscard]] Status UsePostgres(const std::string& server_url) {
        database_ = "isms_apitest_" + crypto::RandomToken(8);
        for (char& c : database_) {  // tokens are URL-safe base64; names are plain lower case
            c = std::isalnum(static_cast<unsigned char>(c)) != 0
                    ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                    : '_';
        }
        ISMS_TRY(store::ExecStandalone(server_url, "CREATE DATABASE " + database_));
        postgres_server_ = server_url;
        database_url_ = store::WithDatabaseName(server_url, database_);
        // NOLINTNEXTLINE(concurrency-mt-unsafe): set before any App of this host runs
        ::setenv("ISMS_DATABASE", database_url_.c_str(), 1);
        return {};
    }

    InProcessHost(const InProcessHost&) = delete;
    InProcessHost& operator=(const InProcessHost&) = delete;

    [[nodiscard]] Status OpenApp() {
        // Only the scenario's settings: the process environment must not change a test.
        ISMS_TRY_ASSIGN(
            Config config,
            LoadConfig(
                "", [](const std::string&) { return std::optional<std::string>(); }, settings_
            )
        );
        config.data_dir = dir_;
        config.database = database_url_;
        // Durability against power loss is not what scenarios test; `restart` closes cleanly.
        config.synchronous = "normal";
        auto app = app::App::Open(app::AppOptions{config, &clock_});
        if (!app) {
            return app.error();
        }
        app_ = std::move(*app);
        return {};
    }

    Result<http::Response> Send(const http::Request& request) override {
        return app_->Handle(request);
    }

    Result<Done> SetClock(Timestamp now) override {
        clock_.Set(now);
        return Done::kRan;
    }

    Result<Done> AdvanceClock(std::chrono::seconds by) override {
        clock_.Advance(by);
        return Done::kRan;
    }

    [[nodiscard]] Timestamp Now() const override { return clock_.Now(); }

    Result<Done> Restart() override {
        app_.reset();
        ISMS_TRY(OpenApp());
        return Done::kRan;
    }

    Result<Done> ApplySetting(const std::string& name, const std::string& value) override {
        auto previous = settings_;
        if (value.empty()) {
            settings_.erase(name);
        } else {
            settings_[name] = value;
        }
        app_.reset();
        if (auto opened = OpenApp(); !opened) {
            settings_ = std::move(previous);
            ISMS_TRY(OpenApp());
            return opened.error();
        }
        return Done::kRan;
    }

    Result<Done> CheckBlob(const std::string& sha256, bool encrypted) override {
        return detail::CheckBlob(dir_, sha256, encrypted);
    }
    Result<Done> VerifyLedger() override { return detail::VerifyLedger(dir_); }
    Result<Done> TamperBlob(const std::string& sha256) override {
        return detail::TamperBlob(dir_, sha256);
    }

    CliOutput RunCli(const std::vector<std::string>& args) override { return detail::RunCli(args); }

    Status EnsureTenant(const std::string& slug) override {
        return fixtures_.EnsureTenant(*app_, slug);
    }

    Result<std::string> TokenFor(const std::string& tenant, const std::string& role) override {
        return fixtures_.TokenFor(*app_, tenant, role);
    }

    std::string DataDir() const override { return dir_; }

private:
    std::string dir_;
    bool keep_;
    std::string postgres_server_;  // empty on SQLite
    std::string database_;
    std::string database_url_;
    std::map<std::string, std::string> settings_;  // `setting` directives, as flags
    FixedClock clock_;                             // declared before app_: the App borrows it
    std::unique_ptr<app::App> app_;
    detail::Fixtures fixtures_;
};

}  // namespace

Result<std::unique_ptr<Host>> OpenInProcessHost(bool keep, const std::string& postgres_url) {
    std::string base = ProcessEnvironment()("TMPDIR").value_or("");
    if (base.empty()) {
        base = "/tmp";
    }
    std::string pattern = base + "/apitest-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        return Error::Internal("cannot create a directory like " + pattern);
    }
    auto host = std::make_unique<InProcessHost>(pattern, keep);
    if (!postgres_url.empty()) {
        ISMS_TRY(host->UsePostgres(postgres_url));
    }
    ISMS_TRY(host->OpenApp());
    return std::unique_ptr<Host>(std::move(host));
}

}  // namespace isms::apitest
