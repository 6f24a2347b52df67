// A report table — a title, column names and typed rows — and its CSV form. The same table
// becomes an XLSX sheet (xlsx.hpp), so both exports of one report have the same columns.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace isms::report {

/// Empty, text, or a number (kept a number in spreadsheets).
using Cell = std::variant<std::monostate, std::string, double>;

struct Table {
    std::string title;               // the sheet name in XLSX (at most 31 characters)
    std::vector<std::string> notes;  // lines above the table in HTML (version, hash …)
    std::vector<std::string> columns;
    std::vector<std::vector<Cell>> rows;  // each as long as `columns`
};

/// RFC 4180 CSV with CRLF line ends; text neutralized against formula injection
/// (schema::CsvEscape); numbers in their shortest exact form.
[[nodiscard]] std::string TableToCsv(const Table& table);

/// A self-contained, printable HTML page: the title as heading, the notes, the table with a
/// header row repeated on every printed page. All text is escaped.
[[nodiscard]] std::string TableToHtml(const Table& table);

/// The file name of an export: "<stem>-<YYYY-MM-DD>.<extension>".
[[nodiscard]] std::string ExportFileName(
    const std::string& stem, const std::string& date, const std::string& extension
);

}  // namespace isms::report
