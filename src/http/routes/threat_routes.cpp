// Threat libraries: GET /api/v1/threat-libraries, POST /api/v1/threats/load.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendThreatRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/threat-libraries",
         "Libraries of the catalog that hold threats, and how many are in the register",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.threats.Libraries(*who);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/threats/load",
         "Load a library's threats into the register (library); already loaded ones are kept",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto result = [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.risk.threats.Load(*who, body);
            }();
            const bool created = result && result->at("created").to_number<std::int64_t>() > 0;
            return Render(ctx, result, created ? 201 : 200);
        }
    );
}

}  // namespace isms::http
