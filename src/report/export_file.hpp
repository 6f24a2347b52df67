// A report table rendered for download: CSV or XLSX, with its content type and file name.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "report/table.hpp"

namespace isms::report {

struct ExportFile {
    std::string content_type;
    std::string filename;
    std::string body;
};

/// `format` "csv" (also when empty), "xlsx" or "html" (printable); anything else is
/// kInvalidArgument on field
/// "format". The file is named "<stem>-<date>.<format>".
[[nodiscard]] Result<ExportFile> RenderExport(
    const Table& table, std::string_view format, const std::string& stem, const std::string& date
);

}  // namespace isms::report
