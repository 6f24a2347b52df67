// The dashboard in one call: /api/v1/dashboard.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendDashboardRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/dashboard",
         "Readiness, compliance per framework, the risk heat map, overdue actions and reviews, "
         "stale evidence and metric trends",
         "report"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.dashboard.Get(*who);
            }());
        }
    );
}

}  // namespace isms::http
