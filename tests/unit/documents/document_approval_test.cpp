#include "documents/document_approval.hpp"

#include <gtest/gtest.h>

namespace isms::documents {
namespace {

TEST(DocumentApprovalTest, MessageNamesEveryFactInOrder) {
    const ApprovalFacts facts{TenantId{3}, 10, 42, 2, "ab12", 7, "2026-03-01T09:00:00Z"};
    EXPECT_EQ(
        ApprovalMessage(facts),
        "isms-document-approval/1\n3\n10\n42\n2\nab12\n7\n2026-03-01T09:00:00Z"
    );
    ApprovalFacts other = facts;
    other.sha256 = "ab13";
    EXPECT_NE(ApprovalMessage(other), ApprovalMessage(facts));
}

}  // namespace
}  // namespace isms::documents
