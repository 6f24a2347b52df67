#include "iam/mfa_policy.hpp"

#include <gtest/gtest.h>

namespace isms::iam {
namespace {

TEST(MfaPolicy, NamesRoundTripAndOthersAreRefused) {
    for (const auto r :
         {MfaRequirement::kNobody, MfaRequirement::kAdmins, MfaRequirement::kEveryone}) {
        EXPECT_EQ(ParseMfaRequirement(MfaRequirementName(r)), r);
    }
    EXPECT_EQ(MfaRequirementName(MfaRequirement::kAdmins), "admins");
    EXPECT_FALSE(ParseMfaRequirement("Admins"));
    EXPECT_FALSE(ParseMfaRequirement("admin"));
    EXPECT_FALSE(ParseMfaRequirement(""));
}

TEST(MfaPolicy, CoversNobodyTheAdminsOrEveryone) {
    for (const Role role : kAllRoles) {
        EXPECT_FALSE(MfaRequiredFor(MfaRequirement::kNobody, role));
        EXPECT_EQ(MfaRequiredFor(MfaRequirement::kAdmins, role), role == Role::kAdmin);
        EXPECT_TRUE(MfaRequiredFor(MfaRequirement::kEveryone, role));
    }
}

}  // namespace
}  // namespace isms::iam
