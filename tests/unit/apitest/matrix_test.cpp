#include "apitest/matrix.hpp"

#include <gtest/gtest.h>

namespace isms::apitest {
namespace {

constexpr std::string_view kHead =
    "other_tenant globex admin\n"
    "secret Acme\n"
    "columns admin reader admin:read anonymous other_tenant\n";

Matrix Parse(std::string_view rows) {
    auto matrix = ParseMatrix(std::string(kHead) + std::string(rows), "t.matrix");
    EXPECT_TRUE(matrix) << (matrix ? "" : matrix.error().message);
    return matrix ? *matrix : Matrix{};
}

std::string ErrorOf(std::string_view text) {
    auto matrix = ParseMatrix(text, "t.matrix");
    EXPECT_FALSE(matrix) << "parsed, but an error was expected";
    return matrix ? "" : matrix.error().message;
}

TEST(MatrixTest, RowsKeepPatternStatusesTargetHeadersAndBody) {
    const Matrix m = Parse(
        "# a comment\n"
        "\n"
        "GET    /api/v1/assets            200 200 200 401 200   # trailing comment\n"
        "PATCH  /api/v1/{register}/{id}   422 403 403 401 404  /api/v1/assets/{{asset}}  "
        "If-Match:\"9\" {\"name\": \"#1\"}\n"
        "POST   /api/v1/evidence/{id}/file 412 403 403 401 404 /api/v1/evidence/{{e}}/file "
        "raw some text\n"
        "fresh spare as admin POST /api/v1/tokens capture $.id {\"name\": \"spare\"}\n"
    );
    EXPECT_EQ(m.other_tenant, "globex");
    EXPECT_EQ(m.other_tenant_role, "admin");
    ASSERT_EQ(m.secrets.size(), 1U);
    EXPECT_EQ(m.secrets[0], "acme");  // compared case-insensitively
    ASSERT_EQ(m.columns.size(), 5U);
    EXPECT_EQ(m.columns[2], "admin:read");
    ASSERT_EQ(m.rows.size(), 3U);

    EXPECT_EQ(m.rows[0].line, 6);
    EXPECT_EQ(m.rows[0].pattern, "/api/v1/assets");
    EXPECT_EQ(m.rows[0].request.target, "/api/v1/assets");  // no {parameters}: the pattern
    EXPECT_EQ(m.rows[0].statuses, (std::vector<unsigned>{200, 200, 200, 401, 200}));
    EXPECT_EQ(m.rows[0].request.body_kind, BodyKind::kNone);

    const MatrixRow& patch = m.rows[1];
    EXPECT_EQ(patch.request.method, "PATCH");
    EXPECT_EQ(patch.request.target, "/api/v1/assets/{{asset}}");
    ASSERT_EQ(patch.request.headers.size(), 1U);
    EXPECT_EQ(patch.request.headers[0].first, "if-match");
    EXPECT_EQ(patch.request.headers[0].second, "\"9\"");
    EXPECT_EQ(patch.request.body_kind, BodyKind::kJson);
    EXPECT_EQ(patch.request.body, "{\"name\": \"#1\"}");

    EXPECT_EQ(m.rows[2].request.body_kind, BodyKind::kRaw);
    EXPECT_EQ(m.rows[2].request.body, "some text");

    ASSERT_EQ(m.fresh.size(), 1U);
    EXPECT_EQ(m.fresh[0].var, "spare");
    EXPECT_EQ(m.fresh[0].caller, "admin");
    EXPECT_EQ(m.fresh[0].capture, "$.id");
    EXPECT_EQ(m.fresh[0].request.target, "/api/v1/tokens");
}

TEST(MatrixTest, BadLinesAreRefusedWithFileAndLine) {
    const std::string head(kHead);
    EXPECT_EQ(
        ErrorOf(head + "GET /api/v1/assets 200 200 200 401\n"),
        "t.matrix:4: the other_tenant column needs a status from 100 to 599, got \"\""
    );
    EXPECT_EQ(
        ErrorOf(head + "GET /api/v1/assets 200 200 2000 401 200\n"),
        "t.matrix:4: the admin:read column needs a status from 100 to 599, got \"2000\""
    );
    EXPECT_EQ(
        ErrorOf(head + "GET /api/v1/assets/{id} 200 200 200 401 404\n"),
        "t.matrix:4: the pattern has {parameters}: give the target to request"
    );
    EXPECT_EQ(
        ErrorOf(head + "POST /api/v1/assets 422 403 403 401 422 {\"name\": }\n").substr(0, 31),
        "t.matrix:4: the body is not JSO"
    );
    EXPECT_EQ(
        ErrorOf(head + "GET /api/v1/assets 200 200 200 401 200 stray\n"),
        "t.matrix:4: unexpected \"stray\" (a Header:value, a JSON body, or raw <text>)"
    );
    EXPECT_EQ(ErrorOf("GET /api/v1/assets 200\n"), "t.matrix:1: a row before the `columns` line");
    EXPECT_EQ(
        ErrorOf("columns admin other_tenant\n"),
        "t.matrix:1: the other_tenant column needs an `other_tenant <slug> <role>` line first"
    );
    EXPECT_EQ(ErrorOf("columns admin admin\n"), "t.matrix:1: column \"admin\" twice");
    EXPECT_EQ(
        ErrorOf("columns admin/x\n"),
        "t.matrix:1: bad column \"admin/x\" (a role, role:scope, anonymous or other_tenant)"
    );
    EXPECT_EQ(
        ErrorOf(head + "fresh x as admin POST /api/v1/tokens $.id\n"),
        "t.matrix:4: usage: fresh <var> as <caller> <METHOD> <target> capture <$.path> "
        "[<json body>]"
    );
    EXPECT_EQ(ErrorOf(head), "t.matrix:3: no rows");
    EXPECT_EQ(
        ErrorOf("permit everything\n"),
        "t.matrix:1: unknown line \"permit\" (other_tenant, secret, columns, fresh, or a row: "
        "METHOD /pattern statuses…)"
    );
}

TEST(MatrixTest, CompareNamesRoutesWithoutRowsRowsWithoutRoutesAndMisroutedTargets) {
    const Matrix m = Parse(
        "GET /api/v1/{register}      200 200 200 401 200 /api/v1/assets\n"
        "GET /api/v1/{register}/{id} 200 200 200 401 404 /api/v1/assets/requirements\n"
        "GET /api/v1/gone            200 200 200 401 200\n"
    );
    const std::vector<http::RouteInfo> routes = {
        {"GET", "/api/v1/{register}", "", "", true},
        {"GET", "/api/v1/{register}/{id}", "", "", true},
        {"GET", "/api/v1/assets/requirements", "", "", true},
        {"POST", "/api/v1/{register}", "", "", true}};
    const std::vector<std::string> problems = CompareWithRoutes(m, routes);
    ASSERT_EQ(problems.size(), 4U);
    EXPECT_EQ(
        problems[0],
        "t.matrix:5: GET /api/v1/assets/requirements is routed to /api/v1/assets/requirements, "
        "not /api/v1/{register}/{id}"
    );
    EXPECT_EQ(problems[1], "t.matrix:6: GET /api/v1/gone is no route of the router");
    EXPECT_EQ(
        problems[2],
        "t.matrix: GET /api/v1/assets/requirements has no row (add one: docs/testing.md, the "
        "permission matrix)"
    );
    EXPECT_EQ(
        problems[3],
        "t.matrix: POST /api/v1/{register} has no row (add one: docs/testing.md, the permission "
        "matrix)"
    );

    const Matrix complete = Parse(
        "GET /api/v1/{register} 200 200 200 401 200 /api/v1/assets\n"
        "GET /api/v1/{register}/{id} 200 200 200 401 404 /api/v1/assets/{{asset}}\n"
        "GET /api/v1/assets/requirements 200 200 200 401 200\n"
        "POST /api/v1/{register} 422 403 403 401 422 /api/v1/assets {}\n"
    );
    EXPECT_TRUE(CompareWithRoutes(complete, routes).empty());
}

}  // namespace
}  // namespace isms::apitest
