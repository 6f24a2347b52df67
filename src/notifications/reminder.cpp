#include "notifications/reminder.hpp"

#include <charconv>
#include <regex>

#include <fmt/format.h>

namespace isms::notifications {

std::string Reminder::Key() const {
    return fmt::format("{}.{}.{}.{}", register_name, record_id, field, due);
}

json::object Reminder::ToJson() const {
    return json::object{
        {"id", Key()},
        {"register", register_name},
        {"record", record_id},
        {"ref", ref},
        {"title", title},
        {"field", field},
        {"what", what},
        {"due", due},
        {"days_left", days_left},
        {"state", Overdue() ? "overdue" : "due"},
        {"read", read},
        {"dismissed", dismissed}};
}

std::optional<ReminderKey> ParseReminderKey(std::string_view text) {
    static const std::regex kKey(
        "([a-z][a-z0-9_]{0,47})\\.([1-9][0-9]{0,17})\\.([a-z][a-z0-9_]{0,47})\\.(\\d{4}-\\d{2}-\\d{"
        "2})"
    );
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, kKey)) {
        return std::nullopt;
    }
    ReminderKey key;
    key.register_name = m[1].str();
    const std::string id = m[2].str();
    std::from_chars(id.data(), id.data() + id.size(), key.record_id);
    key.field = m[3].str();
    key.due = m[4].str();
    return key;
}

}  // namespace isms::notifications
