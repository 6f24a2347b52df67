#include "risk/method_store.hpp"

#include <gtest/gtest.h>

#include "../store/temp_store.hpp"
#include "store/ledger_verify.hpp"
#include "store/session.hpp"

namespace isms::risk {
namespace {

class MethodStoreTest : public ::testing::Test {
protected:
    store::WriteTx Begin(TenantId tenant) {
        return store::WriteTx::Begin(
                   *store_.db, tenant, store::Actor{UserId{7}, "manager"}, store_.clock, store_.key
        )
            .value();
    }
    store::VerifyReport Verify() {
        return store::VerifyLedger(*store_.db, store_.key.key.public_key, store_.registry).value();
    }

    testing::TempStore store_;
};

TEST_F(MethodStoreTest, TheDefaultIsVersionOneUntilSomethingIsSaved) {
    const TenantId tenant = store_.MakeTenant("acme");
    auto session = store::ReadSession::Open(*store_.db, tenant).value();
    EXPECT_EQ(CurrentMethod(session).value(), DefaultMethod());
    EXPECT_EQ(MethodVersions(session).value().size(), 1U);
    EXPECT_FALSE(MethodVersions(session).value()[0].created_at);
    EXPECT_EQ(MethodVersion(session, 1).value(), DefaultMethod());
    EXPECT_EQ(MethodVersion(session, 2).error().code, ErrorCode::kNotFound);
}

TEST_F(MethodStoreTest, VersionsAreNumberedPerTenantAndKeepTheirContent) {
    const TenantId acme = store_.MakeTenant("acme");
    const TenantId globex = store_.MakeTenant("globex");
    RiskMethod stricter = DefaultMethod();
    stricter.grid[0][0] = "medium";
    {
        auto tx = Begin(acme);
        EXPECT_EQ(SaveMethodVersion(tx, stricter).value().version, 2);
        tx.Commit().value();
    }
    {
        auto tx = Begin(globex);
        EXPECT_EQ(EnsureMethod(tx).value().version, 1);
        tx.Commit().value();
    }
    auto session = store::ReadSession::Open(*store_.db, acme).value();
    EXPECT_EQ(CurrentMethod(session).value().grid[0][0], "medium");
    EXPECT_EQ(MethodVersion(session, 1).value().grid[0][0], "low");
    const auto versions = MethodVersions(session).value();
    ASSERT_EQ(versions.size(), 2U);
    EXPECT_EQ(versions[1].created_by, UserId{7});
    auto other = store::ReadSession::Open(*store_.db, globex).value();
    EXPECT_EQ(CurrentMethod(other).value().version, 1);

    const store::VerifyReport ok = Verify();
    EXPECT_TRUE(ok.ok) << ok.problem;
}

TEST_F(MethodStoreTest, LedgerVerifyCatchesAnEditedMethod) {
    const TenantId acme = store_.MakeTenant("acme");
    auto tx = Begin(acme);
    static_cast<void>(EnsureMethod(tx).value());
    tx.Commit().value();
    store_.Tamper("UPDATE risk_methods SET document = replace(document, '\"high\"', '\"low\"')");
    const store::VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("method edited outside isms"), std::string::npos) << r.problem;
}

}  // namespace
}  // namespace isms::risk
