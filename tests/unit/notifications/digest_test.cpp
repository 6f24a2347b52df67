#include "notifications/digest.hpp"

#include <gtest/gtest.h>

namespace isms::notifications {
namespace {

Reminder Make(std::string ref, std::string title, std::string what, std::string due, int days) {
    Reminder r;
    r.register_name = "assets";
    r.record_id = 1;
    r.ref = std::move(ref);
    r.title = std::move(title);
    r.field = "review_date";
    r.what = std::move(what);
    r.due = std::move(due);
    r.days_left = days;
    return r;
}

TEST(Digest, OverdueFirstThenDueSoon) {
    const MailMessage m = DigestMail(
        {"Acme Ltd",
         "ann@acme.test",
         "isms@acme.test",
         "2026-03-01",
         14,
         {Make("AST-1", "Payroll", "asset review due", "2026-02-20", -9),
          Make("RTA-2", "Rotate keys", "treatment action due", "2026-03-01", 0),
          Make("EVD-3", "Pen test", "evidence expires", "2026-03-05", 4)}}
    );
    EXPECT_EQ(m.to, "ann@acme.test");
    EXPECT_EQ(m.from, "isms@acme.test");
    EXPECT_EQ(m.subject, "isms reminders for Acme Ltd: 1 overdue, 2 due within 14 days");
    const std::string expected_start =
        "Reminders in Acme Ltd as of 2026-03-01.\n"
        "\nOverdue:\n"
        "  AST-1 Payroll: asset review due on 2026-02-20 (9 day(s) overdue)\n"
        "\nDue within 14 days:\n"
        "  RTA-2 Rotate keys: treatment action due on 2026-03-01 (due today)\n"
        "  EVD-3 Pen test: evidence expires on 2026-03-05 (in 4 day(s))\n";
    EXPECT_EQ(m.text.substr(0, expected_start.size()), expected_start);
}

TEST(Digest, NoOverdueSectionWithoutOverdue) {
    const MailMessage m = DigestMail(
        {"Acme Ltd",
         "ann@acme.test",
         "isms@acme.test",
         "2026-03-01",
         7,
         {Make("AST-1", "Payroll", "asset review due", "2026-03-03", 2)}}
    );
    EXPECT_EQ(m.text.find("Overdue"), std::string::npos);
    EXPECT_EQ(m.subject, "isms reminders for Acme Ltd: 0 overdue, 1 due within 7 days");
}

}  // namespace
}  // namespace isms::notifications
