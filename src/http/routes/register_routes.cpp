// Generic endpoints of every declared register: /api/v1/{register}[/{id}[/history]].
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendRegisterRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/{register}",
         "List records with filters, search, sort and paging",
         "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                s.records.ListJson(*who, ctx.Param("register"), ctx.target.query),
                "application/json"
            );
        }
    );
    router.Add(
        {"POST", "/api/v1/{register}", "Create a record", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto created = [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.records.Create(*who, ctx.Param("register"), body);
            }();
            Response r = Render(ctx, created, 201);
            if (created) {
                r.SetHeader(
                    "Location", ctx.target.path + "/" + std::to_string(created->at("id").as_int64())
                );
            }
            return r;
        }
    );
    router.Add(
        {"GET", "/api/v1/{register}/export.csv", "Export records as CSV", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto csv = s.records.ExportCsv(*who, ctx.Param("register"), ctx.target.query);
            if (!csv) {
                return RenderError(ctx, csv.error());
            }
            Response r;
            r.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
            r.headers.emplace_back(
                "Content-Disposition",
                "attachment; filename=\"" + std::string(ctx.Param("register")) + ".csv\""
            );
            r.body = std::move(*csv);
            return r;
        }
    );
    router.Add(
        {"GET", "/api/v1/{register}/{id}", "Read a record", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.records.Get(*who, ctx.Param("register"), RecordId{id});
            }());
        }
    );
    router.Add(
        {"PATCH", "/api/v1/{register}/{id}", "Change a record (If-Match: version)", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto version, IfMatchVersion(ctx));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.records.Patch(*who, ctx.Param("register"), RecordId{id}, version, body);
            }());
        }
    );
    router.Add(
        {"DELETE", "/api/v1/{register}/{id}", "Archive a record (kept in history)", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto version, IfMatchVersion(ctx));
                return s.records.Archive(*who, ctx.Param("register"), RecordId{id}, version);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/{register}/{id}/history", "The record's ledger events", "registers"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.records.History(*who, ctx.Param("register"), RecordId{id});
            }());
        }
    );
}

}  // namespace isms::http
