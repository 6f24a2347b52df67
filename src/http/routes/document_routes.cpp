// Documented information (7.5): the lifecycle of document versions, their signed approval,
// safe HTML, periodic review and pending acknowledgements. The registers themselves use the
// generic endpoints.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

using VersionStep =
    Result<json::object> (documents::DocumentService::*)(const iam::Principal&, RecordId);
using VersionStepWithBody = Result<
    json::object> (documents::
                       DocumentService::*)(const iam::Principal&, RecordId, const json::object&);

void AddStep(ApiRouter& router, Services& s, RouteInfo info, VersionStep step) {
    router.Add(std::move(info), [&s, step](const RouteContext& ctx, const iam::Principal* who) {
        return Render(ctx, [&]() -> Result<json::object> {
            ISMS_TRY(OnlyKnownQuery(ctx, {}));
            ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
            return (s.documents.service.*step)(*who, RecordId{id});
        }());
    });
}

void AddStepWithBody(ApiRouter& router, Services& s, RouteInfo info, VersionStepWithBody step) {
    router.Add(std::move(info), [&s, step](const RouteContext& ctx, const iam::Principal* who) {
        return Render(ctx, [&]() -> Result<json::object> {
            ISMS_TRY(OnlyKnownQuery(ctx, {}));
            ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
            ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
            return (s.documents.service.*step)(*who, RecordId{id}, body);
        }());
    });
}

}  // namespace

void AppendDocumentRoutes(ApiRouter& router, Services& s) {
    using documents::DocumentService;
    AddStep(
        router,
        s,
        {"POST",
         "/api/v1/document_versions/{id}/submit",
         "Submit a draft version for approval (draft → in_review)",
         "documents"},
        &DocumentService::Submit
    );
    AddStepWithBody(
        router,
        s,
        {"POST",
         "/api/v1/document_versions/{id}/approve",
         "The designated approver approves a version (comment): signed in the ledger",
         "documents"},
        &DocumentService::Approve
    );
    AddStepWithBody(
        router,
        s,
        {"POST",
         "/api/v1/document_versions/{id}/reject",
         "The designated approver sends a version back to draft (comment)",
         "documents"},
        &DocumentService::Reject
    );
    AddStep(
        router,
        s,
        {"POST",
         "/api/v1/document_versions/{id}/publish",
         "Publish an approved version; the one in force before becomes obsolete",
         "documents"},
        &DocumentService::Publish
    );
    AddStep(
        router,
        s,
        {"POST",
         "/api/v1/document_versions/{id}/withdraw",
         "Withdraw the published version (published → obsolete)",
         "documents"},
        &DocumentService::Withdraw
    );
    AddStep(
        router,
        s,
        {"GET",
         "/api/v1/document_versions/{id}/verify",
         "Re-hash a version's content and check its approval signature",
         "documents"},
        &DocumentService::Verify
    );
    router.Add(
        {"GET",
         "/api/v1/document_versions/{id}/html",
         "A version's Markdown body as safe HTML (raw HTML and unsafe links removed)",
         "documents"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return RenderText(
                ctx,
                [&]() -> Result<std::string> {
                    ISMS_TRY(OnlyKnownQuery(ctx, {}));
                    ISMS_TRY_ASSIGN(std::int64_t id, IdParam(ctx, "id"));
                    return s.documents.service.Html(*who, RecordId{id});
                }(),
                "text/html; charset=utf-8"
            );
        }
    );
    AddStepWithBody(
        router,
        s,
        {"POST",
         "/api/v1/documents/{id}/review",
         "Record the periodic review of a published document (next_review_on)",
         "documents"},
        &DocumentService::Review
    );
    AddStep(
        router,
        s,
        {"GET",
         "/api/v1/documents/{id}/pending-acknowledgements",
         "Who in the distribution has not acknowledged the published version",
         "documents"},
        &DocumentService::PendingAcknowledgements
    );
}

}  // namespace isms::http
