// A file as an HTTP answer: its content type and an attachment disposition naming the file
// (RFC 6266: an ASCII fallback and the exact UTF-8 name), or the problem.
#pragma once

#include <string>

#include "http/router.hpp"
#include "report/export_file.hpp"

namespace isms::http {

[[nodiscard]] Response Attachment(
    const std::string& content_type, const std::string& file_name, std::string body
);

/// A report file, or the problem.
[[nodiscard]] Response Download(const RouteContext& ctx, const Result<report::ExportFile>& file);

}  // namespace isms::http
