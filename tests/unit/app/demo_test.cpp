#include "app/demo.hpp"

#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "catalog/builtin.hpp"
#include "core/crypto.hpp"

namespace isms::app {
namespace {

class DemoTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("isms-demo-" + crypto::RandomToken(6));
        AppOptions options;
        options.config.data_dir = dir_.string();
        app_ = App::Open(std::move(options)).value();
    }
    void TearDown() override {
        app_.reset();
        std::filesystem::remove_all(dir_);
    }

    std::filesystem::path dir_;
    std::unique_ptr<App> app_;
};

TEST_F(DemoTest, SeedsAssetsAMappedFrameworkAndARiskProgrammeOnce) {
    auto login = SeedDemo(*app_);
    ASSERT_TRUE(login) << login.error().message;
    EXPECT_EQ(login->email, "admin@demo.isms.local");
    const TenantId tenant = app_->FindTenant("demo").value();
    const UserId admin = app_->iam().FindUser(login->email).value();
    const iam::Principal who = app_->iam().PrincipalFor(tenant, admin).value();

    auto assets = app_->records().List(who, "assets", {});
    ASSERT_TRUE(assets);
    EXPECT_EQ(assets->at("total").as_int64(), 6);

    auto coverage = app_->catalog().Coverage(
        who, "urn:demo:framework:supplier-requirements", catalog::kIso27001_2022, {}, 3
    );
    ASSERT_TRUE(coverage) << coverage.error().message;
    EXPECT_EQ(coverage->at("summary").at("partial").as_int64(), 4);

    auto risks = app_->records().List(who, "risks", {});
    ASSERT_TRUE(risks);
    EXPECT_EQ(risks->at("total").as_int64(), 7);  // six, and one from an incident's lessons
    auto controls = app_->records().List(who, "applied_controls", {});
    ASSERT_TRUE(controls);
    EXPECT_EQ(controls->at("total").as_int64(), 4);
    auto threats = app_->records().List(who, "threats", {});
    ASSERT_TRUE(threats);
    EXPECT_EQ(threats->at("total").as_int64(), 43);
    auto due = app_->risk().reports.Due(who);
    ASSERT_TRUE(due) << due.error().message;
    // a risk review and a treatment action fall due soon, but nothing is overdue
    EXPECT_TRUE(due->at("reviews_overdue").as_array().empty());
    EXPECT_TRUE(due->at("actions_overdue").as_array().empty());
    auto reminders = app_->notifications().service.List(who, 14, false);
    ASSERT_TRUE(reminders) << reminders.error().message;
    const auto& reminder_items = reminders->at("items").as_array();
    auto due_in = [&](std::string_view what) {
        for (const json::value& r : reminder_items) {
            if (r.at("what").as_string() == what) {
                return r.at("days_left").as_int64();
            }
        }
        return std::int64_t{-1000};
    };
    EXPECT_EQ(due_in("risk review due"), 10);
    EXPECT_EQ(due_in("treatment action due"), 7);
    auto accepted = app_->risk().acceptance.List(who, "active");
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->at("items").as_array().size(), 1U);
    auto simulation = app_->risk().quant.SimulateRegister(who, {10'000, 1});
    ASSERT_TRUE(simulation) << simulation.error().message;
    EXPECT_EQ(simulation->at("risks").to_number<std::int64_t>(), 4);
    EXPECT_GT(simulation->at("ale_reduction").to_number<double>(), 0);

    auto soa = app_->compliance().soa.Get(who);
    ASSERT_TRUE(soa) << soa.error().message;
    EXPECT_EQ(soa->at("summary").at("undecided").as_int64(), 0);
    EXPECT_EQ(soa->at("summary").at("excluded").as_int64(), 2);
    EXPECT_EQ(soa->at("latest_issued").as_int64(), 1);

    auto stale = app_->evidence().service.Stale(who);
    ASSERT_TRUE(stale) << stale.error().message;
    EXPECT_EQ(stale->at("items").as_array().size(), 1U);
    auto restore = app_->evidence().service.File(who, RecordId{1}, std::nullopt);
    ASSERT_TRUE(restore) << restore.error().message;
    EXPECT_EQ(restore->content_type, "text/csv");
    auto citations = app_->evidence().service.Citations(who, RecordId{1});
    ASSERT_TRUE(citations);
    EXPECT_EQ(citations->at("items").as_array().size(), 2U);  // SoA version 1, the gap assessment

    auto gap_text = app_->compliance().assessments.Summary(who, RecordId{2});
    ASSERT_TRUE(gap_text) << gap_text.error().message;
    const auto gap = ParseJson(*gap_text).value();
    EXPECT_EQ(gap.at("summary").at("assessed").as_int64(), 13);  // 3 set, 10 inferred
    EXPECT_GT(gap.at("summary").at("inferred").as_int64(), 0);
    // issue 8: every mandatory item of the readiness checklist is present for the demo
    auto readiness = app_->compliance().readiness.Checklist(who);
    ASSERT_TRUE(readiness) << readiness.error().message;
    EXPECT_EQ(readiness->at("summary").at("items").as_int64(), 15);
    EXPECT_EQ(readiness->at("summary").at("present").as_int64(), 15);
    EXPECT_EQ(readiness->at("summary").at("stale").as_int64(), 0);
    EXPECT_EQ(readiness->at("summary").at("missing").as_int64(), 0);
    const auto& items = readiness->at("items").as_array();
    for (const json::value& item : items) {
        EXPECT_EQ(item.at("status"), "present") << json::serialize(item);
    }
    auto guide = app_->compliance().guide.Steps(who);
    ASSERT_TRUE(guide) << guide.error().message;
    const auto& controls_step = guide->at("steps").as_array()[7];
    EXPECT_EQ(controls_step.at("id"), "controls_evidence");
    EXPECT_EQ(controls_step.at("status"), "in_progress");  // the stale evidence, among others

    auto scope = app_->context().scope.Current(who);
    ASSERT_TRUE(scope) << scope.error().message;
    EXPECT_EQ(scope->at("version").as_int64(), 2);
    EXPECT_EQ(scope->at("exclusions").as_array().size(), 1U);
    auto raci = app_->context().raci.Get(who);
    ASSERT_TRUE(raci) << raci.error().message;
    EXPECT_EQ(raci->at("activities").as_array().size(), 5U);
    EXPECT_EQ(raci->at("members").as_array().size(), 2U);
    EXPECT_EQ(raci->at("people").as_array().size(), 2U);  // the system administrator and HR
    EXPECT_EQ(raci->at("gaps").as_int64(), 1);            // nobody is accountable for awareness yet
    auto objectives = app_->records().List(who, "objectives", {{"status", "at_risk"}});
    ASSERT_TRUE(objectives) << objectives.error().message;
    EXPECT_EQ(objectives->at("total").as_int64(), 1);
    EXPECT_EQ(items[1].at("clause"), "5.2");
    EXPECT_EQ(items[7].at("clause"), "7.5");
    EXPECT_EQ(items[7].at("count").as_int64(), 2);  // the published policy and procedure
    auto gaps = app_->people().competence.Gaps(who, std::nullopt);
    ASSERT_TRUE(gaps) << gaps.error().message;
    EXPECT_TRUE(gaps->at("gaps").as_array().empty());  // a refresher expires soon, not yet
    auto pending = app_->documents().service.PendingAcknowledgements(who, RecordId{1});
    ASSERT_TRUE(pending) << pending.error().message;
    EXPECT_EQ(pending->at("acknowledged").as_int64(), 4);
    EXPECT_EQ(pending->at("pending").as_array().size(), 1U);
    auto policy = app_->records().Get(who, "documents", RecordId{1});
    ASSERT_TRUE(policy) << policy.error().message;
    EXPECT_EQ(policy->at("status"), "published");
    EXPECT_EQ(policy->at("latest_version").as_int64(), 2);  // version 2 in review

    auto coverage_of_programme = app_->audit().audits.Coverage(who, RecordId{1});
    ASSERT_TRUE(coverage_of_programme) << coverage_of_programme.error().message;
    EXPECT_EQ(coverage_of_programme->at("audits").as_int64(), 2);
    EXPECT_FALSE(coverage_of_programme->at("clauses").at("gaps").as_array().empty());
    auto checklist =
        app_->records().List(who, "audit_checklist_items", {{"result", "nonconforming"}});
    ASSERT_TRUE(checklist);
    EXPECT_EQ(checklist->at("total").as_int64(), 1);
    auto ncs = app_->records().List(who, "nonconformities", {{"source", "audit_finding"}});
    ASSERT_TRUE(ncs);
    EXPECT_EQ(ncs->at("total").as_int64(), 1);
    auto from_incident = app_->records().List(who, "nonconformities", {{"source", "incident"}});
    ASSERT_TRUE(from_incident);
    ASSERT_EQ(from_incident->at("total").as_int64(), 1);
    EXPECT_FALSE(from_incident->at("items").as_array()[0].at("incident").is_null());
    auto all_objectives = app_->records().List(who, "objectives", {});
    ASSERT_TRUE(all_objectives);
    const auto& objective_items = all_objectives->at("items").as_array();
    EXPECT_EQ(  // the phishing objective, measured by the click-rate metric
        std::count_if(
            objective_items.begin(),
            objective_items.end(),
            [](const json::value& o) {
                const json::value& m = o.at("metrics");
                return m.is_array() && m.as_array().size() == 1;
            }
        ),
        1
    );
    auto actions = app_->records().List(who, "corrective_actions", {});
    ASSERT_TRUE(actions);
    EXPECT_EQ(actions->at("total").as_int64(), 1);

    auto again = SeedDemo(*app_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace isms::app
