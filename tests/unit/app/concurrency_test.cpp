// Requests answered by one App from several threads at once, as the server's I/O threads do:
// the writer lease, the reader pool, the list-total and SoA caches and the ledger under real
// concurrency. Built and run under ThreadSanitizer too (label `concurrency`, docs/testing.md).
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "store/ledger.hpp"
#include "store/ledger_verify.hpp"

namespace isms::app {
namespace {

class ConcurrencyTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ =
            std::filesystem::temp_directory_path() / ("isms-concurrency-" + crypto::RandomToken(6));
        AppOptions options;
        options.config.data_dir = dir_.string();
        app_ = App::Open(std::move(options)).value();
        const TenantId tenant = app_->CreateTenant("Acme", "acme").value();
        token_ =
            app_->ProvisionUser(tenant, "admin@acme.test", "a long admin password", "admin", "t")
                .value()
                .token;
    }
    void TearDown() override {
        app_.reset();
        std::filesystem::remove_all(dir_);
    }

    http::Response Send(
        std::string method, std::string target, std::string body = {}, std::string if_match = {}
    ) {
        http::Request r;
        r.method = std::move(method);
        r.target = std::move(target);
        r.headers.emplace_back("authorization", "Bearer " + token_);
        if (!body.empty()) {
            r.headers.emplace_back("content-type", "application/json");
        }
        if (!if_match.empty()) {
            r.headers.emplace_back("if-match", "\"" + if_match + "\"");
        }
        r.body = std::move(body);
        r.remote_address = "127.0.0.1";
        return app_->Handle(std::move(r));
    }

    static json::object Body(const http::Response& r) { return ParseJsonObject(r.body).value(); }

    void ExpectLedgerVerifies() {
        const auto key = store::LoadLedgerPublicKey((dir_ / "keys").string()).value();
        const auto report = store::VerifyLedger(app_->database(), key, app_->registry()).value();
        EXPECT_TRUE(report.ok) << report.problem;
    }

    std::filesystem::path dir_;
    std::unique_ptr<App> app_;
    std::string token_;
};

TEST_F(ConcurrencyTest, WritersAndReadersAtOnceLeaveEveryWriteAndAVerifyingLedger) {
    constexpr int kWriters = 4;
    constexpr int kAssetsEach = 8;
    const std::vector<std::string> controls = {"A.5.1", "A.5.2", "A.5.3", "A.5.4"};
    std::atomic<bool> writing{true};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < kWriters; ++w) {
        threads.emplace_back([&, w] {
            for (int i = 0; i < kAssetsEach; ++i) {
                const std::string name = "w" + std::to_string(w) + "-" + std::to_string(i);
                auto created = Send(
                    "POST", "/api/v1/assets", R"({"name":")" + name + R"(","kind":"primary"})"
                );
                if (created.status != 201) {
                    ++failures;
                    continue;
                }
                const auto id = std::to_string(Body(created).at("id").as_int64());
                if (Send("PATCH", "/api/v1/assets/" + id, R"({"location":"DC2"})", "1").status
                    != 200) {
                    ++failures;
                }
                const std::string decision =
                    i % 2 == 0 ? R"({"applicable":true,"reasons":["business_need"]})"
                               : R"({"applicable":false,"justification":"no"})";
                if (Send(
                        "PUT",
                        "/api/v1/soa/controls/" + controls[static_cast<std::size_t>(w)],
                        decision
                    )
                        .status
                    != 200) {
                    ++failures;
                }
            }
        });
    }
    std::vector<std::int64_t> seen_totals;
    std::thread reader([&] {
        while (writing.load()) {
            auto list = Send("GET", "/api/v1/assets?kind=primary&limit=1");
            auto soa = Send("GET", "/api/v1/soa");
            if (list.status != 200 || soa.status != 200) {
                ++failures;
                return;
            }
            seen_totals.push_back(Body(list).at("total").as_int64());
        }
    });
    for (auto& t : threads) {
        t.join();
    }
    writing = false;
    reader.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_TRUE(std::is_sorted(seen_totals.begin(), seen_totals.end()))
        << "a reader saw the number of assets go down";
    auto list = Send("GET", "/api/v1/assets?kind=primary&limit=1");
    EXPECT_EQ(Body(list).at("total").as_int64(), kWriters * kAssetsEach);
    auto soa = Body(Send("GET", "/api/v1/soa"));
    EXPECT_EQ(soa.at("summary").at("undecided").as_int64(), 93 - kWriters);
    ExpectLedgerVerifies();
}

TEST_F(ConcurrencyTest, PatchesRacingOnOneVersionHaveExactlyOneWinner) {
    auto created = Send("POST", "/api/v1/assets", R"({"name":"Contended","kind":"primary"})");
    ASSERT_EQ(created.status, 201);
    const std::string path = "/api/v1/assets/" + std::to_string(Body(created).at("id").as_int64());
    constexpr int kThreads = 4;
    constexpr int kAttempts = 6;
    std::atomic<int> won{0};
    std::atomic<int> stale{0};
    std::atomic<int> other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kAttempts; ++i) {
                auto current = Send("GET", path);
                const auto version = std::to_string(Body(current).at("version").as_int64());
                const std::string body =
                    R"({"location":"t)" + std::to_string(t) + "-" + std::to_string(i) + R"("})";
                const unsigned status = Send("PATCH", path, body, version).status;
                (status == 200 ? won : status == 412 ? stale : other)++;
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(other.load(), 0);
    EXPECT_EQ(won.load() + stale.load(), kThreads * kAttempts);
    // Each version was won once: the record's version counts the winners, its history too.
    EXPECT_EQ(Body(Send("GET", path)).at("version").as_int64(), 1 + won.load());
    auto history = Body(Send("GET", path + "/history"));
    EXPECT_EQ(static_cast<int>(history.at("items").as_array().size()), 1 + won.load());
    ExpectLedgerVerifies();
}

}  // namespace
}  // namespace isms::app
