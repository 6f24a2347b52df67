// Reads the first worksheet of an Office Open XML workbook (.xlsx) into a Table, so that a
// framework or mapping kept in a spreadsheet imports without saving it as CSV first. Cells are
// read as stored values: no formula is evaluated and no number format applied. Decompression
// is capped, so a small archive that inflates to gigabytes is refused, not unpacked.
#pragma once

#include <cstdint>
#include <string_view>

#include "catalog/tabular_import.hpp"
#include "core/error.hpp"

namespace isms::catalog {

/// Most bytes ReadXlsx decompresses from one archive, all parts together.
inline constexpr std::uint64_t kMaxXlsxUncompressedBytes = std::uint64_t{64} * 1024 * 1024;

/// The first sheet listed in xl/workbook.xml, as rows of text: shared strings (rich text runs
/// joined), inline strings, formula string results, numbers in their shortest exact decimal
/// form ("5.1", "3"), booleans as "TRUE"/"FALSE", error values as written ("#N/A"). A formula
/// cell gives its cached result. Gaps before a cell become empty cells; rows without a value
/// are left out, and Table::lines holds each row's worksheet row number. Rows shorter than the
/// header are padded to its width. Errors: kMalformedInput when `bytes` is not a ZIP archive,
/// not a workbook, or holds XML that does not parse; kTooLarge past
/// kMaxXlsxUncompressedBytes of XML or a sheet of more than about four million cells.
[[nodiscard]] Result<Table> ReadXlsx(std::string_view bytes, std::string_view source_name);

}  // namespace isms::catalog
