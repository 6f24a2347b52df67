// Management review (9.3): a review's inputs (live preview, then frozen and signed), compiling
// them, and the minutes export.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/export_file.hpp"
#include "report/review_minutes.hpp"

namespace isms::http {

void AppendReviewRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/management_reviews/{id}/inputs",
         "The review's inputs by 9.3.2 item: frozen and verified once compiled, else a preview",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.monitoring.reviews.Inputs(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/management_reviews/{id}/compile",
         "Compile the review's inputs into a frozen snapshot, hashed and signed",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(
                ctx,
                [&]() -> Result<json::object> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {}));
                    ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                    return s.monitoring.reviews.Compile(*who, RecordId{id});
                }(),
                201
            );
        }
    );
    router.Add(
        {"GET",
         "/api/v1/management_reviews/{id}/minutes",
         "The review's minutes as CSV, XLSX or printable HTML (format)",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format"}));
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(
                    json::object minutes, s.monitoring.reviews.Minutes(*who, RecordId{id})
                );
                const std::string ref(minutes.at("review").at("ref").as_string());
                return report::RenderExport(
                    report::ReviewMinutesTable(minutes),
                    QueryValue(ctx, "format"),
                    "management-review-" + ref,
                    FormatDate(Today(s.clock))
                );
            }());
        }
    );
}

}  // namespace isms::http
