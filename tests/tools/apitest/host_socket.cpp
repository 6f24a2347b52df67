// The socket host: requests go over TCP to a running `isms serve` (the smoke pass of the real
// binary). The server's clock and process are not ours, so `clock` and `restart` are skipped;
// fixtures open a second App on the server's data directory (SQLite WAL allows it).
#include <charconv>
#include <memory>

#include "apitest/host.hpp"
#include "apitest/host_common.hpp"
#include "core/config.hpp"
#include "http/client.hpp"

namespace isms::apitest {

namespace {

struct BaseUrl {
    std::string host;
    std::uint16_t port = 80;
    std::string prefix;  // path prepended to every target, without a trailing '/'
};

Error BadUrl(std::string message) {
    return Error{ErrorCode::kInvalidArgument, "--base-url: " + std::move(message), {}};
}

Result<BaseUrl> ParseBaseUrl(std::string_view url) {
    constexpr std::string_view kScheme = "http://";
    if (url.substr(0, kScheme.size()) != kScheme) {
        return BadUrl("expected http://HOST:PORT, got " + std::string(url));
    }
    url.remove_prefix(kScheme.size());
    BaseUrl out;
    const std::size_t slash = url.find('/');
    if (slash != std::string_view::npos) {
        out.prefix = std::string(url.substr(slash));
        while (!out.prefix.empty() && out.prefix.back() == '/') {
            out.prefix.pop_back();
        }
        url = url.substr(0, slash);
    }
    const std::size_t colon = url.rfind(':');
    out.host = std::string(url.substr(0, colon));
    if (colon != std::string_view::npos) {
        const std::string_view digits = url.substr(colon + 1);
        const auto [ptr, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), out.port);
        if (ec != std::errc{} || ptr != digits.data() + digits.size()) {
            return BadUrl("bad port in " + std::string(url));
        }
    }
    if (out.host.empty()) {
        return BadUrl("missing host in the base URL");
    }
    return out;
}

class SocketHost final : public Host {
public:
    SocketHost(BaseUrl url, std::string data_dir)
        : url_(std::move(url)), data_dir_(std::move(data_dir)), client_(url_.host, url_.port) {}

    Result<http::Response> Send(const http::Request& request) override {
        http::Request sent = request;
        sent.target = url_.prefix + request.target;
        return client_.Send(sent);
    }

    Result<Done> SetClock(Timestamp /*now*/) override { return Done::kSkipped; }
    Result<Done> AdvanceClock(std::chrono::seconds /*by*/) override { return Done::kSkipped; }
    Result<Done> Restart() override { return Done::kSkipped; }
    Result<Done> ApplySetting(const std::string& /*name*/, const std::string& /*value*/) override {
        return Done::kSkipped;
    }
    Result<Done> CheckBlob(const std::string& sha256, bool encrypted) override {
        return detail::CheckBlob(data_dir_, sha256, encrypted);
    }
    Result<Done> VerifyLedger() override { return detail::VerifyLedger(data_dir_); }
    Result<Done> TamperBlob(const std::string& sha256) override {
        return detail::TamperBlob(data_dir_, sha256);
    }
    CliOutput RunCli(const std::vector<std::string>& args) override { return detail::RunCli(args); }

    Status EnsureTenant(const std::string& slug) override {
        ISMS_TRY_ASSIGN(app::App * app, FixtureApp());
        return fixtures_.EnsureTenant(*app, slug);
    }

    Result<std::string> TokenFor(const std::string& tenant, const std::string& role) override {
        ISMS_TRY_ASSIGN(app::App * app, FixtureApp());
        return fixtures_.TokenFor(*app, tenant, role);
    }

    std::string DataDir() const override { return data_dir_; }

private:
    Result<app::App*> FixtureApp() {
        if (app_ != nullptr) {
            return app_.get();
        }
        if (data_dir_.empty()) {
            return Error{
                ErrorCode::kInvalidArgument,
                "fixtures against --base-url need --data DIR (the server's data directory)",
                {}};
        }
        Config config;
        config.data_dir = data_dir_;
        ISMS_TRY_ASSIGN(app_, app::App::Open(app::AppOptions{config, nullptr}));
        return app_.get();
    }

    BaseUrl url_;
    std::string data_dir_;
    http::Client client_;
    std::unique_ptr<app::App> app_;  // opened on first fixture use
    detail::Fixtures fixtures_;
};

}  // namespace

Result<std::unique_ptr<Host>> OpenSocketHost(
    const std::string& base_url, const std::string& data_dir
) {
    ISMS_TRY_ASSIGN(BaseUrl url, ParseBaseUrl(base_url));
    return std::unique_ptr<Host>(std::make_unique<SocketHost>(std::move(url), data_dir));
}

}  // namespace isms::apitest
