#include "store/records_past_date.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/records.hpp"
#include "temp_store.hpp"

namespace isms::store {
namespace {

using testing::TempStore;

class RecordsPastDateTest : public ::testing::Test {
protected:
    /// A treatment action due on `due` ("" for none) with `status`.
    schema::Record Insert(TenantId tenant, const std::string& due, const std::string& status) {
        auto tx = WriteTx::Begin(*store_.db, tenant, {UserId{1}, "ann"}, store_.clock, store_.key)
                      .value();
        schema::Draft draft;
        draft.fields["title"] = "action due " + due;
        draft.fields["status"] = status;
        if (!due.empty()) {
            draft.fields["due_date"] = due;
        }
        auto r = InsertRecord(tx, spec_, draft).value();
        tx.Commit().value();
        return r;
    }
    std::vector<PastDateRecord> Past(
        TenantId tenant, std::vector<std::pair<std::string, std::string>> filters = {}
    ) {
        auto session = ReadSession::Open(*store_.db, tenant).value();
        return RecordsPastDate(session, spec_, "due_date", day_, std::move(filters)).value();
    }
    static std::vector<std::string> Refs(const std::vector<PastDateRecord>& past) {
        std::vector<std::string> refs;
        for (const PastDateRecord& p : past) {
            refs.push_back(p.record.ref);
        }
        return refs;
    }

    TempStore store_;
    const schema::RegisterSpec& spec_ = *store_.registry.Find("treatment_actions");
    TenantId acme_ = store_.MakeTenant("acme");
    TenantId globex_ = store_.MakeTenant("globex");
    Date day_ = *ParseDate("2026-03-01");
};

TEST_F(RecordsPastDateTest, OnlyDatesBeforeTheDayOldestFirstWithTheirDaysPast) {
    Insert(acme_, "2026-02-20", "planned");  // RTA-1, 9 days past
    Insert(acme_, "2026-03-01", "planned");  // RTA-2, due on the day: not past
    Insert(acme_, "2025-12-31", "planned");  // RTA-3, 60 days past
    Insert(acme_, "", "planned");            // RTA-4, no date: never past
    Insert(acme_, "2026-02-20", "planned");  // RTA-5, same date as RTA-1: after it by id
    Insert(acme_, "2026-04-01", "planned");  // RTA-6, ahead
    const auto past = Past(acme_);
    const auto refs = Refs(past);
    EXPECT_EQ(refs, (std::vector<std::string>{"RTA-3", "RTA-1", "RTA-5"}));
    ASSERT_EQ(past.size(), 3U);
    EXPECT_EQ(past[0].days_past, 60);
    EXPECT_EQ(past[1].days_past, 9);
    EXPECT_EQ(past[0].record.fields.at("due_date").as_string(), "2025-12-31");
}

TEST_F(RecordsPastDateTest, ExtraFiltersNarrowAndArchivedRecordsAndOtherTenantsStayOut) {
    Insert(acme_, "2026-01-10", "done");                           // RTA-1
    const auto late = Insert(acme_, "2026-01-11", "in_progress");  // RTA-2
    Insert(acme_, "2026-01-12", "planned");                        // RTA-3
    Insert(globex_, "2026-01-01", "planned");                      // globex RTA-1
    EXPECT_EQ(
        Refs(Past(acme_, {{"status.in", "planned,in_progress"}})),
        (std::vector<std::string>{"RTA-2", "RTA-3"})
    );
    EXPECT_EQ(Refs(Past(acme_, {{"status", "done"}})), (std::vector<std::string>{"RTA-1"}));
    {
        auto tx =
            WriteTx::Begin(*store_.db, acme_, {UserId{1}, "ann"}, store_.clock, store_.key).value();
        static_cast<void>(ArchiveRecord(tx, spec_, late.id, std::nullopt).value());
        tx.Commit().value();
    }
    EXPECT_EQ(Refs(Past(acme_)), (std::vector<std::string>{"RTA-1", "RTA-3"}));
    EXPECT_EQ(Refs(Past(globex_)), (std::vector<std::string>{"RTA-1"}));
}

TEST_F(RecordsPastDateTest, AFilterOnAnUndeclaredFieldIsAnErrorNamingIt) {
    auto session = ReadSession::Open(*store_.db, acme_).value();
    auto past = RecordsPastDate(session, spec_, "due_date", day_, {{"colour", "red"}});
    ASSERT_FALSE(past);
    EXPECT_EQ(past.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(past.error().fields.size(), 1U);
    EXPECT_EQ(past.error().fields[0].field, "colour");
}

}  // namespace
}  // namespace isms::store
