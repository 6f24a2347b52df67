#include "http/routes/download.hpp"

#include "http/routes/render.hpp"

namespace isms::http {

Response Download(const RouteContext& ctx, const Result<report::ExportFile>& file) {
    if (!file) {
        return RenderError(ctx, file.error());
    }
    Response r;
    r.headers.emplace_back("Content-Type", file->content_type);
    r.headers.emplace_back(
        "Content-Disposition", "attachment; filename=\"" + file->filename + "\""
    );
    r.body = file->body;
    return r;
}

}  // namespace isms::http
