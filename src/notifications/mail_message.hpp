// An e-mail as isms sends it: plain UTF-8 text to one recipient, written as RFC 5322 text with
// CRLF line ends; header values lose line breaks (no header injection) and a non-ASCII subject
// is encoded (RFC 2047).
#pragma once

#include <string>

#include "core/clock.hpp"

namespace isms::notifications {

struct MailMessage {
    std::string from;  // address only: isms@example.org
    std::string to;    // address only
    std::string subject;
    std::string text;  // body, "\n" line ends
};

/// The message as sent over SMTP (headers, blank line, body), dated `at`; `message_id`
/// is unique per message.
[[nodiscard]] std::string FormatMailMessage(
    const MailMessage& m, Timestamp at, const std::string& message_id
);

}  // namespace isms::notifications
