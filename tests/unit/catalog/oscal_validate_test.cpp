#include "catalog/oscal_validate.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "reference_files.hpp"

namespace isms::catalog {
namespace {

namespace fs = std::filesystem;

std::string Describe(const std::vector<FieldError>& errors) {
    std::string out;
    for (const FieldError& e : errors) {
        out += "\n  " + e.field + ": " + e.message;
    }
    return out;
}

boost::json::value ReadJson(const fs::path& path) {
    return boost::json::parse(testing::ReadText(path));
}

/// Validates a reference document against the schema of its model in one schema version.
std::vector<FieldError> ValidateFile(
    const fs::path& reference, const fs::path& file, std::string_view version
) {
    const boost::json::value document = ReadJson(reference / file);
    const auto model = OscalModelOf(document);
    if (!model) {
        ADD_FAILURE() << file << " is no OSCAL document";
        return {};
    }
    const fs::path schema = reference / "oscal-schemas" / version / OscalSchemaFileName(*model);
    auto errors = ValidateOscal(document, ReadJson(schema));
    if (!errors) {
        ADD_FAILURE() << schema << ": " << errors.error().message;
        return {};
    }
    return std::move(*errors);
}

// --- pattern translation --------------------------------------------------------------------

TEST(TranslateUnicodeProperties, LettersAndNumbersBecomeAsciiOrNonAsciiBytes) {
    using detail::TranslateUnicodeProperties;
    EXPECT_EQ(
        TranslateUnicodeProperties(R"(^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$)"),
        R"(^([A-Za-z\x80-\xFF]|_)([A-Za-z\x80-\xFF]|[0-9\x80-\xFF]|[.\-_])*$)"
    );
    EXPECT_EQ(
        TranslateUnicodeProperties(R"([\p{Lu}\p{Nd}_]+)"), R"([A-Za-z\x80-\xFF0-9\x80-\xFF_]+)"
    );
    EXPECT_EQ(TranslateUnicodeProperties(R"(\P{L}\p{Zs})"), R"([\s\S][\s\S])");
    EXPECT_EQ(TranslateUnicodeProperties(R"(^\S(.*\S)?$)"), R"(^\S(.*\S)?$)");
    EXPECT_EQ(TranslateUnicodeProperties(R"(\\p{L})"), R"(\\p{L})")
        << "an escaped backslash, not \\p";
}

// --- small schemas --------------------------------------------------------------------------

constexpr std::string_view kSmallSchema = R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "http://example.org/small-schema.json",
  "type": "object",
  "definitions": {
    "token": {"$id": "#token", "type": "string", "pattern": "^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$"},
    "item": {"$id": "#item", "type": "object",
             "properties": {"id": {"$ref": "#token"}, "title": {"type": "string"},
                            "count": {"type": "integer", "minimum": 0}},
             "required": ["id", "title"], "additionalProperties": false}
  },
  "properties": {"catalog": {"type": "object",
    "properties": {"items": {"type": "array", "minItems": 1, "items": {"$ref": "#item"}}},
    "required": ["items"]}},
  "required": ["catalog"]
})";

TEST(ValidateOscal, ReportsEveryViolationByPath) {
    const boost::json::value schema = boost::json::parse(kSmallSchema);
    auto valid = ValidateOscal(
        boost::json::parse(
            R"({"catalog": {"items": [{"id": "été-1", "title": "ok"}, {"id": "_x.2", "title": "ok"}]}})"
        ),
        schema
    );
    ASSERT_TRUE(valid) << valid.error().message;
    EXPECT_TRUE(valid->empty()) << Describe(*valid);

    auto invalid = ValidateOscal(
        boost::json::parse(R"({"catalog": {"items": [
            {"id": "1-starts-with-a-digit", "title": "x"},
            {"title": 3, "extra": true},
            {"id": "ok", "title": "x", "count": -1}]}})"),
        schema
    );
    ASSERT_TRUE(invalid) << invalid.error().message;
    const std::vector<FieldError>& errors = *invalid;
    const auto has = [&](std::string_view field, std::string_view words) {
        return std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) {
            return e.field == field && e.message.find(words) != std::string::npos;
        });
    };
    EXPECT_TRUE(
        has("$.catalog.items[0].id", R"("1-starts-with-a-digit" does not match the pattern)")
    ) << Describe(errors);
    EXPECT_TRUE(has("$.catalog.items[1]", "Missing required property 'id'")) << Describe(errors);
    EXPECT_TRUE(has("$.catalog.items[1].title", "type")) << Describe(errors);
    EXPECT_TRUE(has("$.catalog.items[1]", "extra")) << Describe(errors);
    EXPECT_TRUE(has("$.catalog.items[2].count", "greater than or equal to 0")) << Describe(errors);
    EXPECT_EQ(errors.size(), 5U) << "chain messages (\"item #1 failed\") are left out"
                                 << Describe(errors);
}

TEST(ValidateOscal, LongStringsDoNotExhaustTheStack) {
    // libstdc++'s backtracking regex executor recurses per character; this string would overflow.
    const boost::json::value schema =
        boost::json::parse(R"({"type": "string", "pattern": "^[0-9A-Za-z+/]+={0,2}$"})");
    auto errors = ValidateOscal(boost::json::value(std::string(400'000, 'Q') + "=="), schema);
    ASSERT_TRUE(errors) << errors.error().message;
    EXPECT_TRUE(errors->empty()) << Describe(*errors);
}

TEST(ValidateOscal, UnusableSchemaIsAnError) {
    auto broken = ValidateOscal(
        boost::json::parse("{}"),
        boost::json::parse(R"({"properties": {"a": {"$ref": "#/definitions/missing"}}})")
    );
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(broken.error().message.find("the schema cannot be used"), std::string::npos)
        << broken.error().message;

    auto bad_pattern =
        OscalSchema::Prepare(boost::json::parse(R"({"type": "string", "pattern": "(unclosed"})"));
    EXPECT_FALSE(bad_pattern);
}

TEST(ValidateOscal, SchemaFileNames) {
    EXPECT_STREQ(OscalSchemaFileName(OscalModel::kSystemSecurityPlan), "oscal_ssp_schema.json");
    EXPECT_STREQ(
        OscalSchemaFileName(OscalModel::kPlanOfActionAndMilestones), "oscal_poam_schema.json"
    );
    EXPECT_STREQ(
        OscalSchemaFileName(OscalModel::kAssessmentPlan), "oscal_assessment-plan_schema.json"
    );
}

// --- the real schemas and documents (SOURCES.md §2–§4) ---------------------------------------

TEST(ValidateOscal, NistExamplesAndBaselinesAreValidUnder112And121) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir / "nist-oscal-content/examples")) {
        files.push_back(fs::relative(entry.path(), dir));
    }
    std::sort(files.begin(), files.end());
    EXPECT_EQ(files.size(), 7U);
    for (const char* level : {"LOW", "MODERATE", "HIGH", "PRIVACY"}) {
        files.push_back(
            fs::path("nist-oscal-content/sp800-53-rev5")
            / ("NIST_SP-800-53_rev5_" + std::string(level) + "-baseline_profile.json")
        );
    }
    for (const fs::path& file : files) {
        for (const char* version : {"1.1.2", "1.2.1"}) {
            const auto errors = ValidateFile(dir, file, version);
            EXPECT_TRUE(errors.empty()) << file << " under " << version << Describe(errors);
        }
    }
}

TEST(ValidateOscal, FedrampTemplatesFail121OnOneEmptyString) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const std::map<std::string, std::string> expected = {
        {"FedRAMP-SAR-OSCAL-Template.json",
         "$.assessment-results.results[0].risks[1].remediations[0].title"},
        {"FedRAMP-SAP-OSCAL-Template.json", "$.assessment-plan.metadata.roles[14].title"},
    };
    for (const auto& [file, path] : expected) {
        const fs::path relative = fs::path("fedramp-automation") / file;
        const auto under_121 = ValidateFile(dir, relative, "1.2.1");
        ASSERT_EQ(under_121.size(), 1U) << file << Describe(under_121);
        EXPECT_EQ(under_121.front().field, path);
        EXPECT_EQ(
            under_121.front().message, R"("" does not match the pattern the schema requires)"
        );
        const auto under_112 = ValidateFile(dir, relative, "1.1.2");
        EXPECT_TRUE(under_112.empty()) << file << Describe(under_112);
    }
    for (const char* file :
         {"FedRAMP-SSP-OSCAL-Template.json", "FedRAMP-POAM-OSCAL-Template.json"}) {
        for (const char* version : {"1.1.2", "1.2.1"}) {
            const auto errors = ValidateFile(dir, fs::path("fedramp-automation") / file, version);
            EXPECT_TRUE(errors.empty()) << file << " under " << version << Describe(errors);
        }
    }
}

TEST(ValidateOscal, LargeCatalogsAreValid) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    for (const char* file : {
             "NIST_SP-800-53_rev5_catalog.json",
             "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json",
         }) {
        const boost::json::value document =
            ReadJson(dir / "nist-oscal-content/sp800-53-rev5" / file);
        for (const char* version : {"1.1.2", "1.2.1"}) {
            auto schema = OscalSchema::Prepare(
                ReadJson(dir / "oscal-schemas" / version / "oscal_catalog_schema.json")
            );
            ASSERT_TRUE(schema) << schema.error().message;
            const auto started = std::chrono::steady_clock::now();
            const auto errors = schema->Validate(document);
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - started
            );
            std::cout << "[ timing   ] " << file << " under " << version << ": " << took.count()
                      << " ms\n";
            EXPECT_TRUE(errors.empty()) << file << " under " << version << Describe(errors);
        }
    }
}

}  // namespace
}  // namespace isms::catalog
