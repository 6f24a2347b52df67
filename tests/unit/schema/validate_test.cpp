#include "schema/validate.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace isms::schema {
namespace {

RegisterSpec Spec() {
    RegisterSpec s;
    s.name = "things";
    s.title = "Things";
    s.ref_prefix = "THG";
    s.fields = {
        Text("name").Required().MaxLength(10),
        Markdown("notes").MaxLength(20),
        Enum("status", {"open", "closed"}),
        Int("level").Range(1, 5),
        Decimal("cost").Range(0, 1000.5),
        Bool("active"),
        DateField("due"),
        DateTimeField("seen_at"),
        Reference("parent", "things"),
        ReferenceList("depends_on", "things"),
        User("assignee"),
        Text("code").Pattern("[A-Z]{3}-[0-9]+"),
    };
    return s;
}

json::object Body(std::string_view text) {
    return json::parse(text).as_object();
}

Result<Draft> Create(std::string_view body, const std::vector<FieldSpec>& extension = {}) {
    return ValidateInput(Spec(), extension, Body(body), InputMode::kCreate);
}

Result<Draft> Patch(std::string_view body, const std::vector<FieldSpec>& extension = {}) {
    return ValidateInput(Spec(), extension, Body(body), InputMode::kPatch);
}

/// The field paths of a failed validation, in the order reported.
std::vector<std::string> Fields(const Result<Draft>& r) {
    std::vector<std::string> out;
    if (!r) {
        for (const auto& e : r.error().fields) {
            out.push_back(e.field);
        }
    }
    return out;
}

std::string Message(const Result<Draft>& r, std::string_view field) {
    if (!r) {
        for (const auto& e : r.error().fields) {
            if (e.field == field) {
                return e.message;
            }
        }
    }
    return "<no error for " + std::string(field) + ">";
}

using Strings = std::vector<std::string>;

TEST(ValidateInput, AcceptsEveryTypeAndNormalizes) {
    auto r = Create(R"({
        "name": "Laptop", "notes": "**bold**", "status": "open", "level": 3, "cost": 12.5,
        "active": true, "due": "2026-04-30", "seen_at": "2026-03-01T10:00:00+01:00",
        "parent": 7, "depends_on": [1, 2], "assignee": 4, "code": "ABC-12"})");
    ASSERT_TRUE(r) << r.error().fields.at(0).field << ": " << r.error().fields.at(0).message;
    const json::object& f = r->fields;
    EXPECT_EQ(f.at("name"), "Laptop");
    EXPECT_EQ(f.at("level").as_int64(), 3);
    EXPECT_DOUBLE_EQ(f.at("cost").as_double(), 12.5);
    EXPECT_EQ(f.at("active"), true);
    EXPECT_EQ(f.at("due"), "2026-04-30");
    EXPECT_EQ(f.at("seen_at"), "2026-03-01T09:00:00Z");  // normalized to UTC
    EXPECT_EQ(f.at("depends_on"), (json::array{1, 2}));
    EXPECT_EQ(f.at("assignee").as_int64(), 4);
    EXPECT_FALSE(r->owner.has_value());
    EXPECT_FALSE(r->tags.has_value());
}

TEST(ValidateInput, DecimalAcceptsIntegers) {
    auto r = Create(R"({"name": "x", "cost": 12})");
    ASSERT_TRUE(r);
    EXPECT_DOUBLE_EQ(r->fields.at("cost").as_double(), 12.0);
}

struct BadCase {
    const char* member;  // JSON of one member
    const char* field;
    const char* message_part;
};

class InvalidValue : public ::testing::TestWithParam<BadCase> {};

TEST_P(InvalidValue, IsReportedForItsField) {
    const BadCase& c = GetParam();
    auto r = Create(std::string(R"({"name": "x", )") + c.member + "}");
    ASSERT_FALSE(r) << c.member;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(r), Strings{c.field}) << c.member;
    EXPECT_NE(Message(r, c.field).find(c.message_part), std::string::npos)
        << c.member << " → " << Message(r, c.field);
}

INSTANTIATE_TEST_SUITE_P(
    EveryType,
    InvalidValue,
    ::testing::Values(
        BadCase{R"("notes": 5)", "notes", "must be a string"},
        BadCase{R"("notes": "123456789012345678901")", "notes", "at most 20 characters"},
        BadCase{R"("status": "pending")", "status", "one of: open, closed"},
        BadCase{R"("status": 1)", "status", "must be a string"},
        BadCase{R"("level": 6)", "level", "at least 1 and at most 5"},
        BadCase{R"("level": 0)", "level", "at least 1"},
        BadCase{R"("level": 2.5)", "level", "must be an integer"},
        BadCase{R"("level": "3")", "level", "must be an integer"},
        BadCase{R"("cost": -0.5)", "cost", "at least 0"},
        BadCase{R"("cost": 1000.75)", "cost", "at most 1000.5"},
        BadCase{R"("cost": "12")", "cost", "must be a number"},
        BadCase{R"("active": "yes")", "active", "true or false"},
        BadCase{R"("active": 1)", "active", "true or false"},
        BadCase{R"("due": "2026-02-30")", "due", "YYYY-MM-DD"},
        BadCase{R"("due": "30.04.2026")", "due", "YYYY-MM-DD"},
        BadCase{R"("seen_at": "2026-03-01")", "seen_at", "RFC 3339"},
        BadCase{R"("seen_at": 1700000000)", "seen_at", "must be a string"},
        BadCase{R"("parent": 0)", "parent", "positive id"},
        BadCase{R"("parent": "7")", "parent", "must be an integer"},
        BadCase{R"("assignee": -1)", "assignee", "positive id"},
        BadCase{R"("depends_on": 3)", "depends_on", "array of integers"},
        BadCase{R"("depends_on": [1, 1])", "depends_on[1]", "duplicate id 1"},
        BadCase{R"("depends_on": [1, "2"])", "depends_on[1]", "positive id"},
        BadCase{R"("code": "abc-12")", "code", "must match the pattern"},
        BadCase{R"("code": "xABC-12")", "code", "must match the pattern"}  // whole value
    )
);

TEST(ValidateInput, TextLengthCountsCharactersNotBytes) {
    // Ten characters of two bytes each fit a limit of ten.
    EXPECT_TRUE(Create(R"({"name": "ääääääääää"})"));
    auto r = Create(R"({"name": "äääääääääää"})");
    EXPECT_EQ(Fields(r), Strings{"name"});
}

TEST(ValidateInput, RequiredOnCreate) {
    auto missing = Create(R"({"status": "open"})");
    EXPECT_EQ(Fields(missing), Strings{"name"});
    EXPECT_EQ(Message(missing, "name"), "is required");
    auto null = Create(R"({"name": null})");
    EXPECT_EQ(Fields(null), Strings{"name"});
    auto blank = Create(R"({"name": "  "})");
    EXPECT_EQ(Message(blank, "name"), "must not be blank");
}

TEST(ValidateInput, PatchNeedsNoRequiredFieldsButCannotClearThem) {
    auto r = Patch(R"({"status": "closed"})");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->fields.size(), 1U);
    auto clear_required = Patch(R"({"name": null})");
    EXPECT_EQ(Fields(clear_required), Strings{"name"});
}

TEST(ValidateInput, PatchNullClearsOptionalFields) {
    auto r = Patch(R"({"status": null, "depends_on": null, "owner": null})");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->fields.at("status").is_null());
    EXPECT_TRUE(r->fields.at("depends_on").is_null());
    ASSERT_TRUE(r->owner.has_value());
    EXPECT_FALSE(r->owner->has_value());  // owner cleared
}

TEST(ValidateInput, CreateIgnoresNullForOptionalFields) {
    auto r = Create(R"({"name": "x", "status": null})");
    ASSERT_TRUE(r);
    EXPECT_FALSE(r->fields.contains("status"));
}

TEST(ValidateInput, UnknownAndReadOnlyMembers) {
    auto r = Create(R"({"name": "x", "colour": "red", "id": 3, "version": 2, "ref": "THG-1",
                        "created_at": "2026-01-01T00:00:00Z", "archived": true})");
    EXPECT_EQ(Fields(r), (Strings{"colour", "id", "version", "ref", "created_at", "archived"}));
    EXPECT_EQ(Message(r, "colour"), "unknown field");
    EXPECT_EQ(Message(r, "id"), "is read-only");
    EXPECT_EQ(Message(r, "archived"), "is read-only");
}

TEST(ValidateInput, Owner) {
    auto r = Create(R"({"name": "x", "owner": 5})");
    ASSERT_TRUE(r);
    ASSERT_TRUE(r->owner.has_value() && r->owner->has_value());
    EXPECT_EQ((*r->owner)->value, 5);
    EXPECT_EQ(Fields(Create(R"({"name": "x", "owner": 0})")), Strings{"owner"});
    EXPECT_EQ(Fields(Create(R"({"name": "x", "owner": "5"})")), Strings{"owner"});
}

TEST(ValidateInput, Tags) {
    auto r = Create(R"({"name": "x", "tags": ["pci", "gdpr", "pci"]})");
    ASSERT_TRUE(r);
    EXPECT_EQ(*r->tags, (json::array{"pci", "gdpr"}));  // duplicates dropped, order kept

    EXPECT_EQ(Fields(Create(R"({"name": "x", "tags": "pci"})")), Strings{"tags"});
    EXPECT_EQ(
        Fields(Create(R"({"name": "x", "tags": ["ok", "", 3]})")), (Strings{"tags[1]", "tags[2]"})
    );
    const std::string long_tag(65, 'a');
    EXPECT_EQ(
        Fields(Create(R"({"name": "x", "tags": [")" + long_tag + R"("]})")), Strings{"tags[0]"}
    );
    EXPECT_TRUE(Create(R"({"name": "x", "tags": [")" + std::string(64, 'a') + R"("]})"));
    json::array many;
    for (int i = 0; i < 33; ++i) {
        many.emplace_back("t" + std::to_string(i));
    }
    json::object body{{"name", "x"}, {"tags", many}};
    auto too_many = ValidateInput(Spec(), {}, body, InputMode::kCreate);
    EXPECT_EQ(Fields(too_many), Strings{"tags"});
    EXPECT_NE(Message(too_many, "tags").find("at most 32"), std::string::npos);
}

TEST(ValidateInput, ExtraCustomFields) {
    std::vector<FieldSpec> extension = {
        Int("cost_center").Range(100, 999), Text("vendor").Required()};
    auto ok =
        Create(R"({"name": "x", "extra": {"cost_center": 120, "vendor": "ACME"}})", extension);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->extra->at("cost_center").as_int64(), 120);

    auto bad = Create(R"({"name": "x", "extra": {"cost_center": 5, "colour": "red"}})", extension);
    EXPECT_EQ(Fields(bad), (Strings{"extra.cost_center", "extra.colour", "extra.vendor"}));
    EXPECT_EQ(Message(bad, "extra.colour"), "unknown custom field");
    EXPECT_EQ(Message(bad, "extra.vendor"), "is required");

    // A required custom field is required on create even when `extra` is absent.
    EXPECT_EQ(Fields(Create(R"({"name": "x"})", extension)), Strings{"extra.vendor"});
    // … but not in a patch that leaves `extra` alone.
    EXPECT_TRUE(Patch(R"({"status": "open"})", extension));

    EXPECT_EQ(Fields(Create(R"({"name": "x", "extra": []})")), Strings{"extra"});
    EXPECT_EQ(Fields(Create(R"({"name": "x", "extra": {"a": 1}})")), Strings{"extra.a"});
}

TEST(ValidateInput, ReportsAllErrorsTogether) {
    auto r = Create(R"({"status": "pending", "level": 9, "tags": [1], "bogus": true,
                        "id": 1, "due": "x"})");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(r), (Strings{"status", "level", "tags[0]", "bogus", "id", "due", "name"}));
    for (const auto& e : r.error().fields) {
        EXPECT_FALSE(e.message.empty()) << e.field;
    }
}

TEST(ValidateValue, UsesThePathGiven) {
    std::vector<FieldError> errors;
    EXPECT_FALSE(ValidateValue(Int("n"), json::value("x"), "extra.n", errors));
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].field, "extra.n");
}

TEST(FieldFromJson, RoundTripsThroughFieldToJson) {
    auto f = FieldFromJson(
        json::parse(R"({"name": "tier", "type": "enum", "label": "Tier", "values": ["a", "b"],
                        "required": true})"),
        "fields[0]"
    );
    ASSERT_TRUE(f);
    EXPECT_EQ(f->type, FieldType::kEnum);
    EXPECT_TRUE(f->required);
    const json::object o = FieldToJson(*f);
    EXPECT_EQ(o.at("type"), "enum");
    EXPECT_EQ(o.at("values"), (json::array{"a", "b"}));
}

TEST(FieldFromJson, ErrorsNameThePath) {
    auto f = FieldFromJson(json::parse(R"({"type": "colour", "shade": 1, "pattern": "("})"), "f");
    ASSERT_FALSE(f);
    std::vector<std::string> fields;
    for (const auto& e : f.error().fields) {
        fields.push_back(e.field);
    }
    EXPECT_EQ(fields, (Strings{"f.shade", "f.name", "f.type", "f.pattern"}));
}

}  // namespace
}  // namespace isms::schema
