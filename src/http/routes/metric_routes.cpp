// Monitoring and measurement (9.1): a metric's series, trend and breaches, and computing the
// built-in automatic metrics on demand.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendMetricRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/metrics/{id}/trend",
         "A metric's measurements over time, their trend, status against the target and breaches",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.monitoring.metrics.Trend(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/metrics/{id}/compute",
         "Compute an automatic metric now and record the value as a measurement",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(
                ctx,
                [&]() -> Result<json::object> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {}));
                    ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                    return s.monitoring.metrics.Compute(*who, RecordId{id});
                }(),
                201
            );
        }
    );
    router.Add(
        {"POST",
         "/api/v1/metrics/compute",
         "Compute every automatic metric that is due (all=true: every automatic metric)",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"all"}));
                ISMS_TRY_ASSIGN(const bool all, QueryBool(ctx, "all"));
                return s.monitoring.metrics.ComputeDue(*who, all);
            }());
        }
    );
}

}  // namespace isms::http
