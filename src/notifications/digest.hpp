// The daily digest of one member: their reminders (overdue first, then due soon) as one plain
// text e-mail.
#pragma once

#include <string>
#include <vector>

#include "notifications/mail_message.hpp"
#include "notifications/reminder.hpp"

namespace isms::notifications {

struct DigestInput {
    std::string organization;         // name
    std::string email;                // recipient
    std::string from;                 // sender
    std::string as_of;                // YYYY-MM-DD
    int days = 0;                     // horizon of "due soon"
    std::vector<Reminder> reminders;  // not dismissed, sorted by due day
};

[[nodiscard]] MailMessage DigestMail(const DigestInput& input);

}  // namespace isms::notifications
