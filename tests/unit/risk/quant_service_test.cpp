#include "risk/quant_service.hpp"

#include <gtest/gtest.h>

#include "../store/temp_store.hpp"
#include "store/ledger_verify.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {
namespace {

const json::object kModel{
    {"before",
     json::object{
         {"frequency",
          json::object{{"type", "pert"}, {"min", 0.1}, {"most_likely", 0.5}, {"max", 2}}},
         {"magnitude", json::object{{"type", "lognormal"}, {"low", 20000}, {"high", 800000}}}}}};

class QuantServiceTest : public ::testing::Test {
protected:
    QuantServiceTest() {
        manager_.tenant = store_.MakeTenant("acme");
        manager_.user = UserId{7};
        manager_.email = "manager@acme.test";
        manager_.role = iam::Role::kIsmsManager;
        auto tx = store::WriteTx::Begin(
                      *store_.db, manager_.tenant, manager_.AsActor(), store_.clock, store_.key
        )
                      .value();
        schema::Draft draft;
        draft.fields = {{"title", "Ransomware"}, {"approach", "event_based"}};
        risk_ = store::InsertRecord(tx, *store_.registry.Find("risks"), draft).value().id;
        tx.Commit().value();
    }
    store::VerifyReport Verify() {
        return store::VerifyLedger(*store_.db, store_.key.key.public_key, store_.registry).value();
    }

    testing::TempStore store_;
    catalog::CatalogService catalog_{*store_.db, store_.clock, store_.key};
    QuantService quant_{RiskDeps{*store_.db, store_.registry, store_.clock, store_.key, catalog_}};
    iam::Principal manager_;
    RecordId risk_;
};

TEST_F(QuantServiceTest, ModelsSetReplacedAndDeletedVerifyAgainstTheLedger) {
    ASSERT_TRUE(quant_.PutModel(manager_, risk_, kModel).value().at("created").as_bool());
    ASSERT_FALSE(quant_.PutModel(manager_, risk_, kModel).value().at("created").as_bool());
    EXPECT_TRUE(Verify().ok) << Verify().problem;
    ASSERT_TRUE(quant_.DeleteModel(manager_, risk_));
    EXPECT_TRUE(Verify().ok) << Verify().problem;
    EXPECT_EQ(quant_.GetModel(manager_, risk_).error().code, ErrorCode::kNotFound);
}

TEST_F(QuantServiceTest, LedgerVerifyCatchesAnEditedModel) {
    ASSERT_TRUE(quant_.PutModel(manager_, risk_, kModel));
    store_.Tamper("UPDATE risk_loss_models SET document = replace(document, 'lognormal', 'pert')");
    const store::VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("model edited outside isms"), std::string::npos) << r.problem;
}

TEST_F(QuantServiceTest, LedgerVerifyCatchesADeletedModel) {
    ASSERT_TRUE(quant_.PutModel(manager_, risk_, kModel));
    store_.Tamper("DELETE FROM risk_loss_models");
    const store::VerifyReport r = Verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("missing from the table"), std::string::npos) << r.problem;
}

TEST_F(QuantServiceTest, SimulationIsReproducibleAndBoundsTrials) {
    ASSERT_TRUE(quant_.PutModel(manager_, risk_, kModel));
    const SimulationOptions options{5'000, 42};
    const auto first = quant_.SimulateRisk(manager_, risk_, options).value();
    const auto again = quant_.SimulateRisk(manager_, risk_, options).value();
    EXPECT_EQ(first.at("before"), again.at("before"));
    EXPECT_TRUE(first.at("after").is_null());
    const auto reg = quant_.SimulateRegister(manager_, options).value();
    EXPECT_EQ(reg.at("before").at("ale"), first.at("before").at("ale"))
        << "a register of one risk is that risk";
    const auto too_many = quant_.SimulateRegister(manager_, {kMaxRegisterTrials + 1, 1});
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().fields.at(0).field, "trials");
}

}  // namespace
}  // namespace isms::risk
