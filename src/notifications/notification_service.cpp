#include "notifications/notification_service.hpp"

#include <chrono>

#include <fmt/format.h>

#include "notifications/digest.hpp"
#include "notifications/reminder_query.hpp"
#include "store/session.hpp"

namespace isms::notifications {

namespace {

const store::Actor kDigestActor{UserId{0}, "system"};
constexpr int kMaxDays = 365;

}  // namespace

Result<int> NotificationService::Horizon(std::optional<int> days) const {
    const int n = days.value_or(deps_.default_days);
    if (n < 0 || n > kMaxDays) {
        return Error::Invalid("days", fmt::format("must be from 0 to {}", kMaxDays));
    }
    return n;
}

Result<json::object> NotificationService::List(
    const iam::Principal& who, std::optional<int> days, bool include_dismissed
) {
    ISMS_TRY_ASSIGN(const int n, Horizon(days));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    const Date today = Today(deps_.clock);
    ISMS_TRY_ASSIGN(
        auto reminders,
        CollectReminders(session, deps_.registry, who.user, today, today + std::chrono::days{n})
    );
    json::array items;
    std::int64_t unread = 0;
    std::int64_t overdue = 0;
    for (const auto& r : reminders) {
        if (r.dismissed && !include_dismissed) {
            continue;
        }
        unread += !r.read && !r.dismissed ? 1 : 0;
        overdue += r.Overdue() ? 1 : 0;
        items.push_back(r.ToJson());
    }
    return json::object{
        {"as_of", FormatDate(today)},
        {"days", n},
        {"items", std::move(items)},
        {"unread", unread},
        {"overdue", overdue}};
}

Result<json::object> NotificationService::MarkAs(
    const iam::Principal& who, std::string_view id, Mark mark
) {
    if (who.via == iam::Via::kToken && who.scope == iam::TokenScope::kReadOnly) {
        return Error::Denied("a read-only token cannot mark notifications");
    }
    const auto key = ParseReminderKey(id);
    const auto due = key ? ParseDate(key->due) : std::nullopt;
    if (!key || !due) {
        return Error::Invalid("id", "not a notification id (register.record.field.YYYY-MM-DD)");
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    // Only a reminder the caller has now can be marked: found again from the records.
    ISMS_TRY_ASSIGN(
        auto reminders, CollectReminders(tx, deps_.registry, who.user, Today(deps_.clock), *due)
    );
    const Reminder* found = nullptr;
    for (const auto& r : reminders) {
        if (r.Key() == id) {
            found = &r;
        }
    }
    if (found == nullptr) {
        return Error::NotFound("you have no notification " + std::string(id));
    }
    const std::string now = FormatTimestamp(tx.now());
    const bool read = mark == Mark::kRead;
    const std::string column = read ? "read_at" : "dismissed_at";
    ISMS_TRY_ASSIGN(
        const std::int64_t row,
        tx.sql().QueryInt(
            "INSERT INTO notification_state (tenant_id, user_id, key, " + column
                + ") VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, user_id, key) DO UPDATE SET "
                + column + " = COALESCE(notification_state." + column + ", excluded." + column
                + ") RETURNING id",
            {who.tenant.value, who.user.value, std::string(id), now}
        )
    );
    Reminder out = *found;
    out.read = out.read || read;
    out.dismissed = out.dismissed || !read;
    ISMS_TRY(tx.Append(
        read ? "read" : "dismissed",
        "notification_state",
        row,
        std::nullopt,
        ToJsonText(json::object{{"user", who.user.value}, {"notification", std::string(id)}})
    ));
    ISMS_TRY(tx.Commit());
    return out.ToJson();
}

Result<json::object> NotificationService::RunDigest(const DigestOptions& options) {
    ISMS_TRY_ASSIGN(const int n, Horizon(options.days));
    const Date today = Today(deps_.clock);
    const std::string as_of = FormatDate(today);
    ISMS_TRY_ASSIGN(auto tenants, deps_.iam.ListTenants());
    json::array digests;
    std::int64_t sent = 0;
    std::int64_t already = 0;
    std::int64_t failed = 0;
    bool organization_found = options.organization.empty();
    for (const auto& tenant : tenants) {
        if (!options.organization.empty() && tenant.slug != options.organization) {
            continue;
        }
        organization_found = true;
        ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, tenant.id));
        ISMS_TRY_ASSIGN(
            auto members,
            session.sql().Query(
                "SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE "
                "m.tenant_id = ? AND u.disabled = 0 ORDER BY u.id",
                {tenant.id.value}
            )
        );
        for (const auto& member : members) {
            const UserId user{member.Int(0)};
            ISMS_TRY_ASSIGN(
                auto reminders,
                CollectReminders(session, deps_.registry, user, today, today + std::chrono::days{n})
            );
            std::erase_if(reminders, [](const Reminder& r) { return r.dismissed; });
            if (reminders.empty()) {
                continue;
            }
            const auto count = static_cast<std::int64_t>(reminders.size());
            const MailMessage mail = DigestMail(
                {tenant.name, member.Text(1), options.from, as_of, n, std::move(reminders)}
            );
            json::object digest{
                {"organization", tenant.slug},
                {"email", mail.to},
                {"items", count},
                {"subject", mail.subject}};
            if (options.mailer == nullptr) {
                digest["status"] = "preview";
                digest["text"] = mail.text;
                digests.push_back(std::move(digest));
                continue;
            }
            ISMS_TRY_ASSIGN(
                auto done,
                session.sql().Query(
                    "SELECT 1 FROM notification_digests WHERE tenant_id = ? AND user_id = ? AND "
                    "day = ?",
                    {tenant.id.value, user.value, as_of}
                )
            );
            if (!done.empty()) {
                digest["status"] = "already_sent";
                ++already;
                digests.push_back(std::move(digest));
                continue;
            }
            if (auto delivered = options.mailer->Send(mail, deps_.clock.Now()); !delivered) {
                digest["status"] = "failed";
                digest["error"] = delivered.error().message;
                ++failed;
                digests.push_back(std::move(digest));
                continue;
            }
            ISMS_TRY_ASSIGN(
                auto tx,
                store::WriteTx::Begin(deps_.db, tenant.id, kDigestActor, deps_.clock, deps_.key)
            );
            ISMS_TRY(tx.sql().Exec(
                "INSERT INTO notification_digests (tenant_id, user_id, day, sent_at, subject) "
                "VALUES (?, ?, ?, ?, ?)",
                {tenant.id.value, user.value, as_of, FormatTimestamp(tx.now()), mail.subject}
            ));
            ISMS_TRY(tx.Append(
                "sent",
                "notification_digests",
                user.value,
                std::nullopt,
                ToJsonText(json::object{
                    {"user", user.value}, {"day", as_of}, {"subject", mail.subject}})
            ));
            ISMS_TRY(tx.Commit());
            digest["status"] = "sent";
            ++sent;
            digests.push_back(std::move(digest));
        }
    }
    if (!organization_found) {
        return Error::NotFound("no organization '" + options.organization + "'");
    }
    return json::object{
        {"as_of", as_of},
        {"days", n},
        {"sent", sent},
        {"already_sent", already},
        {"failed", failed},
        {"digests", std::move(digests)}};
}

}  // namespace isms::notifications
