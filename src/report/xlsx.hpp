// A report table as an XLSX workbook (libxlsxwriter): one sheet, a bold frozen header row with
// an autofilter, numbers as numbers, column widths from the content.
#pragma once

#include <string>

#include "core/error.hpp"
#include "report/table.hpp"

namespace isms::report {

/// The workbook's bytes. libxlsxwriter writes files, so the workbook passes through a private
/// temporary file that is removed before returning.
[[nodiscard]] Result<std::string> TableToXlsx(const Table& table);

}  // namespace isms::report
