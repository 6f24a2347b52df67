// Health, metrics, the OpenAPI document and the register schema.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "schema/openapi.hpp"

namespace isms::http {

void AppendSystemRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/healthz", "Liveness and database reachability", "system", false},
        [&s](const RouteContext& ctx, const iam::Principal*) {
            auto tenants = s.iam.ListTenants();
            if (!tenants) {
                return RenderError(ctx, Error{ErrorCode::kUnavailable, "database unreachable", {}});
            }
            return JsonResponse(200, R"({"status":"ok"})");
        }
    );
    router.Add(
        {"GET", "/metrics", "Prometheus metrics", "system", false},
        [&s](const RouteContext&, const iam::Principal*) {
            Response r;
            r.headers.emplace_back("Content-Type", "text/plain; version=0.0.4");
            r.body = s.metrics.Render();
            return r;
        }
    );
    router.Add(
        {"GET",
         "/api/v1/schema",
         "Register declarations with this organization's custom fields",
         "system"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, s.records.Schema(*who));
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/schema/{register}/custom-fields",
         "Set a register's custom fields (admin)",
         "system"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.records.SetExtension(
                    *who, ctx.Param("register"), json::value(std::move(body))
                );
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/openapi.json", "This document", "system", false},
        [&router, &s](const RouteContext&, const iam::Principal*) {
            std::vector<schema::ExtraOperation> extra;
            for (const auto& r : router.Routes()) {
                if (r.tag != "registers") {
                    extra.push_back({r.method, r.pattern, r.summary, r.tag, r.authenticated});
                }
            }
            return JsonResponse(
                200, json::serialize(schema::BuildOpenApi(s.records.registry(), extra, "0.1.0"))
            );
        }
    );
}

}  // namespace isms::http
