#include "iam/permission.hpp"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace isms::iam {
namespace {

schema::RegisterSpec Spec() {
    schema::RegisterSpec s;
    s.name = "assets";
    return s;
}

Principal Who(Role role, Via via = Via::kSession, TokenScope scope = TokenScope::kReadWrite) {
    Principal p;
    p.user = UserId{10};
    p.role = role;
    p.via = via;
    p.scope = scope;
    return p;
}

struct Case {
    Role role;
    Action action;
    bool owns;
    bool allowed;
};

std::string CaseName(const ::testing::TestParamInfo<Case>& param) {
    static constexpr std::array<const char*, 4> kActions = {"read", "create", "update", "archive"};
    return std::string(RoleName(param.param.role)) + "_"
           + kActions.at(static_cast<std::size_t>(param.param.action))
           + (param.param.owns ? "_own" : "_other");
}

class PermissionMatrix : public ::testing::TestWithParam<Case> {};

TEST_P(PermissionMatrix, DecidesByRoleActionAndOwnership) {
    const Case c = GetParam();
    const auto owner =
        c.owns ? std::optional<UserId>{UserId{10}} : std::optional<UserId>{UserId{99}};
    const Status s = Authorize(Who(c.role), Spec(), c.action, owner);
    EXPECT_EQ(static_cast<bool>(s), c.allowed) << RoleName(c.role);
    if (!s) {
        EXPECT_EQ(s.error().code, ErrorCode::kPermissionDenied);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Roles,
    PermissionMatrix,
    ::testing::Values(
        Case{Role::kAdmin, Action::kArchive, false, true},
        Case{Role::kIsmsManager, Action::kCreate, false, true},
        Case{Role::kIsmsManager, Action::kArchive, false, true},
        Case{Role::kRiskOwner, Action::kRead, false, true},
        Case{Role::kRiskOwner, Action::kCreate, false, false},
        Case{Role::kRiskOwner, Action::kUpdate, true, true},
        Case{Role::kRiskOwner, Action::kUpdate, false, false},
        Case{Role::kRiskOwner, Action::kArchive, true, false},
        Case{Role::kControlOwner, Action::kUpdate, true, true},
        Case{Role::kAuditor, Action::kRead, false, true},
        Case{Role::kAuditor, Action::kUpdate, true, false},
        Case{Role::kReader, Action::kUpdate, true, false},
        Case{Role::kReader, Action::kCreate, false, false}
    ),
    CaseName
);

TEST(Permission, ReadOnlyTokenOnlyReads) {
    const Principal p = Who(Role::kAdmin, Via::kToken, TokenScope::kReadOnly);
    EXPECT_TRUE(Authorize(p, Spec(), Action::kRead));
    EXPECT_FALSE(Authorize(p, Spec(), Action::kCreate));
}

TEST(Permission, AdministrationNeedsAdminRoleAndScope) {
    EXPECT_TRUE(RequireAdmin(Who(Role::kAdmin)));
    EXPECT_FALSE(RequireAdmin(Who(Role::kIsmsManager)));
    EXPECT_FALSE(RequireAdmin(Who(Role::kAdmin, Via::kToken, TokenScope::kReadWrite)));
    EXPECT_TRUE(RequireAdmin(Who(Role::kAdmin, Via::kToken, TokenScope::kAdmin)));
}

TEST(Role, NamesRoundTrip) {
    for (Role r : kAllRoles) {
        EXPECT_EQ(ParseRole(RoleName(r)), r);
    }
    EXPECT_FALSE(ParseRole("root"));
}

}  // namespace
}  // namespace isms::iam
