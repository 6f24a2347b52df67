#include "notifications/reminder.hpp"

#include <gtest/gtest.h>

namespace isms::notifications {
namespace {

TEST(ReminderKey, RoundTripsThroughTheKey) {
    Reminder r;
    r.register_name = "treatment_actions";
    r.record_id = 42;
    r.field = "due_date";
    r.due = "2026-03-04";
    EXPECT_EQ(r.Key(), "treatment_actions.42.due_date.2026-03-04");
    const auto key = ParseReminderKey(r.Key());
    ASSERT_TRUE(key.has_value());
    EXPECT_EQ(key->register_name, "treatment_actions");
    EXPECT_EQ(key->record_id, 42);
    EXPECT_EQ(key->field, "due_date");
    EXPECT_EQ(key->due, "2026-03-04");
}

TEST(ReminderKey, RefusesWhatIsNoKey) {
    for (const char* text :
         {"",
          "assets",
          "assets.0.review_date.2026-03-01",
          "assets.12.review_date",
          "assets.12.review_date.2026-3-1",
          "Assets.12.review_date.2026-03-01",
          "assets.12.review_date.2026-03-01.x",
          "assets.-1.review_date.2026-03-01",
          "assets.12.review date.2026-03-01"}) {
        EXPECT_FALSE(ParseReminderKey(text).has_value()) << text;
    }
}

TEST(Reminder, JsonSaysOverdueOrDue) {
    Reminder r;
    r.register_name = "assets";
    r.record_id = 1;
    r.field = "review_date";
    r.due = "2026-02-20";
    r.days_left = -9;
    EXPECT_EQ(r.ToJson().at("state"), "overdue");
    r.days_left = 0;
    EXPECT_EQ(r.ToJson().at("state"), "due");
    EXPECT_EQ(r.ToJson().at("id"), "assets.1.review_date.2026-02-20");
}

}  // namespace
}  // namespace isms::notifications
