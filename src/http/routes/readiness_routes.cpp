// The certification readiness checklist: /api/v1/readiness.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendReadinessRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/readiness",
         "The documented information ISO/IEC 27001:2022 requires: present, stale or missing",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.compliance.readiness.Checklist(*who);
            }());
        }
    );
}

}  // namespace isms::http
