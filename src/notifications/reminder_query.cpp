#include "notifications/reminder_query.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/migrate.hpp"

namespace isms::notifications {

namespace {

/// The column that names a record in a reminder: its first required one-line text, else ref.
std::string TitleColumn(const schema::RegisterSpec& spec) {
    for (const auto& f : spec.fields) {
        if (f.type == schema::FieldType::kText && f.required) {
            return f.name;
        }
    }
    return "ref";
}

Status CollectField(
    store::TenantScope& scope,
    const schema::RegisterSpec& spec,
    const schema::FieldSpec& f,
    UserId user,
    Date today,
    Date horizon,
    std::vector<Reminder>& out
) {
    const std::string recipient = f.reminds_user.empty() ? "owner" : f.reminds_user;
    // Date-times remind on their UTC day: the stored text starts with YYYY-MM-DD.
    const std::string day = "substr(" + f.name + ", 1, 10)";
    std::string sql = "SELECT id, ref, " + TitleColumn(spec) + ", " + day + " FROM "
                      + store::RegisterTable(spec) + " WHERE tenant_id = ? AND archived_at IS NULL "
                      + "AND " + recipient + " = ? AND " + f.name + " IS NOT NULL AND " + day
                      + " <= ?";
    store::SqlParams params{scope.tenant().value, user.value, FormatDate(horizon)};
    if (!f.settled_field.empty()) {
        sql += " AND (" + f.settled_field + " IS NULL OR " + f.settled_field + " NOT IN (";
        for (std::size_t i = 0; i < f.settled_values.size(); ++i) {
            sql += i == 0 ? "?" : ", ?";
            params.emplace_back(f.settled_values[i]);
        }
        sql += "))";
    }
    ISMS_TRY_ASSIGN(auto rows, scope.sql().Query(sql, params));
    for (const auto& r : rows) {
        Reminder reminder;
        reminder.register_name = spec.name;
        reminder.record_id = r.Int(0);
        reminder.ref = r.Text(1);
        reminder.title = r.Text(2);
        reminder.field = f.name;
        reminder.what = f.reminds;
        reminder.due = r.Text(3);
        if (const auto due = ParseDate(reminder.due)) {
            reminder.days_left = (*due - today).count();
        }
        out.push_back(std::move(reminder));
    }
    return {};
}

}  // namespace

Result<std::vector<Reminder>> CollectReminders(
    store::TenantScope& scope,
    const schema::Registry& registry,
    UserId user,
    Date today,
    Date horizon
) {
    std::vector<Reminder> out;
    for (const auto& spec : registry.All()) {
        for (const auto& f : spec.fields) {
            if (!f.reminds.empty()) {
                ISMS_TRY(CollectField(scope, spec, f, user, today, horizon, out));
            }
        }
    }
    if (out.empty()) {
        return out;
    }
    ISMS_TRY_ASSIGN(
        auto states,
        scope.sql().Query(
            "SELECT key, read_at, dismissed_at FROM notification_state WHERE tenant_id = ? AND "
            "user_id = ?",
            {scope.tenant().value, user.value}
        )
    );
    std::map<std::string, std::pair<bool, bool>, std::less<>> state;
    for (const auto& s : states) {
        state[s.Text(0)] = {!s.IsNull(1), !s.IsNull(2)};
    }
    for (auto& reminder : out) {
        if (auto it = state.find(reminder.Key()); it != state.end()) {
            reminder.read = it->second.first;
            reminder.dismissed = it->second.second;
        }
    }
    std::sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) {
        return std::tie(a.due, a.register_name, a.record_id, a.field)
               < std::tie(b.due, b.register_name, b.record_id, b.field);
    });
    return out;
}

}  // namespace isms::notifications
