#include "iam/login_throttle.hpp"

#include <gtest/gtest.h>

#include "../store/temp_store.hpp"

namespace isms::iam {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class LoginThrottleTest : public ::testing::Test {
protected:
    /// One failure, committed; returns how long the account is then locked.
    std::int64_t Fail(const std::string& email, const std::string& address) {
        auto conn = store_.db->Writer().value();
        static_cast<void>(throttle_.CountFailure(*conn, email, address, now_).value());
        conn->ExecScript("COMMIT").value();
        return LockedFor(email, address);
    }
    std::int64_t LockedFor(const std::string& email, const std::string& address) {
        auto conn = store_.db->Reader().value();
        return throttle_.LockedFor(*conn, email, address, now_).value();
    }

    testing::TempStore store_;
    LoginThrottle throttle_{ThrottlePolicy{3, 100, minutes(15), seconds(60), minutes(10)}};
    Timestamp now_ = *ParseTimestamp("2026-03-01T09:00:00Z");
};

TEST_F(LoginThrottleTest, LockDoublesWithEachFailureUpToTheLongest) {
    EXPECT_EQ(Fail("ann@x.test", "a"), 0);
    EXPECT_EQ(Fail("ann@x.test", "b"), 0);
    EXPECT_EQ(Fail("ann@x.test", "c"), 60);
    EXPECT_EQ(Fail("ann@x.test", "d"), 120);
    EXPECT_EQ(Fail("ann@x.test", "e"), 240);
    EXPECT_EQ(Fail("ann@x.test", "f"), 480);
    EXPECT_EQ(Fail("ann@x.test", "g"), 600);  // the longest lock
    for (int i = 0; i < 70; ++i) {            // a long run never overflows the doubling
        EXPECT_EQ(Fail("ann@x.test", "h"), 600);
    }
    EXPECT_EQ(LockedFor("bob@x.test", "z"), 0);  // other accounts and addresses are free
}

TEST_F(LoginThrottleTest, QuietWindowForgetsTheCountButNotALiveLock) {
    Fail("ann@x.test", "a");
    Fail("ann@x.test", "a");
    now_ += minutes(16);  // quiet: counting starts again
    EXPECT_EQ(Fail("ann@x.test", "a"), 0);
    EXPECT_EQ(Fail("ann@x.test", "a"), 0);
    EXPECT_EQ(Fail("ann@x.test", "a"), 60);
    now_ += seconds(30);
    EXPECT_EQ(LockedFor("ann@x.test", "elsewhere"), 30);
}

TEST_F(LoginThrottleTest, SuccessForgetsTheAccountsCount) {
    Fail("ann@x.test", "a");
    Fail("ann@x.test", "a");
    {
        auto conn = store_.db->Writer().value();
        throttle_.Forget(*conn, "ann@x.test").value();
        conn->ExecScript("COMMIT").value();
    }
    EXPECT_EQ(Fail("ann@x.test", "a"), 0);  // counting again from one
}

}  // namespace
}  // namespace isms::iam
