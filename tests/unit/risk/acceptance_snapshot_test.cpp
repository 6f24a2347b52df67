#include "risk/acceptance_snapshot.hpp"

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace isms::risk {
namespace {

TEST(AcceptanceSnapshot, HasAFixedMemberOrderSoItsHashIsStable) {
    const json::object risk{{"id", 3}, {"ref", "RSK-3"}};
    const json::object level{{"id", "medium"}, {"label", "Medium"}};
    const json::array plan{json::object{{"ref", "RTA-1"}}};
    const std::string text = ToJsonText(AcceptanceSnapshot(risk, level, 2, plan));
    EXPECT_EQ(
        text,
        R"({"risk":{"id":3,"ref":"RSK-3"},"residual_level":{"id":"medium","label":"Medium"},)"
        R"("method_version":2,"treatment_actions":[{"ref":"RTA-1"}]})"
    );
    EXPECT_EQ(text, ToJsonText(AcceptanceSnapshot(risk, level, 2, plan)));
}

TEST(AcceptanceMessage, BindsTenantRiskExpiryAndHash) {
    EXPECT_EQ(
        AcceptanceMessage(TenantId{4}, 17, "2027-03-01", "ab"),
        "isms-risk-acceptance/1\n4\n17\n2027-03-01\nab"
    );
    EXPECT_NE(
        AcceptanceMessage(TenantId{4}, 17, "2027-03-01", "ab"),
        AcceptanceMessage(TenantId{5}, 17, "2027-03-01", "ab")
    );
}

TEST(AcceptanceMessage, SignaturesVerifyOnlyForTheSameMessage) {
    crypto::InitCrypto();
    const auto key = crypto::GenerateSigningKey();
    const std::string message = AcceptanceMessage(TenantId{1}, 2, "2027-01-01", "00");
    const std::string signature = crypto::Sign(key, message);
    EXPECT_TRUE(crypto::VerifySignature(key.public_key, message, signature));
    EXPECT_FALSE(crypto::VerifySignature(
        key.public_key, AcceptanceMessage(TenantId{1}, 2, "2099-01-01", "00"), signature
    ));
}

}  // namespace
}  // namespace isms::risk
