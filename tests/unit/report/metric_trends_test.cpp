#include "report/metric_trends.hpp"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../store/temp_store.hpp"
#include "store/records.hpp"

namespace isms::report {
namespace {

using testing::TempStore;

schema::RegisterSpec Spec(const char* name, const char* prefix, std::vector<schema::FieldSpec> f) {
    schema::RegisterSpec s;
    s.name = name;
    s.title = name;
    s.ref_prefix = prefix;
    s.fields = std::move(f);
    return s;
}

class MetricTrendsTest : public ::testing::Test {
protected:
    /// Declares `metrics` and `measurements` (with `value` as `value_field`) and migrates.
    void Declare(const char* value_field) {
        ASSERT_TRUE(store_.registry.Add(Spec("metrics", "MET", {schema::Text("name")})));
        ASSERT_TRUE(store_.registry.Add(Spec(
            "measurements",
            "MSR",
            {schema::Reference("metric", "metrics"),
             schema::DateField("measured_on"),
             schema::Decimal(value_field)}
        )));
        store_.Reopen();
    }

    std::int64_t Insert(TenantId tenant, const char* register_name, json::object fields) {
        auto tx =
            store::WriteTx::Begin(*store_.db, tenant, {UserId{1}, "ann"}, store_.clock, store_.key)
                .value();
        schema::Draft draft;
        draft.fields = std::move(fields);
        auto r = store::InsertRecord(tx, *store_.registry.Find(register_name), draft).value();
        tx.Commit().value();
        return r.id.value;
    }

    iam::Principal Reader(TenantId tenant) const {
        iam::Principal who;
        who.tenant = tenant;
        who.user = UserId{1};
        return who;
    }

    TempStore store_;
    TenantId acme_ = store_.MakeTenant("acme");
    TenantId globex_ = store_.MakeTenant("globex");
};

TEST_F(MetricTrendsTest, WithoutTheRegistersThereAreNoTrends) {
    const json::object out = MetricTrends(*store_.db, store_.registry, Reader(acme_)).value();
    EXPECT_FALSE(out.at("available").as_bool());
    EXPECT_TRUE(out.at("series").as_array().empty());
}

TEST_F(MetricTrendsTest, MeasurementsWithoutANumericValueAreNotTrends) {
    Declare("reading");
    const json::object out = MetricTrends(*store_.db, store_.registry, Reader(acme_)).value();
    EXPECT_FALSE(out.at("available").as_bool());
    EXPECT_EQ(
        out.at("detail").as_string(), "measurements lack a metric, a numeric value or a date"
    );
}

TEST_F(MetricTrendsTest, KeepsTheNewestPointsPerMetricOldestFirstAndPerOrganization) {
    Declare("value");
    const std::int64_t patched = Insert(acme_, "metrics", {{"name", "Patched within 14 days"}});
    for (int day = 1; day <= 14; ++day) {
        // inserted out of order: the trend is ordered by date
        const int d = (day * 5) % 14 + 1;  // 1 … 14, each once
        Insert(
            acme_,
            "measurements",
            {{"metric", patched},
             {"measured_on", fmt::format("2026-01-{:02}", d)},
             {"value", 50.0 + d}}
        );
    }
    const std::int64_t other = Insert(globex_, "metrics", {{"name", "Phishing clicks"}});
    Insert(
        globex_, "measurements", {{"metric", other}, {"measured_on", "2026-01-05"}, {"value", 3.5}}
    );

    const json::object out = MetricTrends(*store_.db, store_.registry, Reader(acme_)).value();
    ASSERT_TRUE(out.at("available").as_bool());
    const json::array& series = out.at("series").as_array();
    ASSERT_EQ(series.size(), 1U);
    EXPECT_EQ(series[0].at("metric").at("name").as_string(), "Patched within 14 days");
    const json::array& points = series[0].at("points").as_array();
    ASSERT_EQ(points.size(), kTrendPoints);
    EXPECT_EQ(points.front().at("date").as_string(), "2026-01-03");
    EXPECT_EQ(points.back().at("date").as_string(), "2026-01-14");
    EXPECT_DOUBLE_EQ(points.back().at("value").as_double(), 64.0);

    const json::object theirs = MetricTrends(*store_.db, store_.registry, Reader(globex_)).value();
    ASSERT_EQ(theirs.at("series").as_array().size(), 1U);
    EXPECT_EQ(
        theirs.at("series").as_array()[0].at("metric").at("name").as_string(), "Phishing clicks"
    );
}

}  // namespace
}  // namespace isms::report
