#include "http/routes/upload.hpp"

#include "http/routes/render.hpp"

namespace isms::http {

Result<std::vector<FormPart>> UploadedFiles(const RouteContext& ctx) {
    const std::string content_type(ctx.request.Header("content-type"));
    const std::string boundary = MultipartBoundary(content_type);
    std::vector<FormPart> files;
    if (!boundary.empty()) {
        ISMS_TRY_ASSIGN(auto parts, ParseMultipart(ctx.request.body, boundary));
        for (auto& part : parts) {
            if (!part.filename.empty()) {
                files.push_back(std::move(part));
            }
        }
        if (files.empty()) {
            return Error::Invalid("file", "the form holds no file");
        }
        return files;
    }
    FormPart raw;
    raw.filename = QueryValue(ctx, "filename");
    if (raw.filename.empty()) {
        return Error::Invalid(
            "filename", "required with a raw body (or send multipart/form-data with files)"
        );
    }
    raw.name = "file";
    raw.content_type = content_type;
    raw.body = ctx.request.body;
    files.push_back(std::move(raw));
    return files;
}

}  // namespace isms::http
