#include "report/table.hpp"

#include <fmt/format.h>

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

std::string ExportFileName(
    const std::string& stem, const std::string& date, const std::string& extension
) {
    return stem + "-" + date + "." + extension;
}

}  // namespace isms::report
