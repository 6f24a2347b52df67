#include "report/export_file.hpp"

#include <gtest/gtest.h>

#include "catalog/xlsx_reader.hpp"

namespace isms::report {
namespace {

Table Sample() {
    Table t;
    t.title = "Risk register";
    t.columns = {"Ref", "Title", "Residual likelihood"};
    t.rows = {
        {std::string("RSK-1"), std::string("Leak, \"big\" one"), 2.0},
        {std::string("RSK-2"), std::string("=1+1"), std::monostate{}},
        {std::string("RSK-3"), std::string("Rounding"), 0.25},
    };
    return t;
}

TEST(TableToCsv, QuotesNeutralizesFormulasAndKeepsNumbersExact) {
    EXPECT_EQ(
        TableToCsv(Sample()),
        "Ref,Title,Residual likelihood\r\n"
        "RSK-1,\"Leak, \"\"big\"\" one\",2\r\n"
        "RSK-2,'=1+1,\r\n"
        "RSK-3,Rounding,0.25\r\n"
    );
}

TEST(RenderExport, NamesTheFileAfterTheReportAndTheDate) {
    const auto csv = RenderExport(Sample(), "", "risk-register", "2026-03-01");
    ASSERT_TRUE(csv) << csv.error().message;
    EXPECT_EQ(csv->filename, "risk-register-2026-03-01.csv");
    EXPECT_EQ(csv->content_type, "text/csv; charset=utf-8");
}

TEST(RenderExport, HtmlIsAPrintablePageWithEverythingEscaped) {
    Table t = Sample();
    t.notes = {"Version 1 <draft>"};
    const auto html = RenderExport(t, "html", "risk-register", "2026-03-01");
    ASSERT_TRUE(html) << html.error().message;
    EXPECT_EQ(html->content_type, "text/html; charset=utf-8");
    EXPECT_EQ(html->filename, "risk-register-2026-03-01.html");
    EXPECT_TRUE(html->body.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html->body.find("<p>Version 1 &lt;draft&gt;</p>"), std::string::npos);
    EXPECT_NE(html->body.find("<td>Leak, &quot;big&quot; one</td><td>2</td>"), std::string::npos);
    EXPECT_NE(html->body.find("<td>=1+1</td><td></td>"), std::string::npos);
    EXPECT_NE(html->body.find("thead{display:table-header-group}"), std::string::npos);
}

TEST(RenderExport, RefusesAnUnknownFormatNamingTheField) {
    const auto pdf = RenderExport(Sample(), "pdf", "risk-register", "2026-03-01");
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(pdf.error().fields.size(), 1U);
    EXPECT_EQ(pdf.error().fields[0].field, "format");
}

TEST(RenderExport, XlsxReadsBackWithTheSameCells) {
    const auto xlsx = RenderExport(Sample(), "xlsx", "risk-register", "2026-03-01");
    ASSERT_TRUE(xlsx) << xlsx.error().message;
    EXPECT_EQ(xlsx->filename, "risk-register-2026-03-01.xlsx");
    const auto table = catalog::ReadXlsx(xlsx->body, xlsx->filename);
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->rows.size(), 4U);
    EXPECT_EQ(table->rows[0], (std::vector<std::string>{"Ref", "Title", "Residual likelihood"}));
    EXPECT_EQ(table->rows[1], (std::vector<std::string>{"RSK-1", "Leak, \"big\" one", "2"}));
    // In a spreadsheet a formula-like text stays text: nothing is prefixed, nothing evaluated.
    EXPECT_EQ(table->rows[2], (std::vector<std::string>{"RSK-2", "=1+1", ""}));
    EXPECT_EQ(table->rows[3], (std::vector<std::string>{"RSK-3", "Rounding", "0.25"}));
}

}  // namespace
}  // namespace isms::report
