// Requirements assets inherit through dependencies: /api/v1/assets[/{id}]/requirements.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendAssetRequirementRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/assets/requirements",
         "Every asset's own and inherited security requirements",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.asset_requirements.ForAll(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/assets/{id}/requirements",
         "An asset's own and inherited security requirements, with the dependency path",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                return s.risk.asset_requirements.ForAsset(*who, RecordId{id});
            }());
        }
    );
}

}  // namespace isms::http
