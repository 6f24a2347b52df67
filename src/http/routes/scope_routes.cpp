// The ISMS scope statement (4.3): /api/v1/scope, its versions and its export as a document.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/export_file.hpp"
#include "report/scope_table.hpp"

namespace isms::http {

void AppendScopeRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/scope", "The current scope statement of the ISMS", "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.context.scope.Current(*who);
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/scope",
         "Write the scope statement as a new version (If-Match: the current version)",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto expected, IfMatchVersion(ctx));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.context.scope.Change(*who, body, expected);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/scope/versions", "Every version of the scope statement", "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.context.scope.Versions(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/scope/versions/{version}",
         "One version of the scope statement",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t version, IdParam(ctx, "version"));
                return s.context.scope.Version(*who, version);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/scope/versions/{version}/approve",
         "Top management (admin) approves the current scope version (comment): signed in the "
         "ledger",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t version, IdParam(ctx, "version"));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.context.scope.Approve(*who, version, body);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/scope/export",
         "The scope document as CSV, XLSX or printable HTML (format; version, else the current)",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format", "version"}));
                ISMS_TRY_ASSIGN(std::int64_t version, QueryInt(ctx, "version", 0));
                json::object scope;
                if (version > 0) {
                    ISMS_TRY_ASSIGN(scope, s.context.scope.Version(*who, version));
                } else {
                    ISMS_TRY_ASSIGN(scope, s.context.scope.Current(*who));
                }
                return report::RenderExport(
                    report::ScopeTable(scope),
                    QueryValue(ctx, "format"),
                    "isms-scope-v" + std::to_string(scope.at("version").as_int64()),
                    FormatDate(Today(s.clock))
                );
            }());
        }
    );
}

}  // namespace isms::http
