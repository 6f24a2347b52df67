#include "notifications/mail_message.hpp"

#include <gtest/gtest.h>

namespace isms::notifications {
namespace {

const Timestamp kAt = *ParseTimestamp("2026-03-01T07:05:09Z");

TEST(MailMessage, HeadersThenBodyWithCrlf) {
    const std::string text = FormatMailMessage(
        {"isms@acme.test", "ann@acme.test", "Reminders", "line one\nline two\n"},
        kAt,
        "abc@acme.test"
    );
    EXPECT_EQ(
        text,
        "Date: Sun, 01 Mar 2026 07:05:09 +0000\r\n"
        "From: <isms@acme.test>\r\n"
        "To: <ann@acme.test>\r\n"
        "Subject: Reminders\r\n"
        "Message-ID: <abc@acme.test>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        "line one\r\n"
        "line two\r\n"
    );
}

TEST(MailMessage, HeaderValuesCannotInjectHeaders) {
    const std::string text = FormatMailMessage(
        {"isms@acme.test", "ann@acme.test\r\nBcc: eve@evil.test", "Hi\nBcc: eve@evil.test", "x"},
        kAt,
        "id@acme.test"
    );
    EXPECT_EQ(text.find("\nBcc:"), std::string::npos);
    EXPECT_NE(text.find("To: <ann@acme.test  Bcc: eve@evil.test>\r\n"), std::string::npos);
}

TEST(MailMessage, NonAsciiSubjectIsEncoded) {
    const std::string text =
        FormatMailMessage({"a@b.test", "c@d.test", "Erinnerung: Prüfung", "x"}, kAt, "id@b.test");
    EXPECT_NE(text.find("Subject: =?UTF-8?Q?Erinnerung=3A_Pr=C3=BCfung?=\r\n"), std::string::npos);
}

}  // namespace
}  // namespace isms::notifications
