// One reminder: a dated field of one record (RegisterSpec fields marked Reminds()) that is
// overdue or due soon, for the member it reminds, with that member's read/dismissed state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace isms::notifications {

struct Reminder {
    std::string register_name;
    std::int64_t record_id = 0;
    std::string ref;
    std::string title;
    std::string field;
    std::string what;            // "review due"
    std::string due;             // YYYY-MM-DD
    std::int64_t days_left = 0;  // negative when overdue
    bool read = false;
    bool dismissed = false;

    /// "assets.12.review_date.2026-03-01": stable while the day stays, new when it moves.
    [[nodiscard]] std::string Key() const;
    [[nodiscard]] bool Overdue() const { return days_left < 0; }
    [[nodiscard]] json::object ToJson() const;
};

struct ReminderKey {
    std::string register_name;
    std::int64_t record_id = 0;
    std::string field;
    std::string due;
};

/// Parses Reminder::Key(); nullopt when `text` is not one.
[[nodiscard]] std::optional<ReminderKey> ParseReminderKey(std::string_view text);

}  // namespace isms::notifications
