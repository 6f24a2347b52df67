#include "notifications/digest.hpp"

#include <fmt/format.h>

namespace isms::notifications {

namespace {

std::string Line(const Reminder& r) {
    const std::string when = r.Overdue()        ? fmt::format("{} day(s) overdue", -r.days_left)
                             : r.days_left == 0 ? std::string("due today")
                                                : fmt::format("in {} day(s)", r.days_left);
    return fmt::format("  {} {}: {} on {} ({})\n", r.ref, r.title, r.what, r.due, when);
}

}  // namespace

MailMessage DigestMail(const DigestInput& input) {
    std::size_t overdue = 0;
    for (const auto& r : input.reminders) {
        overdue += r.Overdue() ? 1U : 0U;
    }
    const std::size_t soon = input.reminders.size() - overdue;
    MailMessage m;
    m.from = input.from;
    m.to = input.email;
    m.subject = fmt::format(
        "isms reminders for {}: {} overdue, {} due within {} days",
        input.organization,
        overdue,
        soon,
        input.days
    );
    m.text = fmt::format("Reminders in {} as of {}.\n", input.organization, input.as_of);
    if (overdue > 0) {
        m.text += "\nOverdue:\n";
        for (const auto& r : input.reminders) {
            m.text += r.Overdue() ? Line(r) : "";
        }
    }
    if (soon > 0) {
        m.text += fmt::format("\nDue within {} days:\n", input.days);
        for (const auto& r : input.reminders) {
            m.text += r.Overdue() ? "" : Line(r);
        }
    }
    m.text +=
        "\nThe list, to mark read or dismiss: GET /api/v1/notifications in isms.\n"
        "You receive this because you own these records.\n";
    return m;
}

}  // namespace isms::notifications
