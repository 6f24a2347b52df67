#include "report/soa_table.hpp"

#include <gtest/gtest.h>

#include "catalog/xlsx_reader.hpp"
#include "report/export_file.hpp"

namespace isms::report {
namespace {

// Two controls as SoaService shows them: one applicable for risk treatment with its links, one
// excluded with a justification (an issued version of before evidence links, without the list).
constexpr std::string_view kSoa = R"({
  "version": 2, "issued_at": "2026-06-01T09:00:00Z", "sha256": "ab12", "comment": "",
  "controls": [
    {"ref_id": "A.8.24", "name": "Use of cryptography", "theme": "Technological controls",
     "applicable": true, "reasons": ["risk_treatment", "contractual"], "justification": "",
     "implementation": "implemented", "source": "manual",
     "risks": [{"id": 1, "ref": "RSK-1", "title": "Stolen backup"}],
     "applied_controls": [{"id": 1, "ref": "CTL-1", "name": "Encryption at rest"}],
     "treatment_actions": [{"id": 1, "ref": "RTA-1", "title": "Encrypt backups"}],
     "evidence": [{"id": 1, "ref": "EVD-1", "name": "Backup settings", "status": "current"},
                  {"id": 2, "ref": "EVD-2", "name": "Key rotation log", "status": "stale"}]},
    {"ref_id": "A.7.12", "name": "Cabling security", "theme": "Physical controls",
     "applicable": false, "reasons": [], "justification": "The landlord runs the cabling.",
     "implementation": "not_implemented", "source": "manual",
     "risks": [], "applied_controls": [], "treatment_actions": []}]
})";

TEST(SoaTable, XlsxOpensWithEveryColumnAnAuditorChecks) {
    const auto soa = ParseJson(kSoa);
    ASSERT_TRUE(soa);
    const Table table = SoaTable(soa->as_object());
    ASSERT_EQ(table.notes.size(), 1U);
    EXPECT_EQ(table.notes[0], "Version 2, issued 2026-06-01T09:00:00Z — SHA-256 ab12");
    const auto file = RenderExport(table, "xlsx", "statement-of-applicability", "2026-06-01");
    ASSERT_TRUE(file) << file.error().message;
    const auto read = catalog::ReadXlsx(file->body, file->filename);
    ASSERT_TRUE(read) << read.error().message;
    ASSERT_EQ(read->rows.size(), 3U);
    EXPECT_EQ(
        read->rows[0],
        (std::vector<std::string>{
            "Control",
            "Name",
            "Theme",
            "Applicable",
            "Reasons for inclusion",
            "Justification for exclusion",
            "Implementation",
            "Source",
            "Risks",
            "Applied controls",
            "Treatment actions",
            "Evidence"})
    );
    EXPECT_EQ(
        read->rows[1],
        (std::vector<std::string>{
            "A.8.24",
            "Use of cryptography",
            "Technological controls",
            "Yes",
            "risk_treatment; contractual",
            "",
            "implemented",
            "manual",
            "RSK-1 Stolen backup",
            "CTL-1 Encryption at rest",
            "RTA-1 Encrypt backups",
            "EVD-1 Backup settings; EVD-2 Key rotation log"})
    );
    EXPECT_EQ(read->rows[2][3], "No");
    EXPECT_EQ(read->rows[2][5], "The landlord runs the cabling.");
    EXPECT_EQ(read->rows[2][11], "");
}

}  // namespace
}  // namespace isms::report
