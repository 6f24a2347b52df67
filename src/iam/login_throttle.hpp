// Log-on throttling (ISO/IEC 27001:2022 A.8.5 secure authentication). Failed log-ons are counted
// per account — the e-mail as typed, whether or not a user has it, so the answer never tells —
// and per source address. Past a threshold the key is locked, for a time that doubles with every
// further failure up to a ceiling; a quiet window forgets the count, and a successful log-on
// forgets the account's. The counts live in the database (`login_throttle`), so every server of
// an instance sees the same ones.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/sql.hpp"

namespace isms::iam {

struct ThrottlePolicy {
    int account_failures = 5;   // failures of one account before it is locked
    int address_failures = 20;  // failures from one address (any accounts) before it is locked
    std::chrono::seconds window{15 * 60};  // a key quiet for this long starts counting afresh
    std::chrono::seconds first_lock{60};   // doubled with each further failure
    std::chrono::seconds longest_lock{60 * 60};
};

/// A key that a failure has just locked.
struct Lockout {
    std::string key;  // "account:ann@example.com" or "address:192.0.2.7"
    int failures = 0;
    Timestamp until;
};

/// `email` is the address as users.email holds it (lower case).
class LoginThrottle {
public:
    explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}

    /// Seconds until the account and the address may both try again; 0 when neither is locked.
    [[nodiscard]] Result<std::int64_t> LockedFor(
        store::Connection& conn, std::string_view email, std::string_view address, Timestamp now
    ) const;
    /// Counts one failed log-on against the account and the address; returns the keys it locked.
    [[nodiscard]] Result<std::vector<Lockout>> CountFailure(
        store::Connection& conn, std::string_view email, std::string_view address, Timestamp now
    ) const;
    /// A successful log-on: the account's count starts again (the address's does not, so one
    /// good account does not reset a spray from its address).
    [[nodiscard]] Status Forget(store::Connection& conn, std::string_view email) const;

private:
    [[nodiscard]] Result<std::optional<Lockout>> Count(
        store::Connection& conn, const std::string& key, int threshold, Timestamp now
    ) const;

    ThrottlePolicy policy_;
};

}  // namespace isms::iam
