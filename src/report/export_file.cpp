#include "report/export_file.hpp"

#include "report/xlsx.hpp"

namespace isms::report {

Result<ExportFile> RenderExport(
    const Table& table, std::string_view format, const std::string& stem, const std::string& date
) {
    if (format.empty() || format == "csv") {
        return ExportFile{
            "text/csv; charset=utf-8", ExportFileName(stem, date, "csv"), TableToCsv(table)};
    }
    if (format == "xlsx") {
        ISMS_TRY_ASSIGN(std::string bytes, TableToXlsx(table));
        return ExportFile{
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ExportFileName(stem, date, "xlsx"),
            std::move(bytes)};
    }
    if (format == "html") {
        return ExportFile{
            "text/html; charset=utf-8", ExportFileName(stem, date, "html"), TableToHtml(table)};
    }
    return Error::Invalid("format", "must be csv, xlsx or html");
}

}  // namespace isms::report
