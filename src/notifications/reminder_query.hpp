// Finding the reminders of one member in one organization: every live record whose reminding
// date field (schema FieldSpec::reminds) falls on or before the horizon, whose recipient (the
// owner, or the declared user field) is the member, and which its settling field does not
// mark done — with the member's read/dismissed state from `notification_state`.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "notifications/reminder.hpp"
#include "schema/registry.hpp"
#include "store/session.hpp"

namespace isms::notifications {

/// Sorted by due day, then register and record; `today` decides days_left.
[[nodiscard]] Result<std::vector<Reminder>> CollectReminders(
    store::TenantScope& scope,
    const schema::Registry& registry,
    UserId user,
    Date today,
    Date horizon
);

}  // namespace isms::notifications
