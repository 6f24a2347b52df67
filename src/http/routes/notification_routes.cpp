// Reminders: the caller's notification list, and marking one read or dismissed.
#include <algorithm>

#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

Response MarkRoute(
    Services& s, const RouteContext& ctx, const iam::Principal* who, notifications::Mark mark
) {
    return Render(ctx, [&]() -> Result<json::object> {
        ISMS_TRY(OnlyKnownQuery(ctx, {}));
        return s.notifications.service.MarkAs(*who, ctx.Param("id"), mark);
    }());
}

}  // namespace

void AppendNotificationRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/notifications",
         "The caller's reminders: overdue and due within ?days= (dismissed with "
         "?dismissed=true)",
         "notifications"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"days", "dismissed"}));
                std::optional<int> days;
                if (!QueryValue(ctx, "days").empty()) {
                    ISMS_TRY_ASSIGN(const std::int64_t n, QueryInt(ctx, "days", 0));
                    days = static_cast<int>(std::clamp<std::int64_t>(n, -1, 366)
                    );  // checked by the service
                }
                ISMS_TRY_ASSIGN(const bool dismissed, QueryBool(ctx, "dismissed"));
                return s.notifications.service.List(*who, days, dismissed);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/notifications/{id}/read",
         "Mark one of the caller's reminders read",
         "notifications"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return MarkRoute(s, ctx, who, notifications::Mark::kRead);
        }
    );
    router.Add(
        {"POST",
         "/api/v1/notifications/{id}/dismiss",
         "Dismiss one of the caller's reminders (it stays off the list and the digest)",
         "notifications"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return MarkRoute(s, ctx, who, notifications::Mark::kDismissed);
        }
    );
}

}  // namespace isms::http
