#include "schema/list_query.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace isms::schema {
namespace {

RegisterSpec Spec() {
    RegisterSpec s;
    s.name = "risks";
    s.title = "Risks";
    s.ref_prefix = "RSK";
    s.fields = {
        Text("title").Required(),
        Markdown("description"),
        Enum("status", {"open", "treated", "closed"}),
        Int("likelihood").Range(1, 5),
        Decimal("exposure"),
        Bool("accepted"),
        DateField("review_date"),
        DateTimeField("identified_at"),
        Reference("asset", "assets"),
        ReferenceList("controls", "controls"),
        User("risk_owner"),
    };
    return s;
}

using Params = std::vector<std::pair<std::string, std::string>>;

Result<ListQuery> Parse(Params params) {
    return ParseListQuery(Spec(), params);
}

/// The parameter a failed parse names.
std::string ErrorField(const Result<ListQuery>& r) {
    if (r || r.error().fields.empty()) {
        return "<none>";
    }
    return r.error().fields[0].field;
}

TEST(ParseListQuery, Defaults) {
    auto q = Parse({});
    ASSERT_TRUE(q);
    EXPECT_TRUE(q->filters.empty());
    EXPECT_EQ(q->sort_column, "id");
    EXPECT_FALSE(q->descending);
    EXPECT_EQ(q->limit, 50);
    EXPECT_EQ(q->offset, 0);
    EXPECT_EQ(q->archived, ArchivedFilter::kExclude);
}

TEST(ParseListQuery, EqualityFiltersAreTyped) {
    auto q = Parse(
        {{"status", "open"},
         {"likelihood", "3"},
         {"exposure", "2.5"},
         {"accepted", "true"},
         {"review_date", "2026-04-30"},
         {"asset", "12"},
         {"risk_owner", "4"}}
    );
    ASSERT_TRUE(q);
    ASSERT_EQ(q->filters.size(), 7U);
    for (const Filter& f : q->filters) {
        EXPECT_EQ(f.op, FilterOp::kEq) << f.column;
        ASSERT_EQ(f.values.size(), 1U) << f.column;
    }
    EXPECT_EQ(q->filters[0].column, "status");
    EXPECT_EQ(q->filters[0].values[0], "open");
    EXPECT_EQ(q->filters[1].type, FieldType::kInt);
    EXPECT_EQ(q->filters[1].values[0].as_int64(), 3);
    EXPECT_DOUBLE_EQ(q->filters[2].values[0].as_double(), 2.5);
    EXPECT_EQ(q->filters[3].values[0], true);
    EXPECT_EQ(q->filters[4].values[0], "2026-04-30");
    EXPECT_EQ(q->filters[5].values[0].as_int64(), 12);
    EXPECT_EQ(q->filters[6].values[0].as_int64(), 4);
}

TEST(ParseListQuery, ExplicitEqAndNe) {
    auto q = Parse({{"status.eq", "open"}, {"status.ne", "closed"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].op, FilterOp::kEq);
    EXPECT_EQ(q->filters[1].op, FilterOp::kNe);
    EXPECT_EQ(q->filters[1].values[0], "closed");
}

TEST(ParseListQuery, InSplitsOnCommas) {
    auto q = Parse({{"status.in", "open,treated"}, {"likelihood.in", "1,2,3"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].op, FilterOp::kIn);
    EXPECT_EQ(q->filters[0].values, (std::vector<json::value>{"open", "treated"}));
    EXPECT_EQ(q->filters[1].values.size(), 3U);
    EXPECT_EQ(q->filters[1].values[2].as_int64(), 3);
    EXPECT_EQ(ErrorField(Parse({{"likelihood.in", "1,x"}})), "likelihood.in");

    std::string many;
    for (int i = 0; i < 101; ++i) {
        many += (i == 0 ? "" : ",") + std::to_string(i);
    }
    EXPECT_EQ(ErrorField(Parse({{"likelihood.in", many}})), "likelihood.in");
}

TEST(ParseListQuery, Ranges) {
    auto q = Parse(
        {{"likelihood.gte", "3"},
         {"likelihood.lt", "5"},
         {"review_date.lte", "2026-12-31"},
         {"exposure.gt", "0.5"},
         {"identified_at.gte", "2026-03-01"},
         {"identified_at.lt", "2026-03-01T10:00:00+01:00"}}
    );
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].op, FilterOp::kGte);
    EXPECT_EQ(q->filters[1].op, FilterOp::kLt);
    EXPECT_EQ(q->filters[2].op, FilterOp::kLte);
    EXPECT_EQ(q->filters[3].op, FilterOp::kGt);
    // A date on a date-time column means its first second; date-times are normalized to UTC.
    EXPECT_EQ(q->filters[4].values[0], "2026-03-01T00:00:00Z");
    EXPECT_EQ(q->filters[5].values[0], "2026-03-01T09:00:00Z");
}

TEST(ParseListQuery, RangesNeedOrderedTypes) {
    EXPECT_EQ(ErrorField(Parse({{"status.gt", "open"}})), "status.gt");
    EXPECT_EQ(ErrorField(Parse({{"accepted.lte", "true"}})), "accepted.lte");
}

TEST(ParseListQuery, ValuesMustMatchTheFieldType) {
    EXPECT_EQ(ErrorField(Parse({{"likelihood", "high"}})), "likelihood");
    EXPECT_EQ(ErrorField(Parse({{"likelihood", "3.5"}})), "likelihood");
    EXPECT_EQ(ErrorField(Parse({{"exposure", "lots"}})), "exposure");
    EXPECT_EQ(ErrorField(Parse({{"exposure", ""}})), "exposure");
    EXPECT_EQ(ErrorField(Parse({{"accepted", "yes"}})), "accepted");
    EXPECT_EQ(ErrorField(Parse({{"review_date", "2026-02-30"}})), "review_date");
    EXPECT_EQ(ErrorField(Parse({{"identified_at", "yesterday"}})), "identified_at");
    auto r = Parse({{"likelihood.gte", "x"}});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(r.error().fields[0].message, "must be an integer");
}

TEST(ParseListQuery, NonFiniteNumbersAreRejected) {
    // strtod reads "nan" and "inf"; neither can be compared with a stored value.
    EXPECT_EQ(ErrorField(Parse({{"exposure", "nan"}})), "exposure");
    EXPECT_EQ(ErrorField(Parse({{"exposure.gt", "inf"}})), "exposure.gt");
    EXPECT_EQ(ErrorField(Parse({{"exposure.in", "1,-infinity"}})), "exposure.in");
}

TEST(ParseListQuery, ListFieldsAndTagsMatchByContains) {
    auto q = Parse({{"controls", "7"}, {"tag", "pci"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].column, "controls");
    EXPECT_EQ(q->filters[0].op, FilterOp::kContains);
    EXPECT_EQ(q->filters[0].values[0].as_int64(), 7);
    EXPECT_EQ(q->filters[1].column, "tags");
    EXPECT_EQ(q->filters[1].op, FilterOp::kContains);
    EXPECT_EQ(q->filters[1].values[0], "pci");  // a tag stays a string

    EXPECT_EQ(ErrorField(Parse({{"controls", "x"}})), "controls");
    EXPECT_EQ(ErrorField(Parse({{"controls.in", "1,2"}})), "controls.in");
    EXPECT_EQ(ErrorField(Parse({{"tag.ne", "pci"}})), "tag.ne");
}

TEST(ParseListQuery, NullChecks) {
    auto q = Parse({{"asset.null", "true"}, {"review_date.null", "false"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].op, FilterOp::kIsNull);
    EXPECT_EQ(q->filters[1].op, FilterOp::kNotNull);
    EXPECT_TRUE(q->filters[0].values.empty());
    EXPECT_EQ(ErrorField(Parse({{"asset.null", "maybe"}})), "asset.null");
}

TEST(ParseListQuery, CommonColumns) {
    auto q = Parse({{"owner", "3"}, {"created_at.gte", "2026-01-01"}, {"ref", "RSK-1"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->filters[0].column, "owner");
    EXPECT_EQ(q->filters[1].type, FieldType::kDateTime);
    EXPECT_EQ(q->filters[2].values[0], "RSK-1");
}

TEST(ParseListQuery, UnknownFieldOrOperator) {
    auto unknown = Parse({{"colour", "red"}});
    EXPECT_EQ(ErrorField(unknown), "colour");
    EXPECT_NE(unknown.error().fields[0].message.find("unknown filter"), std::string::npos);
    // Markdown is not filterable, nor is the raw `tags` column or `extra`.
    EXPECT_EQ(ErrorField(Parse({{"description", "x"}})), "description");
    EXPECT_EQ(ErrorField(Parse({{"tags", "x"}})), "tags");
    EXPECT_EQ(ErrorField(Parse({{"extra", "x"}})), "extra");

    auto op = Parse({{"likelihood.approx", "3"}});
    EXPECT_EQ(ErrorField(op), "likelihood.approx");
    EXPECT_NE(op.error().fields[0].message.find("unknown operator 'approx'"), std::string::npos);
}

TEST(ParseListQuery, TextSearch) {
    auto q = Parse({{"q", "payroll"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->text, "payroll");
    EXPECT_TRUE(Parse({{"q", std::string(200, 'x')}}));
    EXPECT_EQ(ErrorField(Parse({{"q", std::string(201, 'x')}})), "q");
}

TEST(ParseListQuery, Sort) {
    auto asc = Parse({{"sort", "likelihood"}});
    ASSERT_TRUE(asc);
    EXPECT_EQ(asc->sort_column, "likelihood");
    EXPECT_FALSE(asc->descending);
    auto desc = Parse({{"sort", "-updated_at"}});
    ASSERT_TRUE(desc);
    EXPECT_EQ(desc->sort_column, "updated_at");
    EXPECT_TRUE(desc->descending);
    for (const char* bad : {"colour", "-", "", "tag", "controls", "description", "--id"}) {
        EXPECT_EQ(ErrorField(Parse({{"sort", bad}})), "sort") << bad;
    }
}

TEST(ParseListQuery, LimitAndOffsetBounds) {
    auto q = Parse({{"limit", "500"}, {"offset", "100"}});
    ASSERT_TRUE(q);
    EXPECT_EQ(q->limit, kMaxPageSize);
    EXPECT_EQ(q->offset, 100);
    EXPECT_TRUE(Parse({{"limit", "1"}, {"offset", "0"}}));
    for (const char* bad : {"0", "501", "-1", "ten", "", "5x"}) {
        EXPECT_EQ(ErrorField(Parse({{"limit", bad}})), "limit") << bad;
    }
    for (const char* bad : {"-1", "x", "2147483648"}) {
        EXPECT_EQ(ErrorField(Parse({{"offset", bad}})), "offset") << bad;
    }
}

TEST(ParseListQuery, Archived) {
    EXPECT_EQ(Parse({{"archived", "true"}})->archived, ArchivedFilter::kOnly);
    EXPECT_EQ(Parse({{"archived", "false"}})->archived, ArchivedFilter::kExclude);
    EXPECT_EQ(Parse({{"archived", "any"}})->archived, ArchivedFilter::kAny);
    EXPECT_EQ(ErrorField(Parse({{"archived", "yes"}})), "archived");
}

}  // namespace
}  // namespace isms::schema
