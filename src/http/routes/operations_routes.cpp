// Operations actions (Annex A): an incident's lessons learned raised as a risk, an incident
// raised as a nonconformity, and the list of expired exceptions. The registers' fields are served
// by the generic register routes.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

/// An incident raised as another record: the incident's id from the path, an optional body of
/// fields for the record created (201).
template <typename Raise>
Response RaiseFromIncident(const RouteContext& ctx, Raise raise) {
    return Render(
        ctx,
        [&]() -> Result<json::object> {
            ISMS_TRY(OnlyKnownQuery(ctx, {}));
            ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
            json::object body;
            if (!ctx.request.body.empty()) {
                ISMS_TRY_ASSIGN(body, JsonBody(ctx));
            }
            return raise(RecordId{id}, body);
        }(),
        201
    );
}

}  // namespace

void AppendOperationsRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"POST",
         "/api/v1/incidents/{id}/risk",
         "Raise the incident's lessons learned as a risk linked to it (body: optional risk "
         "fields)",
         "operations"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RaiseFromIncident(ctx, [&](RecordId id, const json::object& body) {
                return s.operations.service.RaiseRisk(*who, id, body);
            });
        }
    );
    router.Add(
        {"POST",
         "/api/v1/incidents/{id}/nonconformity",
         "Raise the incident as a nonconformity linked to it (body: optional nonconformity "
         "fields)",
         "operations"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RaiseFromIncident(ctx, [&](RecordId id, const json::object& body) {
                return s.operations.service.RaiseNonconformity(*who, id, body);
            });
        }
    );
    router.Add(
        {"GET",
         "/api/v1/exceptions/expired",
         "Approved exceptions past their expiry day",
         "operations"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.operations.service.Expired(*who);
            }());
        }
    );
}

}  // namespace isms::http
