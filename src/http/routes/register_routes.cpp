// Generic endpoints of every declared register: /api/v1/{register}[/{id}[/history]].
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

records::QueryParams Query(const RouteContext& ctx) { return ctx.target.query; }

}  // namespace

void AppendRegisterRoutes(ApiRouter& router, Services& s) {
    router.Add({"GET", "/api/v1/{register}", "List records with filters, search, sort and paging", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   return Render(ctx, s.records.List(*who, ctx.Param("register"), Query(ctx)));
               });
    router.Add({"POST", "/api/v1/{register}", "Create a record", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto body = JsonBody(ctx);
                   if (!body) {
                       return RenderError(ctx, body.error());
                   }
                   auto created = s.records.Create(*who, ctx.Param("register"), *body);
                   Response r = Render(ctx, created, 201);
                   if (created) {
                       r.SetHeader("Location", ctx.target.path + "/"
                                                   + std::to_string(created->at("id").as_int64()));
                   }
                   return r;
               });
    router.Add({"GET", "/api/v1/{register}/export.csv", "Export records as CSV", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto csv = s.records.ExportCsv(*who, ctx.Param("register"), Query(ctx));
                   if (!csv) {
                       return RenderError(ctx, csv.error());
                   }
                   Response r;
                   r.status = 200;
                   r.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
                   r.headers.emplace_back("Content-Disposition",
                                          "attachment; filename=\"" + std::string(ctx.Param("register")) + ".csv\"");
                   r.body = std::move(*csv);
                   return r;
               });
    router.Add({"GET", "/api/v1/{register}/{id}", "Read a record", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto id = IdParam(ctx, "id");
                   if (!id) {
                       return RenderError(ctx, id.error());
                   }
                   return Render(ctx, s.records.Get(*who, ctx.Param("register"), RecordId{*id}));
               });
    router.Add({"PATCH", "/api/v1/{register}/{id}", "Change a record (If-Match: version)", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto id = IdParam(ctx, "id");
                   if (!id) {
                       return RenderError(ctx, id.error());
                   }
                   auto version = IfMatchVersion(ctx);
                   if (!version) {
                       return RenderError(ctx, version.error());
                   }
                   auto body = JsonBody(ctx);
                   if (!body) {
                       return RenderError(ctx, body.error());
                   }
                   return Render(ctx, s.records.Patch(*who, ctx.Param("register"), RecordId{*id}, *version, *body));
               });
    router.Add({"DELETE", "/api/v1/{register}/{id}", "Archive a record (kept in history)", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto id = IdParam(ctx, "id");
                   if (!id) {
                       return RenderError(ctx, id.error());
                   }
                   auto version = IfMatchVersion(ctx);
                   if (!version) {
                       return RenderError(ctx, version.error());
                   }
                   return Render(ctx, s.records.Archive(*who, ctx.Param("register"), RecordId{*id}, *version));
               });
    router.Add({"GET", "/api/v1/{register}/{id}/history", "The record's ledger events", "registers"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto id = IdParam(ctx, "id");
                   if (!id) {
                       return RenderError(ctx, id.error());
                   }
                   return Render(ctx, s.records.History(*who, ctx.Param("register"), RecordId{*id}));
               });
}

}  // namespace isms::http
