// A report file as an HTTP answer: its content type and an attachment disposition naming the
// file, or the problem.
#pragma once

#include "http/router.hpp"
#include "report/export_file.hpp"

namespace isms::http {

[[nodiscard]] Response Download(const RouteContext& ctx, const Result<report::ExportFile>& file);

}  // namespace isms::http
