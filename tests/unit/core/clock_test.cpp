#include "core/clock.hpp"

#include <cstdint>

#include <gtest/gtest.h>

namespace isms {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

Timestamp At(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    const Date date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
    return Timestamp{date} + hours{hh} + minutes{mm} + seconds{ss};
}

TEST(FormatTimestamp, WritesUtcWithZ) {
    EXPECT_EQ(FormatTimestamp(At(2026, 3, 1, 9, 0, 0)), "2026-03-01T09:00:00Z");
    EXPECT_EQ(FormatTimestamp(Timestamp{seconds{0}}), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatTimestamp(At(1999, 12, 31, 23, 59, 59)), "1999-12-31T23:59:59Z");
}

TEST(FormatDate, ZeroPads) {
    EXPECT_EQ(FormatDate(Date{std::chrono::year{2026} / 2 / 3}), "2026-02-03");
}

TEST(Today, IsTheClocksCalendarDay) {
    const FixedClock late(At(2026, 3, 1, 23, 59, 59));
    EXPECT_EQ(FormatDate(Today(late)), "2026-03-01");
    const FixedClock midnight(At(2026, 3, 2));
    EXPECT_EQ(Today(midnight), Date{std::chrono::year{2026} / 3 / 2});
}

TEST(ParseTimestamp, RoundTripsFormatted) {
    const Timestamp t = At(2026, 3, 1, 9, 5, 7);
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(t)), t);
}

TEST(ParseTimestamp, AppliesOffsets) {
    EXPECT_EQ(ParseTimestamp("2026-03-01T10:00:00+01:00"), At(2026, 3, 1, 9));
    EXPECT_EQ(ParseTimestamp("2026-03-01T04:30:00-04:30"), At(2026, 3, 1, 9));
    // An offset that crosses midnight moves the date.
    EXPECT_EQ(ParseTimestamp("2026-03-01T00:30:00+02:00"), At(2026, 2, 28, 22, 30));
}

TEST(ParseTimestamp, DropsFractions) {
    EXPECT_EQ(ParseTimestamp("2026-03-01T09:00:00.999Z"), At(2026, 3, 1, 9));
    EXPECT_EQ(ParseTimestamp("2026-03-01T09:00:00.5+00:00"), At(2026, 3, 1, 9));
}

TEST(ParseTimestamp, RejectsMalformed) {
    for (const char* bad : {
             "",
             "2026-03-01",
             "2026-03-01 09:00:00Z",   // space instead of T
             "2026-03-01T09:00:00",    // no zone
             "2026-03-01T24:00:00Z",   // hour out of range
             "2026-03-01T09:60:00Z",   // minute out of range
             "2026-02-30T09:00:00Z",   // no such day
             "2026-03-01T09:00:00.Z",  // fraction without digits
             "2026-03-01T09:00:00+0100",
             "2026-03-01T09:00:00+24:00",
             "2026-03-01T09:00:00Zjunk",
             "2026-03-01T-1:00:00Z",  // signs are not digits
             "2026-03-01T09:00:00+-1:00",
             "2026-03-01T09:00:-1Z",
         }) {
        EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
    }
}

TEST(ParseDate, AcceptsRealCalendarDates) {
    EXPECT_EQ(ParseDate("2026-02-28"), Date{std::chrono::year{2026} / 2 / 28});
    EXPECT_EQ(ParseDate("2024-02-29"), Date{std::chrono::year{2024} / 2 / 29});  // leap year
}

TEST(ParseDate, RejectsImpossibleAndMalformed) {
    for (const char* bad : {
             "2026-02-30",
             "2026-02-29",  // not a leap year
             "2026-13-01",
             "2026-00-10",
             "2026-04-31",
             "2026-4-01",
             "2026/04/01",
             "26-04-01",
             "2026-04-01T",
             "abcd-ef-gh",
             "2026--1-01",
             "2026-01--1",
             "",
         }) {
        EXPECT_FALSE(ParseDate(bad).has_value()) << bad;
    }
}

TEST(ParseDuration, ParsesDaysAndTimes) {
    EXPECT_EQ(ParseDuration("P30D"), days{30});
    EXPECT_EQ(ParseDuration("PT1H"), hours{1});
    EXPECT_EQ(ParseDuration("P1DT2H"), days{1} + hours{2});
    EXPECT_EQ(ParseDuration("PT1H30M15S"), hours{1} + minutes{30} + seconds{15});
    EXPECT_EQ(ParseDuration("P2W"), days{14});
    EXPECT_EQ(ParseDuration("PT0S"), seconds{0});
    EXPECT_EQ(ParseDuration("PT9223372036854775807S"), seconds{INT64_MAX});
}

TEST(ParseDuration, RejectsMalformed) {
    for (const char* bad : {
             "",
             "P",
             "PT",
             "30D",
             "P1H",   // hours belong after T
             "PT1D",  // days belong before T
             "P1M",   // months have no fixed length
             "P1Y",
             "P1",
             "PD",
             "P1DTT1H",
             "P1DT",  // a T needs a time part
             "P-1D",  // negative durations are not ISO 8601
             "PT-5M",
             "P1.5D",
             "P999999999999999D",  // overflows 64-bit seconds
             "P1DT9223372036854775807S",
         }) {
        EXPECT_FALSE(ParseDuration(bad).has_value()) << bad;
    }
}

TEST(FixedClock, MovesOnlyWhenTold) {
    FixedClock clock(At(2026, 1, 1));
    EXPECT_EQ(clock.Now(), At(2026, 1, 1));
    clock.Advance(hours{25});
    EXPECT_EQ(clock.Now(), At(2026, 1, 2, 1));
    clock.Set(At(2030, 6, 15));
    EXPECT_EQ(clock.Now(), At(2030, 6, 15));
}

}  // namespace
}  // namespace isms
