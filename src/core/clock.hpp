// Time is injected (STYLE rule 13): services take a Clock, tests and `.apitest` scenarios use
// FixedClock so that ledger hashes, due dates and golden files are deterministic.
// Timestamps are UTC, whole seconds, written as RFC 3339 ("2026-03-01T09:00:00Z").
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace isms {

using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::sys_days;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] Timestamp Now() const override;
};

/// A clock that only moves when told to; thread-safe.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Timestamp start) : now_(start.time_since_epoch().count()) {}
    [[nodiscard]] Timestamp Now() const override;
    void Set(Timestamp t);
    void Advance(std::chrono::seconds d);

private:
    std::atomic<std::int64_t> now_;
};

[[nodiscard]] std::string FormatTimestamp(Timestamp t);
[[nodiscard]] std::string FormatDate(Date d);
/// The calendar day (UTC) of the clock's now; FormatDate(Today(clock)) is "YYYY-MM-DD".
[[nodiscard]] Date Today(const Clock& clock);
/// Parses "YYYY-MM-DDTHH:MM:SS[.fff]Z" or with a "+HH:MM" offset; nullopt when malformed.
[[nodiscard]] std::optional<Timestamp> ParseTimestamp(std::string_view text);
/// Parses "YYYY-MM-DD" (a real calendar date); nullopt when malformed.
[[nodiscard]] std::optional<Date> ParseDate(std::string_view text);
/// Parses an ISO 8601 duration of days, hours, minutes, seconds ("P30D", "PT1H", "P1DT2H").
[[nodiscard]] std::optional<std::chrono::seconds> ParseDuration(std::string_view text);

}  // namespace isms
