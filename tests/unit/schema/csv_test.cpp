#include "schema/csv.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace isms::schema {
namespace {

TEST(CsvEscape, PlainCellsAreUnchanged) {
    EXPECT_EQ(CsvEscape("Laptop"), "Laptop");
    EXPECT_EQ(CsvEscape(""), "");
    EXPECT_EQ(CsvEscape("a b; c"), "a b; c");
    EXPECT_EQ(CsvEscape("Zürich"), "Zürich");
    EXPECT_EQ(CsvEscape("x=1"), "x=1");  // only a leading sign starts a formula
}

TEST(CsvEscape, QuotesSeparatorsQuotesAndLineBreaks) {
    EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
    EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(CsvEscape("line1\nline2"), "\"line1\nline2\"");
    EXPECT_EQ(CsvEscape("line1\r\nline2"), "\"line1\r\nline2\"");
    EXPECT_EQ(CsvEscape("\""), "\"\"\"\"");
}

TEST(CsvEscape, NeutralizesFormulas) {
    EXPECT_EQ(CsvEscape("=1+1"), "'=1+1");
    EXPECT_EQ(CsvEscape("+1"), "'+1");
    EXPECT_EQ(CsvEscape("-1"), "'-1");
    EXPECT_EQ(CsvEscape("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(CsvEscape("\tx"), "'\tx");
    EXPECT_EQ(CsvEscape("\rx"), "\"'\rx\"");  // neutralized, then quoted for the CR
    // The classic payload: the apostrophe goes inside the quotes, so the cell still starts
    // with it when the spreadsheet reads the value.
    EXPECT_EQ(
        CsvEscape("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
    );
}

RegisterSpec Spec() {
    RegisterSpec s;
    s.name = "assets";
    s.title = "Assets";
    s.ref_prefix = "AST";
    s.fields = {
        Text("name").Required(),
        Enum("kind", {"primary", "supporting"}),
        Int("level"),
        Decimal("cost"),
        Bool("in_scope"),
        DateField("review_date"),
        ReferenceList("depends_on", "assets"),
        Markdown("notes"),
    };
    return s;
}

Record MakeRecord() {
    Record r;
    r.id = RecordId{12};
    r.ref = "AST-12";
    r.version = 3;
    r.created_at = Timestamp{std::chrono::seconds{1'772'355'600}};  // 2026-03-01T09:00:00Z
    r.updated_at = r.created_at + std::chrono::hours{1};
    r.created_by = UserId{1};
    r.updated_by = UserId{2};
    r.owner = UserId{7};
    r.tags = json::array{"pci", "gdpr"};
    r.fields = json::object{
        {"name", "Payroll, HR"},
        {"kind", "primary"},
        {"level", -2},
        {"cost", 2.5},
        {"in_scope", true},
        {"review_date", "2026-04-30"},
        {"depends_on", json::array{3, 4}},
        {"notes", "=cmd|' /C calc'!A0"}};
    return r;
}

/// Splits on CRLF; the text must end with CRLF.
std::vector<std::string> Lines(const std::string& csv) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < csv.size()) {
        const std::size_t end = csv.find("\r\n", start);
        if (end == std::string::npos) {
            ADD_FAILURE() << "no CRLF after: " << csv.substr(start);
            break;
        }
        out.push_back(csv.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

TEST(RecordsToCsv, HeaderOnlyWhenEmpty) {
    EXPECT_EQ(
        RecordsToCsv(Spec(), {}),
        "ref,id,name,kind,level,cost,in_scope,review_date,depends_on,notes,owner,tags,created_at,"
        "updated_at,version\r\n"
    );
}

TEST(RecordsToCsv, OneRowPerRecord) {
    const auto lines = Lines(RecordsToCsv(Spec(), {MakeRecord()}));
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(
        lines[1],
        "AST-12,12,\"Payroll, HR\",primary,-2,2.5,true,2026-04-30,3; 4,'=cmd|' /C calc'!A0,7,"
        "pci; gdpr,2026-03-01T09:00:00Z,2026-03-01T10:00:00Z,3"
    );
}

TEST(RecordsToCsv, AbsentAndNullValuesAreEmptyCells) {
    Record r = MakeRecord();
    r.fields = json::object{{"name", "x"}, {"kind", nullptr}};
    r.owner.reset();
    r.tags = json::array{};
    const auto lines = Lines(RecordsToCsv(Spec(), {r}));
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[1], "AST-12,12,x,,,,,,,,,,2026-03-01T09:00:00Z,2026-03-01T10:00:00Z,3");
}

TEST(RecordsToCsv, TagsAndListsAreNeutralizedAsOneCell) {
    Record r = MakeRecord();
    r.tags = json::array{"@evil", "ok"};
    const auto lines = Lines(RecordsToCsv(Spec(), {r}));
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_NE(lines[1].find(",'@evil; ok,"), std::string::npos) << lines[1];
}

TEST(RecordsToCsv, MultiLineTextStaysInOneQuotedCell) {
    Record r = MakeRecord();
    r.fields["notes"] = "first\r\nsecond";
    const std::string csv = RecordsToCsv(Spec(), {r});
    EXPECT_NE(csv.find(",\"first\r\nsecond\","), std::string::npos) << csv;
}

}  // namespace
}  // namespace isms::schema
