#include "iam/login_throttle.hpp"

#include <algorithm>
#include <optional>

namespace isms::iam {

namespace {

std::string AccountKey(std::string_view email) {
    return "account:" + std::string(email);
}

std::string AddressKey(std::string_view address) {
    return "address:" + std::string(address);
}

}  // namespace

Result<std::int64_t> LoginThrottle::LockedFor(
    store::Connection& conn, std::string_view email, std::string_view address, Timestamp now
) const {
    ISMS_TRY_ASSIGN(
        auto rows,
        conn.Query(
            "SELECT locked_until FROM login_throttle WHERE key IN (?, ?) AND locked_until IS NOT "
            "NULL",
            {AccountKey(email), AddressKey(address)}
        )
    );
    std::int64_t seconds = 0;
    for (const auto& r : rows) {
        if (const auto until = ParseTimestamp(r.Text(0)); until && *until > now) {
            const auto left = std::chrono::ceil<std::chrono::seconds>(*until - now).count();
            seconds = std::max<std::int64_t>(seconds, left);
        }
    }
    return seconds;
}

Result<std::vector<Lockout>> LoginThrottle::CountFailure(
    store::Connection& conn, std::string_view email, std::string_view address, Timestamp now
) const {
    std::vector<Lockout> locked;
    ISMS_TRY_ASSIGN(auto account, Count(conn, AccountKey(email), policy_.account_failures, now));
    if (account) {
        locked.push_back(std::move(*account));
    }
    if (!address.empty()) {
        ISMS_TRY_ASSIGN(auto from, Count(conn, AddressKey(address), policy_.address_failures, now));
        if (from) {
            locked.push_back(std::move(*from));
        }
    }
    return locked;
}

Status LoginThrottle::Forget(store::Connection& conn, std::string_view email) const {
    ISMS_TRY(conn.Exec("DELETE FROM login_throttle WHERE key = ?", {AccountKey(email)}));
    return {};
}

Result<std::optional<Lockout>> LoginThrottle::Count(
    store::Connection& conn, const std::string& key, int threshold, Timestamp now
) const {
    ISMS_TRY_ASSIGN(
        auto rows,
        conn.Query(
            "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?",
            {key}
        )
    );
    int failures = 0;
    if (!rows.empty()) {
        const auto last = ParseTimestamp(rows[0].Text(1));
        const auto until = rows[0].IsNull(2) ? std::nullopt : ParseTimestamp(rows[0].Text(2));
        const bool quiet = last && now - *last >= policy_.window && (!until || *until <= now);
        failures = quiet ? 0 : static_cast<int>(rows[0].Int(0));
    }
    ++failures;
    std::optional<Lockout> lockout;
    if (failures >= threshold) {
        // 1, 2, 4 … times the first lock, capped (the shift is bounded to keep it defined).
        const int doublings = std::min(failures - threshold, 20);
        const auto lock = std::min<std::chrono::seconds>(
            policy_.first_lock * (std::int64_t{1} << doublings), policy_.longest_lock
        );
        lockout = Lockout{key, failures, now + lock};
    }
    const store::SqlValue locked_until =
        lockout ? store::SqlValue(FormatTimestamp(lockout->until)) : store::SqlValue();
    ISMS_TRY(conn.Exec(
        "INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES (?, ?, "
        "?, ?) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = "
        "excluded.last_failure_at, locked_until = excluded.locked_until",
        {key, std::int64_t{failures}, FormatTimestamp(now), locked_until}
    ));
    return lockout;
}

}  // namespace isms::iam
