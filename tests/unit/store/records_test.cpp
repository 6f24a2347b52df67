#include "store/records.hpp"

#include <gtest/gtest.h>

#include "schema/list_query.hpp"
#include "temp_store.hpp"

namespace isms::store {
namespace {

using testing::TempStore;

class RecordsTest : public ::testing::Test {
protected:
    schema::Record Insert(TenantId tenant, const std::string& name, const std::string& kind) {
        auto tx = WriteTx::Begin(*store_.db, tenant, {UserId{1}, "ann"}, store_.clock, store_.key)
                      .value();
        schema::Draft draft;
        draft.fields["name"] = name;
        draft.fields["kind"] = kind;
        auto r = InsertRecord(tx, spec_, draft).value();
        tx.Commit().value();
        return r;
    }
    RecordPage List(
        TenantId tenant, const std::vector<std::pair<std::string, std::string>>& params
    ) {
        auto session = ReadSession::Open(*store_.db, tenant).value();
        return ListRecords(session, spec_, schema::ParseListQuery(spec_, params).value()).value();
    }

    TempStore store_;
    const schema::RegisterSpec& spec_ = *store_.registry.Find("assets");
    TenantId acme_ = store_.MakeTenant("acme");
    TenantId globex_ = store_.MakeTenant("globex");
};

TEST_F(RecordsTest, ReferencesArePerTenantCounters) {
    EXPECT_EQ(Insert(acme_, "a", "primary").ref, "AST-1");
    EXPECT_EQ(Insert(acme_, "b", "primary").ref, "AST-2");
    EXPECT_EQ(Insert(globex_, "c", "primary").ref, "AST-1");
}

TEST_F(RecordsTest, OtherTenantsRecordsAreNotFound) {
    const auto mine = Insert(acme_, "a", "primary");
    auto session = ReadSession::Open(*store_.db, globex_).value();
    auto got = GetRecord(session, spec_, mine.id);
    ASSERT_FALSE(got);
    EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(List(globex_, {}).total, 0);
    EXPECT_EQ(List(acme_, {}).total, 1);
}

TEST_F(RecordsTest, StaleVersionIsRefusedAndChangesNothing) {
    const auto r = Insert(acme_, "a", "primary");
    auto tx =
        WriteTx::Begin(*store_.db, acme_, {UserId{1}, "ann"}, store_.clock, store_.key).value();
    schema::Draft patch;
    patch.fields["name"] = "b";
    auto updated = UpdateRecord(tx, spec_, r.id, 2, patch);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().code, ErrorCode::kStaleVersion);
}

TEST_F(RecordsTest, PatchThatChangesNothingKeepsTheVersion) {
    const auto r = Insert(acme_, "a", "primary");
    auto tx =
        WriteTx::Begin(*store_.db, acme_, {UserId{1}, "ann"}, store_.clock, store_.key).value();
    schema::Draft patch;
    patch.fields["name"] = "a";
    EXPECT_EQ(UpdateRecord(tx, spec_, r.id, 1, patch).value().version, 1);
    tx.Commit().value();
    auto session = ReadSession::Open(*store_.db, acme_).value();
    EXPECT_EQ(RecordHistory(session, spec_, r.id).value().size(), 1U);
}

TEST_F(RecordsTest, FiltersSortAndPage) {
    for (int i = 0; i < 7; ++i) {
        Insert(acme_, "asset " + std::to_string(i), i % 2 == 0 ? "primary" : "supporting");
    }
    EXPECT_EQ(List(acme_, {{"kind", "primary"}}).total, 4);
    const auto page = List(acme_, {{"sort", "-name"}, {"limit", "2"}, {"offset", "1"}});
    EXPECT_EQ(page.total, 7);
    ASSERT_EQ(page.items.size(), 2U);
    EXPECT_EQ(page.items[0].fields.at("name").as_string(), "asset 5");
    EXPECT_EQ(List(acme_, {{"q", "SET 3"}}).total, 1);
    EXPECT_EQ(List(acme_, {{"q", "%"}}).total, 0);  // LIKE wildcards are literal
}

TEST_F(RecordsTest, CachedTotalsFollowEveryWrite) {
    CountCache cache;
    auto total = [&](TenantId tenant) {
        auto session = ReadSession::Open(*store_.db, tenant).value();
        const auto query = schema::ParseListQuery(spec_, {{"kind", "primary"}}).value();
        return ListRecords(session, spec_, query, &cache).value().total;
    };
    EXPECT_EQ(total(acme_), 0);
    const auto a = Insert(acme_, "a", "primary");
    EXPECT_EQ(total(acme_), 1);  // the insert bumped the version: recounted
    EXPECT_EQ(total(acme_), 1);  // served from the cache
    Insert(globex_, "g", "primary");
    EXPECT_EQ(total(globex_), 1);
    EXPECT_EQ(total(acme_), 1);  // another tenant's write does not leak into this total
    {
        auto tx =
            WriteTx::Begin(*store_.db, acme_, {UserId{1}, "ann"}, store_.clock, store_.key).value();
        schema::Draft patch;
        patch.fields["kind"] = "supporting";
        static_cast<void>(UpdateRecord(tx, spec_, a.id, std::nullopt, patch).value());
        tx.Commit().value();
    }
    EXPECT_EQ(total(acme_), 0);
    Insert(acme_, "b", "primary");
    {
        auto tx =
            WriteTx::Begin(*store_.db, acme_, {UserId{1}, "ann"}, store_.clock, store_.key).value();
        static_cast<void>(ArchiveRecord(tx, spec_, RecordId{a.id.value + 2}, std::nullopt).value());
        tx.Commit().value();
    }
    EXPECT_EQ(total(acme_), 0);
}

}  // namespace
}  // namespace isms::store
