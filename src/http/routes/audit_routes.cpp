// Internal audit and improvement actions (ISO/IEC 27001:2022 9.2, 10.2):
// /api/v1/audit_programmes/{id}/coverage, /api/v1/audits/{id}/checklist,
// /api/v1/audits/{id}/report, /api/v1/audit_findings/{id}/nonconformity and
// /api/v1/nonconformities/{id}/similar. The registers themselves are served by the generic
// register routes.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/audit_report.hpp"

namespace isms::http {

void AppendAuditRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/audit_programmes/{id}/coverage",
         "Clauses 4–10 and applicable Annex A controls the programme's audits cover, and the gaps",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(const std::int64_t id, IdParam(ctx, "id"));
                return s.audit.audits.Coverage(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/audits/{id}/checklist",
         "Generate one checklist item per catalog requirement in the audit's scope",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(const std::int64_t id, IdParam(ctx, "id"));
                return s.audit.audits.GenerateChecklist(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/audits/{id}/report",
         "The audit report as HTML, CSV or XLSX (format=html|csv|xlsx)",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format"}));
                ISMS_TRY_ASSIGN(const std::int64_t id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(json::object data, s.audit.audits.ReportData(*who, RecordId{id}));
                return report::AuditReportFile(
                    data, QueryValue(ctx, "format"), FormatDate(Today(s.clock))
                );
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/audit_findings/{id}/nonconformity",
         "Raise a nonconformity from a major or minor nonconformity finding, in one call",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(
                ctx,
                [&]() -> Result<json::object> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {}));
                    ISMS_TRY_ASSIGN(const std::int64_t id, IdParam(ctx, "id"));
                    return s.audit.findings.RaiseNonconformity(*who, RecordId{id});
                }(),
                201
            );
        }
    );
    router.Add(
        {"GET",
         "/api/v1/nonconformities/{id}/similar",
         "Similar nonconformities (root cause category, applied control, requirement, text)",
         "assurance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(const std::int64_t id, IdParam(ctx, "id"));
                return s.audit.nonconformities.Similar(*who, RecordId{id});
            }());
        }
    );
}

}  // namespace isms::http
