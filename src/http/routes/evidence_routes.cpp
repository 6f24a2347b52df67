// Evidence content: upload (raw body or multipart), download with the hash re-checked,
// revisions, integrity check, citations and the stale list. The evidence register's fields are
// served by the generic register routes.
#include <fmt/format.h>

#include "http/multipart.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

/// The upload: the form's one file part, or the raw body named by ?filename= with its
/// Content-Type.
Result<evidence::UploadInput> UploadFrom(const RouteContext& ctx) {
    evidence::UploadInput input;
    ISMS_TRY_ASSIGN(input.expected_version, IfMatchVersion(ctx));
    const std::string boundary = MultipartBoundary(ctx.request.Header("content-type"));
    if (!boundary.empty()) {
        ISMS_TRY(OnlyKnownQuery(ctx, {}));
        ISMS_TRY_ASSIGN(auto parts, ParseMultipart(ctx.request.body, boundary));
        bool found = false;
        for (auto& part : parts) {
            if (part.filename.empty()) {
                continue;
            }
            if (found) {
                return Error::Invalid("file", "send one file per upload");
            }
            found = true;
            input.file_name = std::move(part.filename);
            input.content_type = std::move(part.content_type);
            input.content = std::move(part.body);
        }
        if (!found) {
            return Error::Invalid("file", "the form holds no file");
        }
        return input;
    }
    ISMS_TRY(OnlyKnownQuery(ctx, {"filename"}));
    input.file_name = QueryValue(ctx, "filename");
    if (input.file_name.empty()) {
        return Error::Invalid(
            "filename", "required with a raw body (or send multipart/form-data with the file)"
        );
    }
    input.content_type = std::string(ctx.request.Header("content-type"));
    input.content = ctx.request.body;
    return input;
}

/// RFC 6266: an ASCII fallback name and the exact UTF-8 name, percent-encoded.
std::string Disposition(const std::string& file_name) {
    std::string ascii;
    std::string encoded;
    for (const char ch : file_name) {
        const auto c = static_cast<unsigned char>(ch);
        ascii += c < 0x80 ? ch : '_';
        if (std::isalnum(c) != 0 || ch == '.' || ch == '-' || ch == '_') {
            encoded += ch;
        } else {
            encoded += fmt::format("%{:02X}", c);
        }
    }
    return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, encoded);
}

Response FileResponse(const RouteContext& ctx, const Result<evidence::EvidenceFile>& file) {
    if (!file) {
        return RenderError(ctx, file.error());
    }
    Response r;
    r.headers.emplace_back("Content-Type", file->content_type);
    r.headers.emplace_back("Content-Disposition", Disposition(file->file_name));
    r.headers.emplace_back("X-Content-SHA256", file->sha256);
    r.body = file->content;
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
