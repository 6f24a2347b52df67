// CSV export of register records (RFC 4180: comma separated, CRLF line ends, quoted when needed).
// Auditors open these files in spreadsheets, so text cells that a spreadsheet would run as a
// formula (leading = + - @ tab or CR) get a leading apostrophe (OWASP "CSV injection").
// The column set is fixed by the declaration, so two exports of one register line up.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schema/record.hpp"
#include "schema/register_spec.hpp"

namespace isms::schema {

/// One text cell: neutralized against formula injection, then quoted when it holds a comma,
/// quote, CR or LF (quotes doubled). Numbers the exporter formats itself do not pass here.
[[nodiscard]] std::string CsvEscape(std::string_view cell);

/// Header row `ref,id,<declared fields in order>,owner,tags,created_at,updated_at,version`, then
/// one row per record. Reference lists and tags are joined with "; "; null cells are empty.
[[nodiscard]] std::string RecordsToCsv(
    const RegisterSpec& spec, const std::vector<Record>& records
);

}  // namespace isms::schema
