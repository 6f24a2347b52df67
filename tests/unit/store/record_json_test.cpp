#include "store/record_json.hpp"

#include <gtest/gtest.h>

#include "store/records.hpp"
#include "temp_store.hpp"

namespace isms::store {
namespace {

using schema::FieldType;
using testing::TempStore;

/// A value of `type` that exercises escaping and number formatting; `n` varies it per record.
json::value SampleValue(FieldType type, int n) {
    switch (type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
            return json::value(n == 0 ? "plain" : "quote \" backslash \\ tab \t é ☃ \x01 end");
        case FieldType::kDate:
            return json::value("2026-03-01");
        case FieldType::kDateTime:
            return json::value("2026-03-01T09:00:00Z");
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kUser:
            return json::value(n == 0 ? 7 : -9007199254740993);
        case FieldType::kDecimal:
            return json::value(n == 0 ? 0.1 : 1e21);
        case FieldType::kBool:
            return json::value(n != 0);
        case FieldType::kReferenceList:
            return json::array{3, 7};
        case FieldType::kTextList:
            return json::array{"a", "b \"c\""};
    }
    return nullptr;
}

// The list API writes rows straight as JSON text; it must say exactly what RecordToJson says
// of the same row, for every register and every field type, set, unset, escaped and archived.
TEST(RecordJsonTest, EveryRegisterRowIsWrittenAsRecordToJsonWritesIt) {
    TempStore store;
    const TenantId tenant = store.MakeTenant("acme");
    for (const schema::RegisterSpec& spec : store.registry.All()) {
        auto tx =
            WriteTx::Begin(*store.db, tenant, {UserId{1}, "ann"}, store.clock, store.key).value();
        for (int n = 0; n < 3; ++n) {
            schema::Draft draft;
            if (n < 2) {  // the third record leaves every field unset
                for (const schema::FieldSpec& f : spec.fields) {
                    draft.fields[f.name] = SampleValue(f.type, n);
                }
                draft.owner = std::optional<UserId>{UserId{n + 1}};
                draft.tags = json::array{"x", "y\"z"};
                draft.extra = json::object{{"cost", 1.5}, {"note", "ü\n"}};
            }
            const auto record = InsertRecord(tx, spec, draft).value();
            if (n == 1) {
                static_cast<void>(ArchiveRecord(tx, spec, record.id, std::nullopt).value());
            }
        }
        tx.Commit().value();

        auto session = ReadSession::Open(*store.db, tenant).value();
        schema::ListQuery query;
        query.archived = schema::ArchivedFilter::kAny;
        const auto page = ListRecordRows(session, spec, query).value();
        ASSERT_EQ(page.rows.size(), 3U) << spec.name;
        for (const SqlRow& row : page.rows) {
            std::string written;
            AppendRecordJson(spec, row, written);
            const auto record = RecordFromRow(spec, row).value();
            EXPECT_EQ(written, json::serialize(schema::RecordToJson(spec, record)))
                << spec.name << " " << record.ref;
        }
    }
}

TEST(RecordJsonTest, PageCarriesTotalLimitAndOffset) {
    TempStore store;
    const TenantId tenant = store.MakeTenant("acme");
    const auto& spec = store.registry.Get("assets");
    auto tx = WriteTx::Begin(*store.db, tenant, {UserId{1}, "ann"}, store.clock, store.key).value();
    for (int i = 0; i < 3; ++i) {
        schema::Draft draft;
        draft.fields["name"] = "asset " + std::to_string(i);
        draft.fields["kind"] = "primary";
        static_cast<void>(InsertRecord(tx, spec, draft).value());
    }
    tx.Commit().value();
    auto session = ReadSession::Open(*store.db, tenant).value();
    schema::ListQuery query;
    query.limit = 2;
    query.offset = 1;
    const auto page = ParseJson(ListRecordsJson(session, spec, query).value()).value();
    EXPECT_EQ(page.at("total").as_int64(), 3);
    EXPECT_EQ(page.at("limit").as_int64(), 2);
    EXPECT_EQ(page.at("offset").as_int64(), 1);
    ASSERT_EQ(page.at("items").as_array().size(), 2U);
    EXPECT_EQ(page.at("items").as_array()[0].at("ref").as_string(), "AST-2");
}

}  // namespace
}  // namespace isms::store
