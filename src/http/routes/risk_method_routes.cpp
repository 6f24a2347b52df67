// The tenant's risk method: /api/v1/risk-method…, and the catalog's risk matrices it can start
// from: /api/v1/risk-matrices….
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendRiskMethodRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/risk-method", "The current risk method", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.method.Current(*who);
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/risk-method",
         "Change the risk method: a new version, every live risk re-scored (If-Match: version)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto expected, IfMatchVersion(ctx));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.method.Change(*who, body, expected);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/risk-method/preview",
         "What a method change would re-score, without saving it",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.method.Preview(*who, body);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/risk-method/versions", "Every version of the risk method", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.method.Versions(*who);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/risk-method/versions/{version}", "One version of the risk method", "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t version, IdParam(ctx, "version"));
                if (version > 1'000'000) {
                    return Error::NotFound("no risk method version " + std::to_string(version));
                }
                return s.risk.method.Version(*who, static_cast<int>(version));
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risk-matrices",
         "Risk matrices of the catalog a method can be made from",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.method.Matrices(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risk-matrices/{urn}/method",
         "A risk method made from a catalog risk matrix, to review and PUT",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.method.FromMatrix(*who, ctx.Param("urn"));
            }());
        }
    );
}

}  // namespace isms::http
