// Compliance assessment results: /api/v1/assessments/{id}/results… and the summary. The
// assessments register itself is served by the generic register routes.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

void AppendAssessmentRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET",
         "/api/v1/assessments/{id}/results",
         "Results per requirement, manual and inferred through mappings, with progress and score "
         "(section, result, source, limit, offset)",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {"section", "result", "source", "limit", "offset"})
                    );
                    ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                    compliance::ResultsQuery query;
                    query.section = QueryValue(ctx, "section");
                    query.result = QueryValue(ctx, "result");
                    query.source = QueryValue(ctx, "source");
                    ISMS_TRY_ASSIGN(query.limit, QueryInt(ctx, "limit", query.limit));
                    ISMS_TRY_ASSIGN(query.offset, QueryInt(ctx, "offset", query.offset));
                    return s.compliance.assessments.Results(*who, RecordId{id}, query);
                }(),
                "application/json"
            );
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/assessments/{id}/results",
         "Set results (results: [{requirement, result, score, notes, evidence, applied_controls, "
         "audit_result}]), all or nothing",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                return s.compliance.assessments.SetResults(*who, RecordId{id}, body);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/assessments/{id}/results/{requirement}",
         "One requirement's result (URN or ref_id), with its inference path",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.compliance.assessments.ResultOf(
                    *who, RecordId{id}, std::string(ctx.Param("requirement"))
                );
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/assessments/{id}/results/{requirement}",
         "Set one requirement's result",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(json::object result, JsonBody(ctx));
                if (result.contains("requirement")) {
                    return Error::Invalid("requirement", "the requirement is named in the path");
                }
                result["requirement"] = ctx.Param("requirement");
                ISMS_TRY_ASSIGN(
                    json::object set,
                    s.compliance.assessments.SetResults(
                        *who,
                        RecordId{id},
                        json::object{{"results", json::array{std::move(result)}}}
                    )
                );
                json::object item = set.at("items").as_array().at(0).as_object();
                item["changed"] = set.at("changed").as_int64() > 0;
                return item;
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/assessments/{id}/summary",
         "Progress and compliance score of the assessment and of each section",
         "compliance"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {}));
                    ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                    return s.compliance.assessments.Summary(*who, RecordId{id});
                }(),
                "application/json"
            );
        }
    );
}

}  // namespace isms::http
