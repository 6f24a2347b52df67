// Evidence content: upload (raw body or multipart), download with the hash re-checked,
// revisions, integrity check, citations and the stale list. The evidence register's fields are
// served by the generic register routes.
#include "http/routes/download.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "http/routes/upload.hpp"

namespace isms::http {

namespace {

/// The one file of an upload, with If-Match.
Result<evidence::UploadInput> UploadFrom(const RouteContext& ctx) {
    ISMS_TRY(OnlyKnownQuery(ctx, {"filename"}));
    evidence::UploadInput input;
    ISMS_TRY_ASSIGN(input.expected_version, IfMatchVersion(ctx));
    ISMS_TRY_ASSIGN(auto files, UploadedFiles(ctx));
    if (files.size() != 1) {
        return Error::Invalid("file", "send one file per upload");
    }
    input.file_name = std::move(files[0].filename);
    input.content_type = std::move(files[0].content_type);
    input.content = std::move(files[0].body);
    return input;
}

Response FileResponse(const RouteContext& ctx, const Result<evidence::EvidenceFile>& file) {
    if (!file) {
        return RenderError(ctx, file.error());
    }
    Response r = Attachment(file->content_type, file->file_name, file->content);
    r.headers.emplace_back("X-Content-SHA256", file->sha256);
    return r;
}

}  // namespace

void AppendEvidenceRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/evidence/stale", "Evidence past its valid-until day", "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                return s.evidence.service.Stale(*who);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/evidence/{id}/file",
         "Upload the evidence file as its next revision (raw body + ?filename=, or multipart)",
         "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto outcome = [&]() -> Result<evidence::UploadOutcome> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto input, UploadFrom(ctx));
                return s.evidence.service.Upload(*who, RecordId{id}, input);
            }();
            if (!outcome) {
                return RenderError(ctx, outcome.error());
            }
            return Render(ctx, outcome->body, outcome->created ? 201 : 200);
        }
    );
    router.Add(
        {"GET",
         "/api/v1/evidence/{id}/file",
         "Download the current file; its SHA-256 is checked first",
         "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return FileResponse(ctx, [&]() -> Result<evidence::EvidenceFile> {
                ISMS_TRY(OnlyKnownQuery(ctx, {}));
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.evidence.service.File(*who, RecordId{id}, std::nullopt);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/evidence/{id}/revisions", "Every uploaded revision", "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.evidence.service.Revisions(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/evidence/{id}/revisions/{n}/file",
         "Download one revision's file; its SHA-256 is checked first",
         "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return FileResponse(ctx, [&]() -> Result<evidence::EvidenceFile> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto n, IdParam(ctx, "n"));
                return s.evidence.service.File(*who, RecordId{id}, n);
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/evidence/{id}/verify",
         "Re-hash every revision's stored file against its recorded SHA-256",
         "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.evidence.service.Verify(*who, RecordId{id});
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/evidence/{id}/citations",
         "Issued SoA versions and assessment results that cite this evidence",
         "evidence"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                return s.evidence.service.Citations(*who, RecordId{id});
            }());
        }
    );
}

}  // namespace isms::http
