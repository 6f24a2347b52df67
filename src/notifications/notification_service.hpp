// NotificationService: the caller's reminders (GET /api/v1/notifications), marking one read or
// dismissed (a row of `notification_state` and a ledger event, in one transaction), and the
// daily digest of every member of every organization, sent at most once a day per member
// (rows of `notification_digests`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/iam_service.hpp"
#include "iam/principal.hpp"
#include "notifications/smtp_mailer.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::notifications {

struct NotificationDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    iam::IamService& iam;
    int default_days;  // Config::reminder_days
};

enum class Mark { kRead, kDismissed };

struct DigestOptions {
    std::optional<int> days;   // default: NotificationDeps::default_days
    std::string organization;  // slug; empty: every organization
    Mailer* mailer = nullptr;  // null: preview only, nothing is sent or recorded
    std::string from;          // sender address
};

class NotificationService {
public:
    explicit NotificationService(const NotificationDeps& deps) : deps_(deps) {}

    /// {"as_of", "days", "items": [reminder], "unread", "overdue"}: the caller's reminders due
    /// within `days` (default reminder_days) or overdue; dismissed ones only when asked.
    [[nodiscard]] Result<json::object> List(
        const iam::Principal& who, std::optional<int> days, bool include_dismissed
    );
    /// Marks the caller's reminder `id` (Reminder::Key) read or dismissed: the reminder.
    [[nodiscard]] Result<json::object> MarkAs(
        const iam::Principal& who, std::string_view id, Mark mark
    );
    /// {"as_of", "days", "sent", "already_sent", "failed", "digests": [{organization, email,
    /// items, status, subject, text?, error?}]}: one digest per member with reminders.
    [[nodiscard]] Result<json::object> RunDigest(const DigestOptions& options);

private:
    [[nodiscard]] Result<int> Horizon(std::optional<int> days) const;

    NotificationDeps deps_;
};

}  // namespace isms::notifications
