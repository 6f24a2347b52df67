// The permission matrix (STYLE §5, docs/testing.md): a file of routes × callers → expected
// status that the `matrix <file>` directive expands into one request per cell, and that
// tests/unit/app/route_matrix_test.cpp compares with the router's live route list. The format,
// one declaration or row per line ('#' starts a comment line or a trailing comment):
//
//   other_tenant <slug> <role>     the `other_tenant` caller: that role in another organization
//   secret <text>                  no response to `anonymous` or `other_tenant` may contain it
//                                  (case-insensitive): the first organization's data
//   columns <caller>…              callers, one per status column: a role (its fixture token),
//                                  `<role>:<scope>` (a token of that scope issued to the role's
//                                  fixture user), `anonymous`, `other_tenant`
//   fresh <var> as <caller> <METHOD> <target> capture <$.path> [<json body>]
//                                  a request sent before every cell of a row that uses
//                                  {{<var>}}, binding <var>: one new object per request
//   <METHOD> <pattern> <status>… [<target>] [<Header>:<value>…] [<json body> | raw <text>]
//                                  a row: the router's exact pattern, one status per column,
//                                  the target when the pattern has {parameters}
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "apitest/host.hpp"
#include "apitest/json_match.hpp"
#include "apitest/parser.hpp"
#include "core/error.hpp"
#include "http/router.hpp"

namespace isms::apitest {

inline constexpr std::string_view kAnonymousCaller = "anonymous";
inline constexpr std::string_view kOtherTenantCaller = "other_tenant";

/// One request of a matrix file: a row's or a `fresh` declaration's.
struct MatrixRequest {
    std::string method;
    std::string target;                                        // may hold {{vars}}
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    BodyKind body_kind = BodyKind::kNone;
    std::string body;
};

struct MatrixRow {
    int line = 0;
    std::string pattern;             // the route, exactly as the router declares it
    std::vector<unsigned> statuses;  // one per column
    MatrixRequest request;
};

struct MatrixFresh {
    int line = 0;
    std::string var;
    std::string caller;
    std::string capture;  // "$.id"
    MatrixRequest request;
};

struct Matrix {
    std::string file;
    std::string other_tenant;       // slug
    std::string other_tenant_role;  // the role the other_tenant caller has there
    std::vector<std::string> secrets;
    std::vector<std::string> columns;
    std::vector<MatrixFresh> fresh;
    std::vector<MatrixRow> rows;
};

/// Parses matrix text; errors read "file:line: message".
[[nodiscard]] Result<Matrix> ParseMatrix(std::string_view text, const std::string& file);
/// Reads and parses a file.
[[nodiscard]] Result<Matrix> LoadMatrix(const std::string& path);

/// A cell that did not answer as the matrix says, for the report.
struct MatrixMismatch {
    int line = 0;  // the row's line in the matrix file
    std::string caller;
    std::string message;
    http::Request request;  // the authorization header already masked
    http::Response response;
};

struct MatrixOutcome {
    int requests = 0;
    std::vector<MatrixMismatch> mismatches;
};

/// Sends every row × column to `host`, the rows addressing `tenant`'s objects; `vars` resolves
/// {{captures}} of the setup scenario. An error (not a mismatch) when a caller cannot be
/// provisioned, a {{var}} is unbound or a `fresh` request fails.
[[nodiscard]] Result<MatrixOutcome> RunMatrix(
    const Matrix& matrix, Host& host, const std::string& tenant, const VarLookup& vars
);

/// Every route without a row, every row naming no route, and every row whose target the
/// router sends to another route ({{vars}} read as 0), one message each; empty when the matrix
/// covers exactly `routes`.
[[nodiscard]] std::vector<std::string> CompareWithRoutes(
    const Matrix& matrix, const std::vector<http::RouteInfo>& routes
);

}  // namespace isms::apitest
