// The guided start: /api/v1/guide.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendGuideRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/guide",
         "The ISO/IEC 27001:2022 path as steps, each with guidance, progress from live data and "
         "the UI route where it is done",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.compliance.guide.Steps(*who);
            }());
        }
    );
}

}  // namespace isms::http
