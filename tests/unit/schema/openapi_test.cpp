#include "schema/openapi.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "schema/list_query.hpp"

namespace isms::schema {
namespace {

Registry MakeRegistry() {
    RegisterSpec assets;
    assets.name = "assets";
    assets.title = "Assets";
    assets.ref_prefix = "AST";
    assets.clause = "A.5.9";
    assets.fields = {
        Text("name").Required().MaxLength(200).Describe("What the asset is called."),
        Markdown("notes"),
        Enum("kind", {"primary", "supporting"}).Required(),
        Enum("classification", {"public", "internal"}),
        Int("confidentiality").Range(1, 5),
        Decimal("value").Range(0, 1e6),
        Bool("in_scope"),
        DateField("review_date"),
        DateTimeField("seen_at"),
        Reference("parent", "assets"),
        ReferenceList("depends_on", "assets"),
        User("custodian"),
        Text("code").Pattern("[A-Z]{3}"),
    };
    RegisterSpec risks;
    risks.name = "treatment_actions";
    risks.title = "Treatment actions";
    risks.ref_prefix = "TRA";
    risks.fields = {Text("title").Required()};
    Registry registry;
    EXPECT_TRUE(registry.Add(assets));
    EXPECT_TRUE(registry.Add(risks));
    return registry;
}

std::vector<ExtraOperation> Extra() {
    return {
        {"POST", "/api/v1/tokens", "Issue an API token", "auth", true},
        {"GET", "/healthz", "Liveness", "system", false},
        {"DELETE", "/api/v1/tokens/{id}", "Revoke an API token", "auth", true},
        {"POST", "/api/v1/auth/login", "Log on", "auth", false},
        {"GET", "/api/v1/tokens", "List API tokens", "auth", true},
    };
}

class OpenApiTest : public ::testing::Test {
protected:
    const json::object& Schema(std::string_view name) {
        return doc_.at("components").at("schemas").at(name).as_object();
    }
    const json::object& Property(std::string_view schema, std::string_view name) {
        return Schema(schema).at("properties").at(name).as_object();
    }
    const json::object& Op(std::string_view path, std::string_view method) {
        return doc_.at("paths").at(path).at(method).as_object();
    }

    Registry registry_ = MakeRegistry();
    json::object doc_ = BuildOpenApi(registry_, Extra(), "1.2.3");
};

TEST_F(OpenApiTest, Header) {
    EXPECT_EQ(doc_.at("openapi"), "3.1.0");
    EXPECT_EQ(doc_.at("info").at("title"), "isms API");
    EXPECT_EQ(doc_.at("info").at("version"), "1.2.3");
    EXPECT_EQ(doc_.at("servers"), (json::array{json::object{{"url", "/"}}}));
}

TEST_F(OpenApiTest, SecuritySchemes) {
    const auto& schemes = doc_.at("components").at("securitySchemes");
    EXPECT_EQ(schemes.at("bearerAuth").at("type"), "http");
    EXPECT_EQ(schemes.at("bearerAuth").at("scheme"), "bearer");
    EXPECT_EQ(schemes.at("cookieAuth").at("type"), "apiKey");
    EXPECT_EQ(schemes.at("cookieAuth").at("in"), "cookie");
    EXPECT_EQ(schemes.at("cookieAuth").at("name"), "isms_session");
    EXPECT_EQ(schemes.at("csrfToken").at("name"), "X-CSRF-Token");

    // Reads accept either credential; writes with the cookie also need the CSRF header.
    const json::array& read = Op("/api/v1/assets", "get").at("security").as_array();
    ASSERT_EQ(read.size(), 2U);
    EXPECT_FALSE(read[1].as_object().contains("csrfToken"));
    const json::array& write = Op("/api/v1/assets", "post").at("security").as_array();
    ASSERT_EQ(write.size(), 2U);
    EXPECT_TRUE(write[0].as_object().contains("bearerAuth"));
    EXPECT_TRUE(write[1].as_object().contains("cookieAuth"));
    EXPECT_TRUE(write[1].as_object().contains("csrfToken"));
    EXPECT_TRUE(Op("/healthz", "get").at("security").as_array().empty());
}

TEST_F(OpenApiTest, PathPerRegisterOperation) {
    for (const std::string name : {"assets", "treatment_actions"}) {
        const std::string base = "/api/v1/" + name;
        const auto& paths = doc_.at("paths").as_object();
        for (const auto& [path, methods] :
             std::vector<std::pair<std::string, std::vector<const char*>>>{
                 {base, {"get", "post"}},
                 {base + "/export.csv", {"get"}},
                 {base + "/{id}", {"get", "patch", "delete"}},
                 {base + "/{id}/history", {"get"}},
             }) {
            ASSERT_TRUE(paths.contains(path)) << path;
            for (const char* method : methods) {
                EXPECT_TRUE(paths.at(path).as_object().contains(method)) << method << " " << path;
            }
        }
    }
    EXPECT_EQ(
        Op("/api/v1/assets", "post")
            .at("responses")
            .at("201")
            .at("content")
            .at("application/json")
            .at("schema")
            .at("$ref"),
        "#/components/schemas/Assets"
    );
    EXPECT_EQ(
        Op("/api/v1/assets", "post")
            .at("requestBody")
            .at("content")
            .at("application/json")
            .at("schema")
            .at("$ref"),
        "#/components/schemas/AssetsInput"
    );
    EXPECT_EQ(
        Op("/api/v1/assets", "get")
            .at("responses")
            .at("200")
            .at("content")
            .at("application/json")
            .at("schema")
            .at("$ref"),
        "#/components/schemas/AssetsPage"
    );
    EXPECT_TRUE(Op("/api/v1/assets/export.csv", "get")
                    .at("responses")
                    .at("200")
                    .at("content")
                    .as_object()
                    .contains("text/csv"));
    EXPECT_TRUE(Op("/api/v1/assets/{id}", "patch").at("responses").as_object().contains("412"));
    EXPECT_EQ(
        Op("/api/v1/assets/{id}", "patch").at("responses").at("422").at("$ref"),
        "#/components/responses/Invalid"
    );
    EXPECT_EQ(
        doc_.at("components")
            .at("responses")
            .at("Invalid")
            .at("content")
            .at("application/problem+json")
            .at("schema")
            .at("$ref"),
        "#/components/schemas/Problem"
    );
    // Snake-case register names become PascalCase schema names.
    EXPECT_TRUE(doc_.at("components").at("schemas").as_object().contains("TreatmentActionsInput"));
}

TEST_F(OpenApiTest, ListParameters) {
    std::set<std::string> names;
    for (const json::value& p : Op("/api/v1/assets", "get").at("parameters").as_array()) {
        const json::object& o = p.as_object();
        if (o.contains("$ref")) {
            const std::string ref(o.at("$ref").as_string());
            names.insert(ref.substr(ref.rfind('/') + 1));
        } else {
            names.insert(std::string(o.at("name").as_string()));
        }
    }
    for (const char* expected :
         {"q",
          "sort",
          "limit",
          "offset",
          "archived",
          "tag",
          "name",
          "kind",
          "confidentiality",
          "depends_on",
          "custodian",
          "review_date"}) {
        EXPECT_TRUE(names.contains(expected)) << expected;
    }
    EXPECT_FALSE(names.contains("notes"));  // markdown is not filterable
    const auto& limit = doc_.at("components").at("parameters").at("limit").at("schema");
    EXPECT_EQ(limit.at("maximum").as_int64(), kMaxPageSize);
}

TEST_F(OpenApiTest, OutputSchemaHasCommonAndDeclaredFields) {
    const json::object& record = Schema("Assets");
    std::vector<std::string> names;
    for (const auto& [key, value] : record.at("properties").as_object()) {
        names.emplace_back(key);
    }
    const std::vector<std::string> expected = {
        "id",          "ref",     "version",        "created_at",      "created_by",  "updated_at",
        "updated_by",  "owner",   "tags",           "archived",        "archived_at", "name",
        "notes",       "kind",    "classification", "confidentiality", "value",       "in_scope",
        "review_date", "seen_at", "parent",         "depends_on",      "custodian",   "code",
        "extra"};
    EXPECT_EQ(names, expected);  // the order RecordToJson writes
    EXPECT_EQ(record.at("required").as_array().size(), expected.size());
}

TEST_F(OpenApiTest, FieldTypes) {
    EXPECT_EQ(Property("Assets", "name").at("type"), "string");
    EXPECT_EQ(Property("Assets", "name").at("maxLength").to_number<int>(), 200);
    EXPECT_EQ(Property("Assets", "name").at("description"), "What the asset is called.");
    EXPECT_EQ(Property("Assets", "notes").at("type"), (json::array{"string", "null"}));
    EXPECT_EQ(Property("Assets", "notes").at("maxLength").to_number<int>(), 100'000);
    EXPECT_EQ(Property("Assets", "kind").at("enum"), (json::array{"primary", "supporting"}));
    EXPECT_EQ(
        Property("Assets", "classification").at("enum"),
        (json::array{"public", "internal", nullptr})
    );
    EXPECT_EQ(Property("Assets", "confidentiality").at("type"), (json::array{"integer", "null"}));
    EXPECT_EQ(Property("Assets", "confidentiality").at("minimum"), 1);
    EXPECT_EQ(Property("Assets", "confidentiality").at("maximum"), 5);
    EXPECT_EQ(Property("Assets", "value").at("type"), (json::array{"number", "null"}));
    EXPECT_EQ(Property("Assets", "in_scope").at("type"), (json::array{"boolean", "null"}));
    EXPECT_EQ(Property("Assets", "review_date").at("format"), "date");
    EXPECT_EQ(Property("Assets", "seen_at").at("format"), "date-time");
    EXPECT_EQ(Property("Assets", "parent").at("type"), (json::array{"integer", "null"}));
    EXPECT_EQ(Property("Assets", "custodian").at("type"), (json::array{"integer", "null"}));
    EXPECT_EQ(Property("Assets", "depends_on").at("type"), (json::array{"array", "null"}));
    EXPECT_EQ(Property("Assets", "depends_on").at("items").at("type"), "integer");
    EXPECT_EQ(Property("Assets", "code").at("pattern"), "^(?:[A-Z]{3})$");
    EXPECT_EQ(Property("Assets", "tags").at("items").at("type"), "string");
    EXPECT_EQ(Property("Assets", "created_at").at("format"), "date-time");
}

TEST_F(OpenApiTest, InputSchema) {
    const json::object& input = Schema("AssetsInput");
    EXPECT_EQ(input.at("additionalProperties"), false);
    EXPECT_EQ(input.at("required"), (json::array{"name", "kind"}));
    const json::object& props = input.at("properties").as_object();
    for (const char* writable : {"name", "kind", "depends_on", "owner", "tags", "extra"}) {
        EXPECT_TRUE(props.contains(writable)) << writable;
    }
    for (const char* read_only : {"id", "ref", "version", "created_at", "archived"}) {
        EXPECT_FALSE(props.contains(read_only)) << read_only;
    }
    EXPECT_FALSE(Schema("AssetsPatch").contains("required"));
    EXPECT_EQ(
        Schema("AssetsPage").at("properties").at("items").at("items").at("$ref"),
        "#/components/schemas/Assets"
    );
    EXPECT_EQ(Schema("Problem").at("required"), (json::array{"type", "title", "status"}));
}

TEST_F(OpenApiTest, ExtraOperations) {
    EXPECT_EQ(Op("/api/v1/tokens", "post").at("summary"), "Issue an API token");
    EXPECT_EQ(Op("/api/v1/tokens", "post").at("tags"), (json::array{"auth"}));
    EXPECT_EQ(Op("/api/v1/tokens/{id}", "delete").at("operationId"), "deleteTokensById");
    const json::array& params =
        doc_.at("paths").at("/api/v1/tokens/{id}").at("parameters").as_array();
    ASSERT_EQ(params.size(), 1U);
    EXPECT_EQ(params[0].at("name"), "id");
    EXPECT_EQ(params[0].at("in"), "path");
    EXPECT_EQ(params[0].at("required"), true);
    EXPECT_TRUE(Op("/api/v1/auth/login", "post").at("security").as_array().empty());

    // Extra paths are sorted after the register paths; within a path, get comes first.
    std::vector<std::string> paths;
    for (const auto& [key, value] : doc_.at("paths").as_object()) {
        paths.emplace_back(key);
    }
    const std::vector<std::string> tail(paths.end() - 4, paths.end());
    EXPECT_EQ(
        tail,
        (std::vector<std::string>{
            "/api/v1/auth/login", "/api/v1/tokens", "/api/v1/tokens/{id}", "/healthz"})
    );
    std::vector<std::string> methods;
    for (const auto& [key, value] : doc_.at("paths").at("/api/v1/tokens").as_object()) {
        methods.emplace_back(key);
    }
    EXPECT_EQ(methods, (std::vector<std::string>{"get", "post"}));
}

TEST_F(OpenApiTest, OperationIdsAreUnique) {
    std::set<std::string> ids;
    std::size_t count = 0;
    for (const auto& [path, item] : doc_.at("paths").as_object()) {
        for (const auto& [method, op] : item.as_object()) {
            if (method == "parameters") {
                continue;
            }
            ++count;
            ids.insert(std::string(op.at("operationId").as_string()));
        }
    }
    EXPECT_EQ(ids.size(), count);
    EXPECT_EQ(count, 2U * 7U + 5U);
}

TEST_F(OpenApiTest, Deterministic) {
    const std::string first = json::serialize(doc_);
    EXPECT_EQ(json::serialize(BuildOpenApi(registry_, Extra(), "1.2.3")), first);
    // The order routes were registered in does not change the document.
    std::vector<ExtraOperation> reversed = Extra();
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(json::serialize(BuildOpenApi(registry_, reversed, "1.2.3")), first);
}

TEST_F(OpenApiTest, EmptyRegistry) {
    const json::object doc = BuildOpenApi(Registry{}, {}, "0");
    EXPECT_TRUE(doc.at("paths").as_object().empty());
    EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("Problem"));
}

}  // namespace
}  // namespace isms::schema
