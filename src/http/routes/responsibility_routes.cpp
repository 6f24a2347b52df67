// The RACI matrix of ISMS roles and responsibilities (5.3): /api/v1/responsibilities/matrix.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/export_file.hpp"
#include "report/raci_table.hpp"

namespace isms::http {

void AppendResponsibilityRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/responsibilities/matrix",
         "Who is responsible, accountable, consulted and informed per ISMS activity, with gaps",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.context.raci.Get(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/responsibilities/matrix/export",
         "The RACI matrix as CSV, XLSX or printable HTML (format=csv|xlsx|html)",
         "context"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format"}));
                ISMS_TRY_ASSIGN(json::object matrix, s.context.raci.Get(*who));
                return report::RenderExport(
                    report::RaciTable(matrix),
                    QueryValue(ctx, "format"),
                    "raci-matrix",
                    FormatDate(Today(s.clock))
                );
            }());
        }
    );
}

}  // namespace isms::http
