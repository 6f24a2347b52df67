#include "assurance/audit_scope.hpp"

#include <gtest/gtest.h>

#include "catalog/builtin.hpp"

namespace isms::assurance {
namespace {

class AuditScopeTest : public ::testing::Test {
protected:
    catalog::Catalog catalog_{catalog::BuiltinLibraries()};
    const catalog::Framework& framework_ = *AuditFramework(catalog_).value();

    std::vector<std::string> Refs(const std::vector<std::string>& scope) const {
        std::vector<std::string> out;
        for (const catalog::Node* n : RequirementsInScope(framework_, scope)) {
            out.push_back(n->ref_id);
        }
        return out;
    }
};

TEST_F(AuditScopeTest, FindsNodesOfTheirGroupOnlyWithoutCase) {
    ASSERT_NE(FindScopeNode(framework_, ScopeGroup::kAnnexA, "a.8.13"), nullptr);
    EXPECT_EQ(FindScopeNode(framework_, ScopeGroup::kAnnexA, "a.8.13")->ref_id, "A.8.13");
    EXPECT_EQ(FindScopeNode(framework_, ScopeGroup::kClauses, "A.8.13"), nullptr);
    EXPECT_EQ(FindScopeNode(framework_, ScopeGroup::kAnnexA, "9.2"), nullptr);
    EXPECT_NE(FindScopeNode(framework_, ScopeGroup::kClauses, "9.2"), nullptr);
    EXPECT_EQ(FindScopeNode(framework_, ScopeGroup::kClauses, "11"), nullptr);
}

TEST_F(AuditScopeTest, AClauseHoldsEveryRequirementUnderIt) {
    EXPECT_EQ(Refs({"10"}), (std::vector<std::string>{"10.1", "10.2"}));
    const auto nine = Refs({"9"});
    EXPECT_EQ(nine.front(), "9.1");
    EXPECT_NE(std::find(nine.begin(), nine.end(), "9.2.2"), nine.end());
}

TEST_F(AuditScopeTest, AThemeHoldsItsControlsAndRepeatsAreDropped) {
    EXPECT_EQ(Refs({"A.6"}).size(), 8U);
    EXPECT_EQ(Refs({"A.8.13", "a.8.13"}), (std::vector<std::string>{"A.8.13"}));
}

TEST_F(AuditScopeTest, ClausesAndAnnexAHoldEveryRequirementOnce) {
    std::size_t clauses = 0;
    for (const catalog::Node* n : GroupNodes(framework_, ScopeGroup::kClauses)) {
        clauses += n->assessable ? 1U : 0U;
    }
    EXPECT_EQ(Refs({"4", "5", "6", "7", "8", "9", "10"}).size(), clauses);
    EXPECT_EQ(Refs({"A.5", "A.6", "A.7", "A.8"}).size(), 93U);
}

}  // namespace
}  // namespace isms::assurance
