#include "report/table.hpp"

#include <fmt/format.h>

#include "core/markup.hpp"
#include "schema/csv.hpp"

namespace isms::report {

std::string TableToCsv(const Table& table) {
    std::string out;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        out += (i == 0 ? "" : ",") + schema::CsvEscape(table.columns[i]);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0) {
                out += ',';
            }
            if (const auto* text = std::get_if<std::string>(&row[i])) {
                out += schema::CsvEscape(*text);
            } else if (const auto* number = std::get_if<double>(&row[i])) {
                out += fmt::format("{}", *number);
            }
        }
        out += "\r\n";
    }
    return out;
}

std::string TableToHtml(const Table& table) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + XmlEscape(table.title)
        + "</title>\n<style>\nbody{font-family:sans-serif;font-size:10pt;margin:1.5em}"
          "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 5px;"
          "vertical-align:top;text-align:left}thead{display:table-header-group}"
          "th{background:#eee}tr{page-break-inside:avoid}\n</style>\n</head>\n<body>\n<h1>"
        + XmlEscape(table.title) + "</h1>\n";
    for (const std::string& note : table.notes) {
        out += "<p>" + XmlEscape(note) + "</p>\n";
    }
    out += "<table>\n<thead><tr>";
    for (const std::string& column : table.columns) {
        out += "<th>" + XmlEscape(column) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out += "<tr>";
        for (const Cell& cell : row) {
            out += "<td>";
            if (const auto* text = std::get_if<std::string>(&cell)) {
                out += XmlEscape(*text);
            } else if (const auto* number = std::get_if<double>(&cell)) {
                out += fmt::format("{}", *number);
            }
            out += "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n</body>\n</html>\n";
}

std::string ExportFileName(
    const std::string& stem, const std::string& date, const std::string& extension
) {
    return stem + "-" + date + "." + extension;
}

}  // namespace isms::report
