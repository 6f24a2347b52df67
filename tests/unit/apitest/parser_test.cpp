#include "apitest/parser.hpp"

#include <gtest/gtest.h>

namespace isms::apitest {
namespace {

Scenario Parse(std::string_view text) {
    auto scenario = ParseScenario(text, "t.apitest");
    EXPECT_TRUE(scenario) << (scenario ? "" : scenario.error().message);
    return scenario ? *scenario : Scenario{};
}

std::string ErrorOf(std::string_view text) {
    auto scenario = ParseScenario(text, "t.apitest");
    EXPECT_FALSE(scenario) << "parsed, but an error was expected";
    return scenario ? "" : scenario.error().message;
}

TEST(ParserTest, HeadersAndSimpleDirectives) {
    const Scenario s = Parse(
        "# name: tests/api/x.apitest\n"
        "# description: what it shows\n"
        "# group: [risk] [iam]\n"
        "# any other comment\n"
        "\n"
        "tenant acme          # a trailing comment\n"
        "as isms_manager\n"
        "clock 2026-03-01T09:00:00Z\n"
        "clock +P30D\n"
        "restart\n"
        "ledger verify\n"
        "require postgres\n"
        "require-env ISMS_SOMETHING\n"
        "matrix permissions.matrix\n"
    );
    EXPECT_EQ(s.name, "tests/api/x.apitest");
    EXPECT_EQ(s.description, "what it shows");
    EXPECT_EQ(s.groups, (std::vector<std::string>{"risk", "iam"}));
    ASSERT_EQ(s.steps.size(), 9U);
    EXPECT_EQ(s.steps[0].kind, StepKind::kTenant);
    EXPECT_EQ(s.steps[0].arg, "acme");
    EXPECT_EQ(s.steps[0].line, 6);
    EXPECT_EQ(s.steps[1].kind, StepKind::kAs);
    EXPECT_EQ(s.steps[1].arg, "isms_manager");
    EXPECT_EQ(s.steps[2].kind, StepKind::kClock);
    EXPECT_EQ(s.steps[3].arg, "+P30D");
    EXPECT_EQ(s.steps[4].kind, StepKind::kRestart);
    EXPECT_EQ(s.steps[5].kind, StepKind::kLedgerVerify);
    EXPECT_EQ(s.steps[6].kind, StepKind::kRequireEnv);
    EXPECT_EQ(s.steps[6].arg, "ISMS_TEST_POSTGRES");
    EXPECT_EQ(s.steps[7].arg, "ISMS_SOMETHING");
    EXPECT_EQ(s.steps[8].kind, StepKind::kMatrix);
    EXPECT_EQ(s.steps[8].arg, "permissions.matrix");
}

TEST(ParserTest, RequestWithHeadersBodyAndChecks) {
    const Scenario s = Parse(
        "request ok\n"
        "POST /api/v1/risks   # create\n"
        "If-Match: \"v1\"\n"
        "X-Trace: a#b\n"
        "{\"title\": \"Payroll # not a comment\",\n"
        "\n"
        " \"asset_ids\": [\"{{asset}}\"], \"likelihood\": {{l}}}\n"
        "----\n"
        "201\n"
        "$.ref   == \"RSK-1\"   # trailing comment\n"
        "$.title ~ /a # b/\n"
        "header Location exists\n"
        "capture risk = $.id\n"
        "capture etag = header ETag\n"
        "\n"
        "as auditor\n"
    );
    ASSERT_EQ(s.steps.size(), 2U);
    const Step& r = s.steps[0];
    EXPECT_EQ(r.kind, StepKind::kRequest);
    EXPECT_TRUE(r.expect_ok);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.target, "/api/v1/risks");
    ASSERT_EQ(r.headers.size(), 2U);
    EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"if-match", "\"v1\""}));
    EXPECT_EQ(r.headers[1].second, "a#b");
    EXPECT_EQ(r.body_kind, BodyKind::kJson);
    EXPECT_EQ(
        r.body,
        "{\"title\": \"Payroll # not a comment\",\n\n \"asset_ids\": [\"{{asset}}\"], "
        "\"likelihood\": {{l}}}"
    );
    EXPECT_EQ(r.separator_line, 8);
    EXPECT_EQ(r.status, 201U);
    ASSERT_EQ(r.checks.size(), 5U);
    EXPECT_EQ(r.checks[0].kind, Check::Kind::kAssertion);
    EXPECT_EQ(r.checks[0].line, 10);
    EXPECT_EQ(r.checks[0].assertion.operand, "\"RSK-1\"");
    EXPECT_EQ(r.checks[1].assertion.operand, "a # b");
    EXPECT_TRUE(r.checks[2].assertion.is_header);
    EXPECT_EQ(r.checks[3].kind, Check::Kind::kCapture);
    EXPECT_EQ(r.checks[3].name, "risk");
    EXPECT_EQ(r.checks[3].subject, "$.id");
    EXPECT_TRUE(r.checks[4].from_header);
    EXPECT_EQ(r.checks[4].subject, "ETag");
    EXPECT_EQ(r.end_line, 14);
    EXPECT_EQ(s.steps[1].kind, StepKind::kAs);
}

TEST(ParserTest, ErrorRequestNeedsProblemType) {
    const Scenario s = Parse("request error\nGET /api/v1/nope\n----\n404 not-found\n");
    ASSERT_EQ(s.steps.size(), 1U);
    EXPECT_FALSE(s.steps[0].expect_ok);
    EXPECT_EQ(s.steps[0].status, 404U);
    EXPECT_EQ(s.steps[0].problem_type, "not-found");
    EXPECT_EQ(
        ErrorOf("request error\nGET /x\n----\n404\n"),
        "t.apitest:4: `request error` needs the problem type after the status "
        "(`404 not-found`)"
    );
}

TEST(ParserTest, StatusMustFitOkOrError) {
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n404 not-found\n"),
        "t.apitest:4: `request ok` expects a 2xx status (use `request error`)"
    );
    EXPECT_EQ(
        ErrorOf("request error\nGET /x\n----\n200 ok\n"),
        "t.apitest:4: `request error` expects a 4xx or 5xx status"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n\n"),
        "t.apitest:3: expected the status line after `----`"
    );
}

TEST(ParserTest, RawBody) {
    const Scenario s =
        Parse("request error\nPOST /x\nraw\n{\"a\": \n  oops\n----\n400 malformed\n");
    ASSERT_EQ(s.steps.size(), 1U);
    EXPECT_EQ(s.steps[0].body_kind, BodyKind::kRaw);
    EXPECT_EQ(s.steps[0].body, "{\"a\": \n  oops");
}

TEST(ParserTest, MalformedJsonBodyIsAParseError) {
    const std::string error = ErrorOf("request ok\nPOST /x\n{\"a\": oops}\n----\n200\n");
    EXPECT_EQ(error.rfind("t.apitest:3: request body: malformed JSON", 0), 0U) << error;
}

TEST(ParserTest, BodyBlockRunsToTheBlankLine) {
    const Scenario s = Parse(
        "request ok\nGET /healthz\n----\n200\n$.status exists\nbody\n{\n  \"status\": \"ok\"\n}\n"
        "\nrestart\n"
    );
    ASSERT_EQ(s.steps.size(), 2U);
    const Check& body = s.steps[0].checks.at(1);
    EXPECT_EQ(body.kind, Check::Kind::kBody);
    EXPECT_EQ(body.line, 6);
    EXPECT_EQ(body.end_line, 9);
    EXPECT_EQ(body.text, "{\n  \"status\": \"ok\"\n}");
}

TEST(ParserTest, EmptyBodyBlockIsAllowedForRewrite) {
    const Scenario s = Parse("request ok\nGET /healthz\n----\n200\nbody\n");
    const Check& body = s.steps.at(0).checks.at(0);
    EXPECT_EQ(body.text, "");
    EXPECT_EQ(body.line, 5);
    EXPECT_EQ(body.end_line, 5);
}

TEST(ParserTest, ForeachNestsAndEndsChecks) {
    const Scenario s = Parse(
        "foreach role admin auditor\n"
        "as {{role}}\n"
        "foreach n 1 2\n"
        "request ok\nGET /x/{{n}}\n----\n200\n"
        "endloop\n"
        "endloop\n"
        "restart\n"
    );
    ASSERT_EQ(s.steps.size(), 2U);
    const Step& loop = s.steps[0];
    EXPECT_EQ(loop.kind, StepKind::kForeach);
    EXPECT_EQ(loop.loop_var, "role");
    EXPECT_EQ(loop.loop_values, (std::vector<std::string>{"admin", "auditor"}));
    ASSERT_EQ(loop.body_steps.size(), 2U);
    EXPECT_EQ(loop.body_steps[1].kind, StepKind::kForeach);
    EXPECT_EQ(loop.body_steps[1].body_steps.size(), 1U);
    EXPECT_EQ(s.steps[1].kind, StepKind::kRestart);
}

TEST(ParserTest, ForeachErrors) {
    EXPECT_EQ(ErrorOf("\nforeach role a b\nrestart\n"), "t.apitest:2: foreach without endloop");
    EXPECT_EQ(ErrorOf("endloop\n"), "t.apitest:1: endloop without foreach");
    EXPECT_EQ(
        ErrorOf("foreach role\nendloop\n"),
        "t.apitest:1: usage: foreach <variable> <value> [<value>…]"
    );
}

TEST(ParserTest, CliBlock) {
    const Scenario s = Parse(
        "cli ok\n"
        "isms ledger verify --data {{data_dir}} --note \"two words\" # comment\n"
        "----\n"
        "0\n"
        "$.ok == true\n"
        "ledger OK # not stripped: literal\n"
        "capture n = $.entries\n"
    );
    ASSERT_EQ(s.steps.size(), 1U);
    const Step& c = s.steps[0];
    EXPECT_EQ(c.kind, StepKind::kCli);
    EXPECT_EQ(
        c.cli_args,
        (std::vector<std::string>{
            "ledger", "verify", "--data", "{{data_dir}}", "--note", "two words"})
    );
    EXPECT_EQ(c.exit_code, 0);
    ASSERT_EQ(c.checks.size(), 3U);
    EXPECT_EQ(c.checks[0].kind, Check::Kind::kAssertion);
    EXPECT_EQ(c.checks[1].kind, Check::Kind::kContains);
    EXPECT_EQ(c.checks[1].text, "ledger OK # not stripped: literal");
    EXPECT_EQ(c.checks[2].kind, Check::Kind::kCapture);
}

TEST(ParserTest, CliErrors) {
    EXPECT_EQ(
        ErrorOf("cli ok\nledger verify\n----\n0\n"),
        "t.apitest:2: the command line starts with `isms`"
    );
    EXPECT_EQ(
        ErrorOf("cli error\nisms x\n----\n0\n"),
        "t.apitest:4: `cli error` expects a non-zero exit code"
    );
    EXPECT_EQ(
        ErrorOf("cli ok\nisms x\n0\n"), "t.apitest:2: cli: expected `----` after the command line"
    );
}

TEST(ParserTest, ReportsLineOfBadSyntax) {
    EXPECT_EQ(ErrorOf("tenant\n"), "t.apitest:1: usage: tenant <slug>");
    EXPECT_EQ(ErrorOf("matrix a b\n"), "t.apitest:1: usage: matrix <file beside the scenario>");
    EXPECT_EQ(ErrorOf("\n\nfrobnicate now\n"), "t.apitest:3: unknown directive `frobnicate`");
    EXPECT_EQ(
        ErrorOf("clock tomorrow\n"),
        "t.apitest:1: bad clock value \"tomorrow\" (an instant like 2026-03-01T09:00:00Z or "
        "+P30D / +PT1H)"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n200\n$.a == nope\n"),
        "t.apitest:5: the value is not a JSON literal (strings need double quotes): nope"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n200\nrestart\n"),
        "t.apitest:5: expected an assertion (`$.path …`, `header Name …`), `contains …`, "
        "`capture` or `body`; a blank line ends the block"
    );
    EXPECT_EQ(ErrorOf("request ok\nGET /x\n"), "t.apitest:1: request block without `----`");
    EXPECT_EQ(
        ErrorOf("request ok\nget /x\n----\n200\n"),
        "t.apitest:2: expected `METHOD /path` (e.g. `GET /api/v1/risks`)"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\nnot a header\n----\n200\n"),
        "t.apitest:3: expected a header `Name: value`, a JSON body, `raw` or `----`"
    );
    EXPECT_EQ(
        ErrorOf("$.a exists\n"),
        "t.apitest:1: `$.a` must follow the status line of a request or cli block (a blank "
        "line ends the block)"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n200\ncapture = $.id\n"),
        "t.apitest:5: usage: capture <name> = $.path | capture <name> = header <Name>"
    );
    EXPECT_EQ(ErrorOf("request maybe\n"), "t.apitest:1: usage: request ok | request error");
    EXPECT_EQ(ErrorOf("ledger\n"), "t.apitest:1: usage: ledger verify");
    EXPECT_EQ(
        ErrorOf("request ok\n# GET /x\n----\n200\n"),
        "t.apitest:2: expected `METHOD /path` (e.g. `GET /api/v1/risks`)"
    );
    EXPECT_EQ(
        ErrorOf("request ok\nGET /x\n----\n# 200\n"),
        "t.apitest:4: expected a status line like `201` or `422 validation`"
    );
}

TEST(ParserTest, CrLfLinesAndMissingTrailingNewline) {
    const Scenario s = Parse("tenant acme\r\nas admin");
    ASSERT_EQ(s.steps.size(), 2U);
    EXPECT_EQ(s.steps[0].arg, "acme");
    EXPECT_FALSE(s.trailing_newline);
}

TEST(ParserTest, EveryPrefixOfAScenarioParsesOrFailsCleanly) {
    const std::string text =
        "# name: x\ntenant acme\nforeach role a b\nas {{role}}\nrequest error\nPOST /x/{{id}}\n"
        "If-Match: \"1\"\n{\"a\": [1, {{n}}]}\n----\n422 validation\n$.errors[0].field == \"a\"\n"
        "capture id = $.id\nbody\n{\"a\": \"<any>\"}\nendloop\ncli ok\nisms x 'y z'\n----\n0\n"
        "literal\n$.x ~ /a[/]b/i\n";
    for (std::size_t n = 0; n <= text.size(); ++n) {
        auto scenario = ParseScenario(text.substr(0, n), "t.apitest");
        if (!scenario) {
            EXPECT_EQ(scenario.error().message.rfind("t.apitest:", 0), 0U)
                << scenario.error().message;
        }
    }
    EXPECT_TRUE(ParseScenario(text, "t.apitest"));
}

TEST(StripCommentTest, RespectsStringsAndRegexes) {
    EXPECT_EQ(StripComment("tenant acme # x"), "tenant acme");
    EXPECT_EQ(StripComment("a#b"), "a#b");
    EXPECT_EQ(StripComment(R"($.a == "x # y" # z)"), R"($.a == "x # y")");
    EXPECT_EQ(StripComment(R"($.a == "q\" # y")"), R"($.a == "q\" # y")");
    EXPECT_EQ(StripComment("$.a ~ /x # [/#] y/ # z"), "$.a ~ /x # [/#] y/");
    EXPECT_EQ(StripComment("isms x 'a # b' # c", true), "isms x 'a # b'");
}

TEST(SplitCommandLineTest, QuotesAndEscapes) {
    auto words = SplitCommandLine(R"(isms a "b c" 'd "e"' f\ g "" h)");
    ASSERT_TRUE(words);
    EXPECT_EQ(*words, (std::vector<std::string>{"isms", "a", "b c", "d \"e\"", "f g", "", "h"}));
    EXPECT_FALSE(SplitCommandLine("isms \"open"));
}

}  // namespace
}  // namespace isms::apitest
