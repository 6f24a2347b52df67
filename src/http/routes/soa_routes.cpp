// The Statement of Applicability: /api/v1/soa, its decisions, issued versions, diff and exports.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "report/export_file.hpp"
#include "report/soa_table.hpp"

namespace isms::http {

void AppendSoaRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/soa", "The live Statement of Applicability over Annex A", "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.compliance.soa.Get(*who);
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/soa/decisions",
         "Record manual applicability decisions (decisions), all or nothing",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.compliance.soa.Decide(*who, body);
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/soa/controls/{control}",
         "Decide one control (applicable, reasons, justification; applicable null: derived)",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(json::object decision, JsonBody(ctx));
                if (decision.contains("control")) {
                    return Error::Invalid("control", "the control is named in the path");
                }
                decision["control"] = ctx.Param("control");
                return s.compliance.soa.Decide(
                    *who, json::object{{"decisions", json::array{std::move(decision)}}}
                );
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/soa/issue",
         "Approve and issue the live SoA as a signed version (comment)",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(
                ctx,
                [&]() -> Result<json::object> {
                    ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                    return s.compliance.soa.Issue(*who, body);
                }(),
                201
            );
        }
    );
    router.Add(
        {"GET", "/api/v1/soa/versions", "Issued SoA versions", "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, s.compliance.soa.Versions(*who));
        }
    );
    router.Add(
        {"GET", "/api/v1/soa/versions/{n}", "One issued SoA version, whole", "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto n, IdParam(ctx, "n"));
                return s.compliance.soa.Version(*who, n);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/soa/versions/{n}/verify",
         "Check an issued version's hash and signature",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto n, IdParam(ctx, "n"));
                return s.compliance.soa.Verify(*who, n);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/soa/diff",
         "Changes per control between two issued versions (from, to; no to: the live SoA)",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"from", "to"}));
                ISMS_TRY_ASSIGN(std::int64_t from, QueryInt(ctx, "from", 0));
                ISMS_TRY_ASSIGN(std::int64_t to, QueryInt(ctx, "to", 0));
                if (from < 1) {
                    return Error::Invalid("from", "required: an issued version number");
                }
                return s.compliance.soa.Diff(*who, from, to > 0 ? std::optional(to) : std::nullopt);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/soa/export",
         "The SoA as CSV, XLSX or printable HTML (format; version: an issued one, else live)",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Download(ctx, [&]() -> Result<report::ExportFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"format", "version"}));
                ISMS_TRY_ASSIGN(std::int64_t version, QueryInt(ctx, "version", 0));
                json::object soa;
                if (version > 0) {
                    ISMS_TRY_ASSIGN(soa, s.compliance.soa.Version(*who, version));
                } else {
                    ISMS_TRY_ASSIGN(soa, s.compliance.soa.Get(*who));
                }
                const std::string stem =
                    version > 0 ? "statement-of-applicability-v" + std::to_string(version)
                                : "statement-of-applicability";
                return report::RenderExport(
                    report::SoaTable(soa),
                    QueryValue(ctx, "format"),
                    stem,
                    FormatDate(Today(s.clock))
                );
            }());
        }
    );
}

}  // namespace isms::http
