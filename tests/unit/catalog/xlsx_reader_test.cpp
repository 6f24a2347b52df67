#include "catalog/xlsx_reader.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "catalog/tabular_import.hpp"
#include "reference_files.hpp"

namespace isms::catalog {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::filesystem::path TempFile(std::string_view name) {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    return std::filesystem::path(::testing::TempDir())
           / (std::string("isms_") + test->name() + "_" + std::string(name));
}

/// Writes a ZIP archive of the given (part name, content) entries and returns its bytes.
std::string ZipBytes(const std::vector<std::pair<std::string, std::string>>& entries) {
    const auto path = TempFile("archive.zip");
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr) << "zip_open error " << error;
    if (archive == nullptr) {
        return {};
    }
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0) << name;
    }
    EXPECT_EQ(zip_close(archive), 0);
    std::string bytes = testing::ReadText(path);
    std::filesystem::remove(path);
    return bytes;
}

/// A workbook written by libxlsxwriter; `constant_memory` makes it write inline strings
/// instead of a shared string table.
std::string SampleWorkbook(bool constant_memory) {
    const auto path = TempFile(constant_memory ? "inline.xlsx" : "shared.xlsx");
    lxw_workbook_options options{};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Framework");
    lxw_worksheet* notes = workbook_add_worksheet(workbook, "Notes");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);

    const char* header[] = {"text", "number", "flag", "formula", "rich"};
    for (lxw_col_t col = 0; col < 5; ++col) {
        worksheet_write_string(sheet, 0, col, header[col], nullptr);
    }
    worksheet_write_string(sheet, 1, 0, "Zürich, \"quoted\"", nullptr);
    worksheet_write_number(sheet, 1, 1, 5.1, nullptr);
    worksheet_write_boolean(sheet, 1, 2, 1, nullptr);
    worksheet_write_formula_num(sheet, 1, 3, "=1+1", nullptr, 2);
    lxw_rich_string_tuple plain{nullptr, const_cast<char*>("Hello ")};
    lxw_rich_string_tuple strong{bold, const_cast<char*>("world")};
    lxw_rich_string_tuple* rich[] = {&plain, &strong, nullptr};
    worksheet_write_rich_string(sheet, 1, 4, rich, nullptr);
    // Row 3 stays empty; row 4 has gaps in B and D.
    worksheet_write_string(sheet, 3, 0, "gap after", nullptr);
    worksheet_write_number(sheet, 3, 2, 3, nullptr);
    worksheet_write_formula_str(sheet, 3, 4, "=A4", nullptr, "text result");
    worksheet_write_string(sheet, 4, 0, "line1\nline2", nullptr);
    worksheet_write_string(sheet, 4, 1, "=not a formula", nullptr);
    worksheet_write_number(sheet, 4, 2, 1234567, nullptr);
    worksheet_write_string(sheet, 5, 0, "short", nullptr);
    worksheet_write_string(notes, 0, 0, "not read", nullptr);

    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    std::string bytes = testing::ReadText(path);
    std::filesystem::remove(path);
    return bytes;
}

/// What SampleWorkbook's first sheet reads as, and the worksheet rows of those rows.
Rows SampleRows() {
    return {
        {"text", "number", "flag", "formula", "rich"},
        {"Zürich, \"quoted\"", "5.1", "TRUE", "2", "Hello world"},
        {"gap after", "", "3", "", "text result"},
        {"line1\nline2", "=not a formula", "1234567", "", ""},
        {"short", "", "", "", ""},
    };
}
std::vector<std::size_t> SampleLines() {
    return {1, 2, 4, 5, 6};
}

TEST(ReadXlsx, ReadsTheFirstWorksheetWithSharedStrings) {
    const auto table = ReadXlsx(SampleWorkbook(false), "book.xlsx");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->rows, SampleRows());
    EXPECT_EQ(table->lines, SampleLines());
}

TEST(ReadXlsx, ReadsInlineStrings) {
    const auto table = ReadXlsx(SampleWorkbook(true), "book.xlsx");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->rows, SampleRows());
    EXPECT_EQ(table->lines, SampleLines());
}

TEST(ReadXlsx, AFrameworkWorkbookImportsWithRowNumbersAsLines) {
    const auto path = TempFile("framework.xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    const char* header[] = {"framework_urn", "ref_id", "parent", "name", "assessable", "strength"};
    for (lxw_col_t col = 0; col < 6; ++col) {
        worksheet_write_string(sheet, 0, col, header[col], nullptr);
    }
    worksheet_write_string(sheet, 1, 0, "urn:isms:framework:sheet", nullptr);
    worksheet_write_string(sheet, 1, 1, "1", nullptr);
    worksheet_write_string(sheet, 1, 3, "Governance", nullptr);
    worksheet_write_boolean(sheet, 1, 4, 0, nullptr);
    worksheet_write_number(sheet, 3, 1, 1.1, nullptr);  // typed as a number: still "1.1"
    worksheet_write_number(sheet, 3, 2, 1, nullptr);
    worksheet_write_string(sheet, 3, 3, "Policy", nullptr);
    worksheet_write_boolean(sheet, 3, 4, 1, nullptr);
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    const std::string bytes = testing::ReadText(path);
    std::filesystem::remove(path);

    const auto table = ReadXlsx(bytes, "book.xlsx");
    ASSERT_TRUE(table) << table.error().message;
    const auto library = ImportTabular(*table, "book.xlsx");
    ASSERT_FALSE(library);  // "strength" belongs to mappings: reported on header row 1
    ASSERT_EQ(library.error().fields.size(), 1U);
    EXPECT_EQ(library.error().fields[0].field, "book.xlsx:line 1");

    Table without_strength = *table;
    for (auto& row : without_strength.rows) {
        row.pop_back();
    }
    const auto imported = ImportTabular(without_strength, "book.xlsx");
    ASSERT_TRUE(imported) << imported.error().message;
    const auto& nodes = imported->frameworks[0].nodes;
    ASSERT_EQ(nodes.size(), 2U);
    EXPECT_EQ(nodes[1].ref_id, "1.1");
    EXPECT_EQ(nodes[1].parent_urn, "urn:isms:framework:sheet:1");
    EXPECT_FALSE(nodes[0].assessable);
    EXPECT_TRUE(nodes[1].assessable);

    without_strength.rows[2][3] = "";  // worksheet row 4
    const auto broken = ImportTabular(without_strength, "book.xlsx");
    ASSERT_FALSE(broken);
    ASSERT_EQ(broken.error().fields.size(), 1U);
    EXPECT_EQ(broken.error().fields[0].field, "book.xlsx:line 4");
}

// Parts as other writers make them: an "x:" namespace prefix, an absolute relationship target,
// cells and rows without references, phonetic runs, _xHHHH_ escapes, error and date values.
TEST(ReadXlsx, ReadsPrefixedPartsAndCellsWithoutReferences) {
    const std::string bytes = ZipBytes({
        {"xl/workbook.xml",
         R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
               xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <x:sheets><x:sheet name="Data" sheetId="7" rel:id="R9"/><x:sheet name="Other" sheetId="1" rel:id="R1"/></x:sheets>
            </x:workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/>
              <Relationship Id="R9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
              <Relationship Id="R5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="./strings.xml"/>
            </Relationships>)"},
        {"xl/strings.xml",
         R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <x:si><x:t>ref_id</x:t></x:si>
              <x:si><x:r><x:t>na</x:t></x:r><x:r><x:t xml:space="preserve">me </x:t></x:r><x:rPh sb="0" eb="1"><x:t>NAME</x:t></x:rPh></x:si>
              <x:si><x:t>a_x000D__x000A_b _x005F_x0041_</x:t></x:si>
            </x:sst>)"},
        {"xl/worksheets/data.xml",
         R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
              <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
              <x:row><x:c t="e"><x:v>#N/A</x:v></x:c><x:c r="C2" t="d"><x:v>2024-05-01</x:v></x:c></x:row>
              <x:row r="9"><x:c r="B9" t="s"><x:v>2</x:v></x:c><x:c s="3"/><x:c r="Z9" s="1"/></x:row>
            </x:sheetData></x:worksheet>)"},
        {"xl/worksheets/other.xml", "<worksheet/>"},
    });
    const auto table = ReadXlsx(bytes, "other-writer.xlsx");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(
        table->rows, (Rows{{"ref_id", "name "}, {"#N/A", "", "2024-05-01"}, {"", "a\nb _x0041_"}})
    );
    EXPECT_EQ(table->lines, (std::vector<std::size_t>{1, 2, 9}));
}

TEST(ReadXlsx, BytesThatAreNoZipAreMalformed) {
    const auto text = ReadXlsx("ref_id,name\nA,B\n", "upload.xlsx");
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(text.error().message.find("upload.xlsx: not a ZIP archive"), std::string::npos)
        << text.error().message;

    const auto empty = ReadXlsx("", "empty.xlsx");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(empty.error().message.find("empty.xlsx: the file is empty"), std::string::npos)
        << empty.error().message;
}

TEST(ReadXlsx, ATruncatedWorkbookIsMalformed) {
    const std::string bytes = SampleWorkbook(false);
    const auto table = ReadXlsx(std::string_view(bytes).substr(0, bytes.size() / 2), "cut.xlsx");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(table.error().message.find("cut.xlsx: "), std::string::npos);
}

TEST(ReadXlsx, AZipThatIsNoWorkbookIsMalformed) {
    const auto table = ReadXlsx(ZipBytes({{"hello.txt", "hello"}}), "photos.zip");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(table.error().message.find("not an XLSX workbook"), std::string::npos)
        << table.error().message;
}

TEST(ReadXlsx, BrokenPartsAreMalformedWithTheirNames) {
    const auto bad_xml = ReadXlsx(ZipBytes({{"xl/workbook.xml", "<workbook><sheets>"}}), "b.xlsx");
    ASSERT_FALSE(bad_xml);
    EXPECT_EQ(bad_xml.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(
        bad_xml.error().message.find("xl/workbook.xml is not well-formed XML"), std::string::npos
    ) << bad_xml.error().message;

    const std::string workbook =
        R"(<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    const std::string relationships =
        R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
    const auto missing_string = ReadXlsx(
        ZipBytes({
            {"xl/workbook.xml", workbook},
            {"xl/_rels/workbook.xml.rels", relationships},
            {"xl/worksheets/sheet1.xml",
             R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>)"},
        }),
        "s.xlsx"
    );
    ASSERT_FALSE(missing_string);
    EXPECT_EQ(missing_string.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(
        missing_string.error().message.find("cell A1 names shared string \"4\""), std::string::npos
    ) << missing_string.error().message;

    const auto bad_reference = ReadXlsx(
        ZipBytes({
            {"xl/workbook.xml", workbook},
            {"xl/_rels/workbook.xml.rels", relationships},
            {"xl/worksheets/sheet1.xml",
             R"(<worksheet><sheetData><row r="2"><c r="A3"><v>1</v></c></row></sheetData></worksheet>)"},
        }),
        "r.xlsx"
    );
    ASSERT_FALSE(bad_reference);
    EXPECT_NE(
        bad_reference.error().message.find("cell reference \"A3\" in row 2"), std::string::npos
    ) << bad_reference.error().message;
}

TEST(ReadXlsx, RefusesToInflateAZipBomb) {
    // 65 MiB of spaces deflate to well under a megabyte.
    const std::string huge(
        static_cast<std::size_t>(kMaxXlsxUncompressedBytes) + std::size_t{1024} * 1024, ' '
    );
    const auto table = ReadXlsx(ZipBytes({{"xl/workbook.xml", huge}}), "bomb.xlsx");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::kTooLarge);
    EXPECT_NE(table.error().message.find("bomb.xlsx: xl/workbook.xml"), std::string::npos)
        << table.error().message;
}

}  // namespace
}  // namespace isms::catalog
