#include "core/clock.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace isms {

namespace {

bool ReadInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) {
        return false;
    }
    const char* first = text.data() + pos;
    // from_chars would also take a '-' sign ("T-1:00:00Z"); every field here is digits only.
    for (std::size_t i = 0; i < len; ++i) {
        if (first[i] < '0' || first[i] > '9') {
            return false;
        }
    }
    auto [ptr, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc{} && ptr == first + len;
}

}  // namespace

Timestamp SystemClock::Now() const {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

Timestamp FixedClock::Now() const {
    return Timestamp{std::chrono::seconds{now_.load()}};
}

void FixedClock::Set(Timestamp t) {
    now_.store(t.time_since_epoch().count());
}

void FixedClock::Advance(std::chrono::seconds d) {
    now_.fetch_add(d.count());
}

std::string FormatTimestamp(Timestamp t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(
        buf,
        sizeof buf,
        "%04d-%02u-%02uT%02d:%02d:%02dZ",
        static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()),
        static_cast<unsigned>(ymd.day()),
        static_cast<int>(hms.hours().count()),
        static_cast<int>(hms.minutes().count()),
        static_cast<int>(hms.seconds().count())
    );
    return buf;
}

Date Today(const Clock& clock) {
    return std::chrono::floor<std::chrono::days>(clock.Now());
}

std::string FormatDate(Date d) {
    const std::chrono::year_month_day ymd{d};
    char buf[16];
    std::snprintf(
        buf,
        sizeof buf,
        "%04d-%02u-%02u",
        static_cast<int>(ymd.year()),
        static_cast<unsigned>(ymd.month()),
        static_cast<unsigned>(ymd.day())
    );
    return buf;
}

std::optional<Date> ParseDate(std::string_view text) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadInt(text, 0, 4, y)
        || !ReadInt(text, 5, 2, m) || !ReadInt(text, 8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{
        std::chrono::year{y},
        std::chrono::month{static_cast<unsigned>(m)},
        std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date{ymd};
}

std::optional<Timestamp> ParseTimestamp(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    auto date = ParseDate(text.substr(0, 10));
    int hh = 0;
    int mm = 0;
    int ss = 0;
    if (!date || !ReadInt(text, 11, 2, hh) || !ReadInt(text, 14, 2, mm) || !ReadInt(text, 17, 2, ss)
        || hh > 23 || mm > 59 || ss > 60) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {  // fractions are accepted and dropped
        ++pos;
        const std::size_t digits_start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            ++pos;
        }
        if (pos == digits_start) {
            return std::nullopt;
        }
    }
    std::chrono::seconds offset{0};
    const std::string_view zone = text.substr(pos);
    if (zone != "Z") {
        int oh = 0;
        int om = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':'
            || !ReadInt(zone, 1, 2, oh) || !ReadInt(zone, 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset = std::chrono::hours{oh} + std::chrono::minutes{om};
        if (zone[0] == '-') {
            offset = -offset;
        }
    }
    return Timestamp{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm}
           + std::chrono::seconds{ss} - offset;
}

std::optional<std::chrono::seconds> ParseDuration(std::string_view text) {
    if (text.size() < 2 || text[0] != 'P') {
        return std::nullopt;
    }
    std::int64_t total = 0;
    bool in_time = false;
    bool any = false;
    bool time_part = false;  // "P1DT" (a T with nothing after it) is not a duration
    std::size_t pos = 1;
    while (pos < text.size()) {
        if (text[pos] == 'T') {
            if (in_time) {
                return std::nullopt;
            }
            in_time = true;
            ++pos;
            continue;
        }
        if (text[pos] < '0' || text[pos] > '9') {  // no sign: durations are not negative
            return std::nullopt;
        }
        std::int64_t n = 0;
        auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), n);
        if (ec != std::errc{} || ptr == text.data() + text.size()) {
            return std::nullopt;
        }
        pos = static_cast<std::size_t>(ptr - text.data());
        const char unit = text[pos++];
        std::int64_t unit_seconds = 0;
        if (!in_time && unit == 'D') {
            unit_seconds = 86'400;
        } else if (!in_time && unit == 'W') {
            unit_seconds = 7 * 86'400;
        } else if (in_time && unit == 'H') {
            unit_seconds = 3'600;
        } else if (in_time && unit == 'M') {
            unit_seconds = 60;
        } else if (in_time && unit == 'S') {
            unit_seconds = 1;
        } else {
            return std::nullopt;
        }
        // Refuse what does not fit in 64-bit seconds instead of overflowing (undefined).
        if (n > (INT64_MAX - total) / unit_seconds) {
            return std::nullopt;
        }
        total += n * unit_seconds;
        any = true;
        time_part = in_time;
    }
    if (!any || (in_time && !time_part)) {
        return std::nullopt;
    }
    return std::chrono::seconds{total};
}

}  // namespace isms
