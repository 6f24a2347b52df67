// Risk views and exports: /api/v1/risks/heatmap[.svg], /api/v1/risks/due,
// /api/v1/risks/register/export, /api/v1/treatment-plan/export.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/export_file.hpp"

namespace isms::http {

void AppendRiskReportRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/risks/heatmap",
         "Risks per (likelihood, impact) cell for the inherent, current and residual stages",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.reports.HeatMap(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/heatmap.svg",
         "The heat map of one stage as SVG (stage=inherent|current|residual, default residual)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {"stage"}));
                    const std::string stage = QueryValue(ctx, "stage");
                    return s.risk.reports.HeatMapSvg(*who, stage.empty() ? "residual" : stage);
                }(),
                "image/svg+xml"
            );
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/due",
         "Overdue risk reviews and treatment actions, expired acceptances",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.risk.reports.Due(*who);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/risks/register/export",
         "The risk register as CSV or XLSX (format=csv|xlsx)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format"}));
                ISMS_TRY_ASSIGN(auto table, s.risk_exports.RiskRegister(*who));
                return report::RenderExport(
                    table, QueryValue(ctx, "format"), "risk-register", FormatDate(Today(s.clock))
                );
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/treatment-plan/export",
         "The risk treatment plan as CSV or XLSX (format=csv|xlsx)",
         "risk"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format"}));
                ISMS_TRY_ASSIGN(auto table, s.risk_exports.TreatmentPlan(*who));
                return report::RenderExport(
                    table,
                    QueryValue(ctx, "format"),
                    "risk-treatment-plan",
                    FormatDate(Today(s.clock))
                );
            }());
        }
    );
}

}  // namespace isms::http
