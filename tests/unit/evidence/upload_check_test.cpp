#include "evidence/upload_check.hpp"

#include <gtest/gtest.h>

namespace isms::evidence {
namespace {

std::string FieldOf(const Result<CheckedUpload>& r) {
    return r ? "" : (r.error().fields.empty() ? "?" : r.error().fields[0].field);
}

TEST(UploadCheckTest, AcceptsKnownTypesWithMatchingContent) {
    auto pdf = CheckUpload("review.PDF", "Application/PDF; charset=binary", "%PDF-1.7\n");
    ASSERT_TRUE(pdf) << pdf.error().message;
    EXPECT_EQ(pdf->content_type, "application/pdf");
    EXPECT_EQ(pdf->file_name, "review.PDF");

    auto png = CheckUpload("shot.png", "image/png", std::string("\x89PNG\r\n\x1a\n....", 12));
    EXPECT_TRUE(png);
    auto csv = CheckUpload("users.csv", "text/csv", "name,role\nAnna,admin\n");
    EXPECT_TRUE(csv);
    auto xml = CheckUpload("scan.xml", "text/xml", "<scan/>");
    ASSERT_TRUE(xml);
    EXPECT_EQ(xml->content_type, "application/xml");
    auto utf8 = CheckUpload("Prüfbericht.txt", "text/plain", "Prüfung bestanden ✓");
    EXPECT_TRUE(utf8);
}

TEST(UploadCheckTest, TakesTheTypeFromTheExtensionWhenNoneIsDeclared) {
    auto xlsx = CheckUpload("access-review.xlsx", "", "PK\x03\x04rest");
    ASSERT_TRUE(xlsx);
    EXPECT_EQ(
        xlsx->content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    auto md = CheckUpload("notes.md", "application/octet-stream", "# notes");
    ASSERT_TRUE(md);
    EXPECT_EQ(md->content_type, "text/markdown");
    EXPECT_EQ(FieldOf(CheckUpload("tool.exe", "", "MZ")), "file_name");
}

TEST(UploadCheckTest, RefusesWhatDoesNotFit) {
    EXPECT_EQ(FieldOf(CheckUpload("a.html", "text/html", "<html>")), "content_type");
    EXPECT_EQ(FieldOf(CheckUpload("a.docx", "application/pdf", "%PDF-")), "file_name");
    EXPECT_EQ(FieldOf(CheckUpload("a.pdf", "application/pdf", "<html>")), "file");
    EXPECT_EQ(FieldOf(CheckUpload("a.pdf", "application/pdf", "")), "file");
    EXPECT_EQ(FieldOf(CheckUpload("a.txt", "text/plain", std::string("a\0b", 3))), "file");
    EXPECT_EQ(FieldOf(CheckUpload("a.txt", "text/plain", "\xc3")), "file");          // truncated
    EXPECT_EQ(FieldOf(CheckUpload("a.txt", "text/plain", "\xc0\xaf")), "file");      // overlong
    EXPECT_EQ(FieldOf(CheckUpload("a.txt", "text/plain", "\xed\xa0\x80")), "file");  // surrogate
    EXPECT_EQ(FieldOf(CheckUpload("../a.txt", "text/plain", "x")), "file_name");
    EXPECT_EQ(FieldOf(CheckUpload("a\"b.txt", "text/plain", "x")), "file_name");
    EXPECT_EQ(FieldOf(CheckUpload("a\nb.txt", "text/plain", "x")), "file_name");
    EXPECT_EQ(FieldOf(CheckUpload("", "text/plain", "x")), "file_name");
    EXPECT_EQ(FieldOf(CheckUpload(std::string(256, 'a') + ".txt", "text/plain", "x")), "file_name");
}

}  // namespace
}  // namespace isms::evidence
