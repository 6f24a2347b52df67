#include "http/routes/download.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "http/routes/render.hpp"

namespace isms::http {

namespace {

/// The file name as it is when it is plain ASCII; otherwise an ASCII fallback and the exact UTF-8
/// name, percent-encoded. File names reaching here hold no quotes, backslashes or control
/// characters (reports name themselves; evidence names are checked on upload).
std::string Disposition(const std::string& file_name) {
    const bool ascii_only = std::all_of(file_name.begin(), file_name.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x80;
    });
    if (ascii_only) {
        return fmt::format("attachment; filename=\"{}\"", file_name);
    }
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

}  // namespace

Response Attachment(
    const std::string& content_type, const std::string& file_name, std::string body
) {
    Response r;
    r.headers.emplace_back("Content-Type", content_type);
    r.headers.emplace_back("Content-Disposition", Disposition(file_name));
    r.body = std::move(body);
    return r;
}

Response Download(const RouteContext& ctx, const Result<report::ExportFile>& file) {
    if (!file) {
        return RenderError(ctx, file.error());
    }
    return Attachment(file->content_type, file->filename, file->body);
}

}  // namespace isms::http
