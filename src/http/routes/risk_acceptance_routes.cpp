// Residual risk acceptance: /api/v1/risks/{id}/acceptance[s], /api/v1/risk-acceptances….
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendRiskAcceptanceRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"POST",
         "/api/v1/risks/{id}/acceptance",
         "The risk owner accepts the residual risk (comment, expires_on): a signed snapshot",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto accepted = [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.acceptance.Accept(*who, RecordId{id}, body);
            }();
            return Render(ctx, accepted, 201);
        }
    );
    router.Add(
        {"GET", "/api/v1/risks/{id}/acceptances", "Acceptances of one risk, newest first", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                return s.risk.acceptance.ForRisk(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risk-acceptances",
         "Acceptances of the organization (state=active|expired|due|revoked)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"state"}));
                return s.risk.acceptance.List(*who, QueryValue(ctx, "state"));
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/risk-acceptances/{id}", "One acceptance with its snapshot", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                return s.risk.acceptance.Get(*who, id);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/risk-acceptances/{id}/revoke",
         "Revoke an acceptance (reason); the risk leaves the accepted state",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.acceptance.Revoke(*who, id, body);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risk-acceptances/{id}/verify",
         "Check an acceptance's snapshot hash and signature",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                return s.risk.acceptance.Verify(*who, id);
            }());
        }
    );
}

}  // namespace isms::http
