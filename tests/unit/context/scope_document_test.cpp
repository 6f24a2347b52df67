// DecodeScope and SameScope: the scope statement's content, its field errors and what counts as
// a change.
#include "context/scope_document.hpp"

#include <gtest/gtest.h>

namespace isms::context {
namespace {

json::object Parse(std::string_view text) {
    auto v = ParseJsonObject(text);
    EXPECT_TRUE(v) << text;
    return *v;
}

TEST(DecodeScope, FillsEveryListAndTheComment) {
    auto scope = DecodeScope(Parse(R"({"statement": "The shop", "in_scope": ["Shop"]})"));
    ASSERT_TRUE(scope) << scope.error().message;
    EXPECT_EQ(scope->at("statement"), "The shop");
    EXPECT_EQ(scope->at("in_scope"), json::array{"Shop"});
    for (const char* list : {"out_of_scope", "interfaces", "dependencies", "exclusions"}) {
        EXPECT_TRUE(scope->at(list).as_array().empty()) << list;
    }
    EXPECT_EQ(scope->at("comment"), "");
}

TEST(DecodeScope, NamesEveryBadField) {
    auto scope = DecodeScope(Parse(
        R"({"statement": 3, "dependencies": ["", "x", "x"], "exclusions": [{"reason": "r"}]})"
    ));
    ASSERT_FALSE(scope);
    ASSERT_EQ(scope.error().code, ErrorCode::kInvalidArgument);
    std::vector<std::string> fields;
    for (const FieldError& f : scope.error().fields) {
        fields.push_back(f.field);
    }
    EXPECT_EQ(
        fields,
        (std::vector<std::string>{
            "statement", "dependencies[0]", "dependencies[2]", "exclusions[0].what"})
    );
}

TEST(DecodeScope, RefusesTooLongItemsAndTooManyOfThem) {
    json::array many;
    for (int i = 0; i < 201; ++i) {
        many.emplace_back("item " + std::to_string(i));
    }
    auto scope = DecodeScope(json::object{
        {"statement", "s"}, {"interfaces", many}, {"in_scope", json::array{std::string(1001, 'x')}}}
    );
    ASSERT_FALSE(scope);
    ASSERT_EQ(scope.error().fields.size(), 2U);
    EXPECT_EQ(scope.error().fields[0].field, "in_scope[0]");
    EXPECT_EQ(scope.error().fields[1].field, "interfaces");
}

TEST(SameScope, IgnoresTheCommentAndVersionButNotTheContent) {
    auto a = DecodeScope(Parse(R"({"statement": "S", "in_scope": ["A"], "comment": "one"})"));
    auto b = DecodeScope(Parse(R"({"statement": "S", "in_scope": ["A"], "comment": "two"})"));
    auto c = DecodeScope(Parse(R"({"statement": "S", "in_scope": ["A", "B"]})"));
    ASSERT_TRUE(a && b && c);
    json::object stored = *a;
    stored["version"] = 3;
    EXPECT_TRUE(SameScope(stored, *b));
    EXPECT_FALSE(SameScope(stored, *c));
}

}  // namespace
}  // namespace isms::context
