#include "apitest/runner.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace isms::apitest {
namespace {

/// A scripted host: answers requests with `respond`, records what it was asked to do.
class FakeHost final : public Host {
public:
    std::function<http::Response(const http::Request&)> respond;
    std::function<CliOutput(const std::vector<std::string>&)> cli;
    Done clock_done = Done::kRan;
    std::vector<http::Request> requests;
    std::vector<std::string> log;

    Result<http::Response> Send(const http::Request& request) override {
        requests.push_back(request);
        return respond(request);
    }
    Result<Done> SetClock(Timestamp now) override {
        log.push_back("clock " + FormatTimestamp(now));
        return clock_done;
    }
    Result<Done> AdvanceClock(std::chrono::seconds by) override {
        log.push_back("advance " + std::to_string(by.count()));
        return clock_done;
    }
    Result<Done> Restart() override {
        log.emplace_back("restart");
        return Done::kRan;
    }
    Result<Done> VerifyLedger() override {
        log.emplace_back("verify");
        return Error{ErrorCode::kInternal, "chain broken at 3", {}};
    }
    Result<Done> TamperBlob(const std::string& sha256) override {
        log.push_back("tamper " + sha256);
        return Done::kRan;
    }
    Result<Done> ApplySetting(const std::string& name, const std::string& value) override {
        log.push_back("setting " + name + "=" + value);
        return Done::kRan;
    }
    Result<Done> CheckBlob(const std::string& sha256, bool encrypted) override {
        log.push_back("blob " + sha256 + (encrypted ? " encrypted" : " plain"));
        return Done::kRan;
    }
    CliOutput RunCli(const std::vector<std::string>& args) override {
        return cli ? cli(args) : CliOutput{};
    }
    Status EnsureTenant(const std::string& slug) override {
        log.push_back("tenant " + slug);
        return {};
    }
    Result<std::string> TokenFor(const std::string& tenant, const std::string& role) override {
        return "tok-" + tenant + "-" + role;
    }
    std::string DataDir() const override { return "/tmp/data"; }
};

http::Response Json(unsigned status, std::string body) {
    return http::JsonResponse(status, std::move(body));
}

http::Response Problem(unsigned status, const std::string& type) {
    http::Response r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/problem+json");
    r.body = R"({"type": "https://isms.dev/problems/)" + type + R"(", "status": )"
             + std::to_string(status) + "}";
    return r;
}

struct Outcome {
    FileResult result = FileResult::kFailed;
    std::string output;
    std::map<int, BodyRewrite> rewrites;
};

class RunnerTest : public ::testing::Test {
protected:
    Outcome Run(std::string_view text, RunOptions options = {}) {
        auto scenario = ParseScenario(text, "t.apitest");
        EXPECT_TRUE(scenario) << (scenario ? "" : scenario.error().message);
        if (!options.env) {
            options.env = [](const std::string&) -> std::optional<std::string> {
                return std::nullopt;
            };
        }
        Outcome outcome;
        std::ostringstream out;
        HostFactory factory = [this]() -> Result<std::unique_ptr<Host>> {
            ++hosts_opened_;
            return std::unique_ptr<Host>(std::make_unique<Proxy>(host_));
        };
        outcome.result = RunScenario(*scenario, factory, options, out, &outcome.rewrites);
        outcome.output = out.str();
        return outcome;
    }

    // The runner owns its host; tests keep theirs, so the factory hands out a forwarding proxy.
    class Proxy final : public Host {
    public:
        explicit Proxy(FakeHost& target) : target_(target) {}
        Result<http::Response> Send(const http::Request& r) override { return target_.Send(r); }
        Result<Done> SetClock(Timestamp t) override { return target_.SetClock(t); }
        Result<Done> AdvanceClock(std::chrono::seconds d) override {
            return target_.AdvanceClock(d);
        }
        Result<Done> Restart() override { return target_.Restart(); }
        Result<Done> VerifyLedger() override { return target_.VerifyLedger(); }
        Result<Done> TamperBlob(const std::string& s) override { return target_.TamperBlob(s); }
        Result<Done> ApplySetting(const std::string& n, const std::string& v) override {
            return target_.ApplySetting(n, v);
        }
        Result<Done> CheckBlob(const std::string& s, bool e) override {
            return target_.CheckBlob(s, e);
        }
        CliOutput RunCli(const std::vector<std::string>& a) override { return target_.RunCli(a); }
        Status EnsureTenant(const std::string& s) override { return target_.EnsureTenant(s); }
        Result<std::string> TokenFor(const std::string& t, const std::string& r) override {
            return target_.TokenFor(t, r);
        }
        std::string DataDir() const override { return target_.DataDir(); }

    private:
        FakeHost& target_;
    };

    FakeHost host_;
    int hosts_opened_ = 0;
};

TEST_F(RunnerTest, CapturesSubstitutesAndAuthenticates) {
    host_.respond = [](const http::Request& r) {
        if (r.method == "POST") {
            return Json(201, R"({"id": "a\"1", "ref": "RSK-1"})");
        }
        return Json(200, R"({"items": [{"id": "a\"1"}]})");
    };
    const Outcome o =
        Run("tenant acme\n"
            "as isms_manager\n"
            "request ok\n"
            "POST /api/v1/risks\n"
            "{\"title\": \"T\"}\n"
            "----\n"
            "201\n"
            "capture risk = $.id\n"
            "$.ref == \"RSK-1\"\n"
            "\n"
            "as anonymous\n"
            "request ok\n"
            "GET /api/v1/risks?id={{risk}}\n"
            "----\n"
            "200\n"
            "$.items[0].id == \"{{risk}}\"\n"
            "$.items count == 1\n"
            "body\n"
            "{\"items\": [{\"id\": \"{{risk}}\"}]}\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    ASSERT_EQ(host_.requests.size(), 2U);
    EXPECT_EQ(host_.requests[0].Header("authorization"), "Bearer tok-acme-isms_manager");
    EXPECT_EQ(host_.requests[0].Header("content-type"), "application/json");
    EXPECT_EQ(host_.requests[0].body, "{\"title\": \"T\"}");
    EXPECT_EQ(host_.requests[1].target, "/api/v1/risks?id=a\"1");
    EXPECT_EQ(host_.requests[1].Header("authorization"), "");
    EXPECT_EQ(host_.log, (std::vector<std::string>{"tenant acme"}));
    EXPECT_NE(o.output.find("PASS t.apitest"), std::string::npos);
}

TEST_F(RunnerTest, HeaderLineOverridesCredentials) {
    host_.respond = [](const http::Request&) {
        return Json(200, "{}");
    };
    const Outcome o =
        Run("tenant acme\nas admin\nrequest ok\nGET /x\nAuthorization: Bearer bogus\n----\n200\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    EXPECT_EQ(host_.requests.at(0).Header("authorization"), "Bearer bogus");
}

TEST_F(RunnerTest, WrongStatusPrintsTheExchange) {
    host_.respond = [](const http::Request&) {
        return Problem(422, "validation");
    };
    const Outcome o =
        Run("tenant acme\nas admin\n\nrequest ok\nPOST /api/v1/risks\n{\"a\": 1}\n----\n201\n"
            "$.id exists\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(o.output.find("t.apitest:8: expected status 201, got 422\n"), std::string::npos)
        << o.output;
    EXPECT_NE(o.output.find("  request:\n    POST /api/v1/risks\n"), std::string::npos);
    EXPECT_NE(o.output.find("authorization: Bearer <token of admin@acme>"), std::string::npos);
    EXPECT_NE(o.output.find("  response:\n    HTTP 422\n"), std::string::npos);
    EXPECT_NE(
        o.output.find("\"type\": \"https://isms.dev/problems/validation\""), std::string::npos
    );
    EXPECT_NE(o.output.find("  expected:\n    201\n    $.id exists\n"), std::string::npos);
    EXPECT_NE(o.output.find("FAIL t.apitest"), std::string::npos);
}

TEST_F(RunnerTest, MatrixSendsEveryCellAndReportsEachMismatch) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("apitest-matrix-" + crypto::RandomToken(6));
    std::filesystem::create_directories(dir);
    const auto file = dir / "p.matrix";
    std::ofstream(file
    ) << "other_tenant globex admin\n"
         "secret acme\n"
         "fresh spare as admin POST /api/v1/tokens capture $.id {\"name\": \"s\"}\n"
         "columns admin reader admin:read anonymous other_tenant\n"
         "GET    /api/v1/assets        200 200 200 401 200\n"
         "DELETE /api/v1/tokens/{id}   200 404 403 401 404 /api/v1/tokens/{{spare}}\n";
    int next_token = 0;
    host_.respond = [&next_token](const http::Request& r) {
        const std::string auth = [&] {
            for (const auto& [name, value] : r.headers) {
                if (name == "authorization") {
                    return value;
                }
            }
            return std::string();
        }();
        if (r.method == "POST" && r.target == "/api/v1/tokens") {
            ++next_token;
            return Json(
                201, R"({"id": )" + std::to_string(next_token) + R"(, "token": "tok-read"})"
            );
        }
        if (auth.empty()) {
            return Problem(401, "unauthenticated");
        }
        if (r.target == "/api/v1/assets") {  // leaks to the other organization
            return Json(200, R"({"items": [{"name": "ACME payroll"}]})");
        }
        return auth == "Bearer tok-acme-admin" ? Json(200, "{}") : Problem(403, "forbidden");
    };
    const Outcome o = Run("tenant acme\nmatrix " + file.string() + "\n");
    std::filesystem::remove_all(dir);
    EXPECT_EQ(o.result, FileResult::kFailed);
    const std::string where = file.string();
    EXPECT_NE(
        o.output.find(
            where + ":5: GET /api/v1/assets as other_tenant: the response shows \"acme\""
        ),
        std::string::npos
    ) << o.output;
    EXPECT_NE(
        o.output.find(where + ":6: DELETE /api/v1/tokens/3 as reader: expected 404, got 403\n"),
        std::string::npos
    ) << o.output;
    EXPECT_NE(o.output.find("authorization: Bearer <token of reader>"), std::string::npos);
    EXPECT_NE(o.output.find("  response:\n    HTTP 403\n"), std::string::npos);
    EXPECT_NE(
        o.output.find(
            "t.apitest:2: matrix: 2 rows x 5 callers, 10 requests, 3 not as the matrix says"
        ),
        std::string::npos
    ) << o.output;
    // one fresh token per DELETE cell, plus the read token issued once for admin:read
    EXPECT_EQ(next_token, 6);
    EXPECT_NE(
        o.output.find("DELETE /api/v1/tokens/6 as other_tenant: expected 404, got 403"),
        std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, MatrixSecretCheckForgivesOnlyWhatTheCallerSent) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("apitest-matrix-" + crypto::RandomToken(6));
    std::filesystem::create_directories(dir);
    const auto file = dir / "p.matrix";
    std::ofstream(file) << "other_tenant globex admin\n"
                           "secret acme\n"
                           "columns other_tenant\n"
                           "GET /api/v1/frameworks/{urn} 404 /api/v1/frameworks/urn:acme:x\n"
                           "GET /api/v1/frameworks/{urn} 404 /api/v1/frameworks/urn:acme:y\n";
    host_.respond = [](const http::Request& r) {
        const std::string urn = r.target.substr(r.target.rfind('/') + 1);
        // the first answer repeats the caller's own URN; the second names another Acme object
        const std::string detail =
            urn == "urn:acme:x" ? "no framework " + urn : "no framework; try urn:acme:z";
        return Json(404, R"({"detail": ")" + detail + R"("})");
    };
    const Outcome o = Run("tenant acme\nmatrix " + file.string() + "\n");
    std::filesystem::remove_all(dir);
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_EQ(o.output.find(file.string() + ":4:"), std::string::npos) << o.output;
    EXPECT_NE(
        o.output.find(
            file.string()
            + ":5: GET /api/v1/frameworks/urn:acme:y as other_tenant: the "
              "response shows \"acme\""
        ),
        std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, ProblemTypeIsCompared) {
    host_.respond = [](const http::Request&) {
        return Problem(404, "not-found");
    };
    EXPECT_EQ(Run("request error\nGET /nope\n----\n404 not-found\n").result, FileResult::kPassed);
    const Outcome o = Run("request error\nGET /nope\n----\n404 forbidden\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(
        o.output.find("t.apitest:4: expected problem type \"forbidden\", got "
                      "\"https://isms.dev/problems/not-found\""),
        std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, AssertionFailureNamesTheLine) {
    host_.respond = [](const http::Request&) {
        return Json(200, R"({"ref": "RSK-2"})");
    };
    const Outcome o = Run("request ok\nGET /x\n----\n200\n$.ref exists\n$.ref == \"RSK-1\"\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(
        o.output.find("t.apitest:6: $.ref: expected \"RSK-1\", found \"RSK-2\""), std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, ContainsLooksIntoATextBody) {
    host_.respond = [](const http::Request&) {
        return Json(200, "Ref,Title\r\nRSK-1,Leak # not a comment\r\n");
    };
    const Outcome o = Run("request ok\nGET /x\n----\n200\ncontains RSK-1,Leak # not a comment\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    const Outcome bad = Run("request ok\nGET /x\n----\n200\ncontains RSK-2\n");
    EXPECT_EQ(bad.result, FileResult::kFailed);
    EXPECT_NE(
        bad.output.find("t.apitest:5: the response body does not contain the text"),
        std::string::npos
    ) << bad.output;
}

TEST_F(RunnerTest, BodySubsetMismatch) {
    host_.respond = [](const http::Request&) {
        return Json(200, R"({"status": "down", "x": 1})");
    };
    const Outcome o = Run("request ok\nGET /healthz\n----\n200\nbody\n{\"status\": \"ok\"}\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(
        o.output.find("t.apitest:5: body differs at $.status: expected \"ok\", found \"down\""),
        std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, RewriteReplacesMismatchingBodies) {
    host_.respond = [](const http::Request&) {
        return Json(200, R"({"status": "ok", "at": "2026-01-01T00:00:00Z"})");
    };
    const std::string text =
        "request ok\nGET /healthz\n----\n200\nbody\n{\"status\": \"down\"}\n\n"
        "request ok\nGET /healthz\n----\n200\nbody\n\nrestart\n";
    RunOptions options;
    options.rewrite = true;
    const Outcome o = Run(text, options);
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    ASSERT_EQ(o.rewrites.size(), 2U);
    const Scenario scenario = ParseScenario(text, "t.apitest").value();
    EXPECT_EQ(
        ApplyRewrites(scenario, o.rewrites),
        "request ok\nGET /healthz\n----\n200\nbody\n{\"status\": \"ok\"}\n\n"
        "request ok\nGET /healthz\n----\n200\nbody\n{\"status\": \"ok\", \"at\": \"<timestamp>\"}\n"
        "\nrestart\n"
    );
}

TEST_F(RunnerTest, ForeachReportsTheIteration) {
    host_.respond = [](const http::Request& r) {
        return r.Header("authorization").find("auditor") != std::string_view::npos
                   ? Problem(403, "forbidden")
                   : Json(200, "{}");
    };
    const Outcome o =
        Run("tenant acme\nforeach role admin auditor reader\nas {{role}}\n"
            "request ok\nGET /x/{{role}}\n----\n200\nendloop\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_EQ(host_.requests.size(), 2U);
    EXPECT_EQ(host_.requests[1].target, "/x/auditor");
    EXPECT_NE(
        o.output.find("t.apitest:7: expected status 200, got 403 [role=auditor]"), std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, RequirementsSkipTheFileWithoutOpeningAHost) {
    const Outcome o = Run("require postgres\nrestart\n");
    EXPECT_EQ(o.result, FileResult::kSkipped);
    EXPECT_EQ(hosts_opened_, 0);
    EXPECT_NE(o.output.find("SKIP t.apitest (ISMS_TEST_POSTGRES is not set)"), std::string::npos);
    RunOptions options;
    options.env = [](const std::string& name) -> std::optional<std::string> {
        return name == "ISMS_TEST_POSTGRES" ? std::optional<std::string>("1") : std::nullopt;
    };
    EXPECT_EQ(Run("require postgres\nrestart\n", options).result, FileResult::kPassed);
}

TEST_F(RunnerTest, ClockAndSkippedDirectives) {
    host_.clock_done = Done::kSkipped;
    const Outcome o = Run("clock 2026-03-01T09:00:00Z\nclock +P1D\nrestart\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    EXPECT_EQ(
        host_.log,
        (std::vector<std::string>{"clock 2026-03-01T09:00:00Z", "advance 86400", "restart"})
    );
    EXPECT_NE(o.output.find("t.apitest:1: note: `clock` skipped"), std::string::npos);
}

TEST_F(RunnerTest, SettingAndBlobDirectivesSubstituteAndReachTheHost) {
    const Outcome o =
        Run("setting blob_key_file {{data_dir}}/blob.key\nblob abc encrypted\nblob abc plain\n"
            "setting blob_key_file\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    EXPECT_EQ(
        host_.log,
        (std::vector<std::string>{
            "setting blob_key_file=/tmp/data/blob.key",
            "blob abc encrypted",
            "blob abc plain",
            "setting blob_key_file="})
    );
    EXPECT_FALSE(ParseScenario("blob abc sealed\n", "t.apitest"));
    EXPECT_FALSE(ParseScenario("setting\n", "t.apitest"));
}

TEST_F(RunnerTest, LedgerVerifyFailureCarriesTheMessage) {
    const Outcome o = Run("\nledger verify\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(
        o.output.find("t.apitest:2: ledger verify failed:\nchain broken at 3"), std::string::npos
    ) << o.output;
}

TEST_F(RunnerTest, CliChecksStdout) {
    host_.cli = [](const std::vector<std::string>& args) {
        return CliOutput{args.at(0) == "ok" ? 0 : 3, R"({"entries": 4, "data": "/tmp/data"})", ""};
    };
    const Outcome o =
        Run("cli ok\nisms ok --data {{data_dir}}\n----\n0\n$.entries == 4\n\"entries\": 4\n"
            "$.data == \"{{data_dir}}\"\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    const Outcome bad = Run("cli error\nisms fail\n----\n3\nnot printed\n");
    EXPECT_EQ(bad.result, FileResult::kFailed);
    EXPECT_NE(bad.output.find("t.apitest:5: stdout does not contain the text"), std::string::npos)
        << bad.output;
    EXPECT_NE(bad.output.find("  command:\n    isms fail\n  exit code: 3\n"), std::string::npos);
}

TEST_F(RunnerTest, FileContainsReadsTheFileACommandWrote) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / "isms-runner-test-report.html";
    std::ofstream(path) << "<p>AUD-1 Audit #1 of clause 7</p>\n";
    const std::string file = "file " + path.string() + " contains ";
    const Outcome o = Run(file + "AUD-1 Audit #1\n" + file + "clause 7</p>\n");
    EXPECT_EQ(o.result, FileResult::kPassed) << o.output;
    const Outcome missing_text = Run("\n" + file + "AUD-2\n");
    EXPECT_EQ(missing_text.result, FileResult::kFailed);
    EXPECT_NE(
        missing_text.output.find(
            "t.apitest:2: file " + path.string() + " does not contain the text"
        ),
        std::string::npos
    ) << missing_text.output;
    std::filesystem::remove(path);
    const Outcome no_file = Run(file + "AUD-1\n");
    EXPECT_EQ(no_file.result, FileResult::kFailed);
    EXPECT_NE(no_file.output.find("cannot be read"), std::string::npos) << no_file.output;
    EXPECT_FALSE(ParseScenario("file report.html\n", "t.apitest"));
    EXPECT_FALSE(ParseScenario("file report.html holds AUD-1\n", "t.apitest"));
}

TEST_F(RunnerTest, UnknownVariableFailsAtItsLine) {
    host_.respond = [](const http::Request&) {
        return Json(200, "{}");
    };
    const Outcome o = Run("request ok\nGET /x/{{nope}}\n----\n200\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(o.output.find("t.apitest:1: unknown variable {{nope}}"), std::string::npos)
        << o.output;
}

TEST_F(RunnerTest, AsWithoutTenantFails) {
    host_.respond = [](const http::Request&) {
        return Json(200, "{}");
    };
    const Outcome o = Run("as admin\nrequest ok\nGET /x\n----\n200\n");
    EXPECT_EQ(o.result, FileResult::kFailed);
    EXPECT_NE(o.output.find("`as admin` needs a `tenant <slug>` first"), std::string::npos);
}

TEST(SummaryTest, CountsFiles) {
    EXPECT_EQ(SummaryLine({3, 1, 0}), "3 passed, 1 failed");
    EXPECT_EQ(SummaryLine({3, 0, 2}), "3 passed, 0 failed, 2 skipped");
}

}  // namespace
}  // namespace isms::apitest
