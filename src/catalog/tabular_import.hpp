// The isms tabular catalog format (docs/catalog-tabular-format.md): one framework, one mapping
// set or one attribute overlay as a plain table, written in a spreadsheet and saved as CSV or
// XLSX. Parsing gives rows of cells with the source line of each row; importing checks the
// whole table and reports every problem at "source:line N", returning nothing then.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

/// Rows of cells (the first non-blank row is the header) and where each row starts in its
/// source, so that a problem names the line a user sees in an editor or spreadsheet.
struct Table {
    std::vector<std::vector<std::string>> rows;
    /// rows[i] starts on line lines[i] of a CSV file, or is row lines[i] of a worksheet. Left
    /// empty (a table built in code), rows[i] counts as line i + 1.
    std::vector<std::size_t> lines;
};

/// Library URNs of attribute overlays start with this; the rest is the slug of the target
/// framework URN ("urn:isms:library:attribute-overlay:iso27001-2022").
inline constexpr std::string_view kAttributeOverlayLibraryPrefix =
    "urn:isms:library:attribute-overlay:";

/// Parses RFC 4180 CSV: UTF-8 with an optional byte order mark, CRLF, LF or CR line ends, cells
/// quoted with '"' when they hold commas, quotes ("" inside) or line breaks. A line break inside
/// quotes is kept as "\n"; each row records the physical line its record starts on. Cells are
/// text as written (a leading '=' is not a formula). An unterminated quote or text after a
/// closing quote is kMalformedInput naming "source:line N".
[[nodiscard]] Result<Table> ParseCsv(std::string_view text, std::string_view source_name);

/// Reads a framework table into a Library with one Framework, an attribute overlay (ref_id and
/// attr: columns, no name column) into a Library whose URN starts with
/// kAttributeOverlayLibraryPrefix, or a mapping table (source, target, relationship columns)
/// into a Library with one MappingSet. Library::format is Format::kCsv and Library::source is
/// `source_name`. Every problem (unknown or missing column, empty required cell, duplicate
/// ref_id or pair, parent not found or in a cycle, bad yes/no, unknown relationship, strength
/// outside 1..10, a table-wide value that differs between rows, ragged rows) is reported as
/// kInvalidArgument with one FieldError per problem, field = "source:line N".
[[nodiscard]] Result<Library> ImportTabular(const Table& table, std::string_view source_name);

/// Whether `library` is an attribute overlay: attribute values for nodes of a framework that
/// another library holds. Its single Framework has the target framework's URN, no name and no
/// groups; its nodes carry only urn, ref_id and attributes (no name, no parent), and its
/// attribute_vocabularies list each attr: column with the values the table uses. Applying one
/// means merging each node's attributes into the target node with the same URN or ref_id.
[[nodiscard]] bool IsAttributeOverlay(const Library& library);

}  // namespace isms::catalog
