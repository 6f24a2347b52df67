#include "report/xlsx.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <xlsxwriter.h>

#include "core/crypto.hpp"

namespace isms::report {

namespace {

constexpr double kMaxColumnWidth = 60;

/// Removes the temporary file whatever happens.
struct TempFile {
    std::filesystem::path path;
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
};

/// Characters of `text` (UTF-8 code points), for column widths.
std::size_t Width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

}  // namespace

Result<std::string> TableToXlsx(const Table& table) {
    TempFile file{
        std::filesystem::temp_directory_path()
        / ("isms-export-" + crypto::RandomToken(12) + ".xlsx")};
    lxw_workbook* workbook = workbook_new(file.path.c_str());
    if (workbook == nullptr) {
        return Error::Internal("cannot create a workbook in " + file.path.parent_path().string());
    }
    const std::string sheet_name = table.title.substr(0, 31);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
    lxw_format* header = workbook_add_format(workbook);
    format_set_bold(header);
    format_set_bg_color(header, 0xDDE3EA);
    format_set_text_wrap(header);
    lxw_format* wrapped = workbook_add_format(workbook);
    format_set_text_wrap(wrapped);
    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);

    std::vector<std::size_t> widths(table.columns.size(), 8);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        widths[c] = std::max(widths[c], Width(table.columns[c]));
        worksheet_write_string(
            sheet, 0, static_cast<lxw_col_t>(c), table.columns[c].c_str(), header
        );
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < table.rows[r].size() && c < widths.size(); ++c) {
            const auto column = static_cast<lxw_col_t>(c);
            const Cell& cell = table.rows[r][c];
            if (const auto* text = std::get_if<std::string>(&cell)) {
                worksheet_write_string(sheet, row, column, text->c_str(), wrapped);
                widths[c] = std::max(widths[c], Width(*text));
            } else if (const auto* number = std::get_if<double>(&cell)) {
                worksheet_write_number(sheet, row, column, *number, nullptr);
            }
        }
    }
    for (std::size_t c = 0; c < widths.size(); ++c) {
        const double width = std::min(static_cast<double>(widths[c]) + 2, kMaxColumnWidth);
        worksheet_set_column(
            sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr
        );
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.columns.empty()) {
        worksheet_autofilter(
            sheet,
            0,
            0,
            static_cast<lxw_row_t>(table.rows.size()),
            static_cast<lxw_col_t>(table.columns.size() - 1)
        );
    }
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR) {
        return Error::Internal(std::string("writing the workbook failed: ") + lxw_strerror(closed));
    }
    std::ifstream in(file.path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        return Error::Internal("reading the workbook back failed");
    }
    return bytes;
}

}  // namespace isms::report
