#include "catalog/tabular_import.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "reference_files.hpp"
#include "schema/csv.hpp"

namespace isms::catalog {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Result<Library> ImportCsv(std::string_view text, std::string_view source = "t.csv") {
    ISMS_TRY_ASSIGN(const Table table, ParseCsv(text, source));
    return ImportTabular(table, source);
}

/// Passes when `error` lists a problem at `location` whose message contains `text`.
::testing::AssertionResult HasProblem(
    const Error& error, std::string_view location, std::string_view text
) {
    for (const auto& problem : error.fields) {
        if (problem.field == location && problem.message.find(text) != std::string::npos) {
            return ::testing::AssertionSuccess();
        }
    }
    auto failure = ::testing::AssertionFailure();
    failure << "no problem at " << location << " containing \"" << text << "\"; found:";
    for (const auto& problem : error.fields) {
        failure << "\n  " << problem.field << ": " << problem.message;
    }
    return failure;
}

const Node* FindNode(const Framework& framework, std::string_view ref_id) {
    for (const auto& node : framework.nodes) {
        if (node.ref_id == ref_id) {
            return &node;
        }
    }
    return nullptr;
}

std::filesystem::path TemplatePath(std::string_view name) {
    return std::filesystem::path(ISMS_SOURCE_DIR) / "docs" / "templates" / name;
}

// --- CSV --------------------------------------------------------------------------------------

TEST(ParseCsv, ReadsQuotedCellsAndCountsPhysicalLines) {
    const auto table = ParseCsv(
        "\xEF\xBB\xBF"
        "a,b,c\r\n"
        "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
        "2,\"line1\r\nline2\",z\n"
        "3,,\n",
        "t.csv"
    );
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(
        table->rows,
        (Rows{
            {"a", "b", "c"}, {"1", "x, y", "say \"hi\""}, {"2", "line1\nline2", "z"}, {"3", "", ""}}
        )
    );
    EXPECT_EQ(table->lines, (std::vector<std::size_t>{1, 2, 3, 5}));
}

TEST(ParseCsv, KeepsBlankLinesAndTrailingEmptyCells) {
    const auto table = ParseCsv("a,b\n\n1,\r2,\"\"", "t.csv");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->rows, (Rows{{"a", "b"}, {""}, {"1", ""}, {"2", ""}}));
    EXPECT_EQ(table->lines, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST(ParseCsv, UnterminatedQuoteIsMalformedAtTheLineItOpens) {
    const auto table = ParseCsv("a,b\n1,2\n3,\"open\n4,5\n", "t.csv");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(table.error().message.find("t.csv:line 3"), std::string::npos)
        << table.error().message;
    EXPECT_NE(table.error().message.find("not closed"), std::string::npos);
}

TEST(ParseCsv, TextAfterAClosingQuoteIsMalformed) {
    const auto table = ParseCsv("a,b\n\"x\"y,2\n", "t.csv");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(table.error().message.find("t.csv:line 2"), std::string::npos)
        << table.error().message;
}

// --- Frameworks -------------------------------------------------------------------------------

TEST(ImportTabular, FrameworkTemplateImports) {
    const std::string text = testing::ReadText(TemplatePath("framework-template.csv"));
    ASSERT_FALSE(text.empty()) << "template missing: " << TemplatePath("framework-template.csv");
    const auto library = ImportCsv(text, "framework-template.csv");
    ASSERT_TRUE(library) << library.error().message;

    EXPECT_EQ(library->urn, "urn:isms:library:example-supplier-requirements");
    EXPECT_EQ(library->version, "1");
    EXPECT_EQ(library->format, Format::kCsv);
    EXPECT_EQ(library->source, "framework-template.csv");
    EXPECT_EQ(library->ref_id, "ESR 1.0");
    EXPECT_EQ(library->name, "Example supplier security requirements");
    EXPECT_FALSE(IsAttributeOverlay(*library));
    ASSERT_EQ(library->frameworks.size(), 1U);
    EXPECT_TRUE(library->mapping_sets.empty());

    const Framework& framework = library->frameworks[0];
    EXPECT_EQ(framework.urn, "urn:isms:framework:example-supplier-requirements");
    EXPECT_EQ(framework.name, "Example supplier security requirements");
    std::vector<std::string> order;
    for (const auto& node : framework.nodes) {
        order.push_back(node.ref_id);
    }
    EXPECT_EQ(order, (std::vector<std::string>{"S", "S.1", "S.2", "T", "T.1", "T.2", "T.3"}));

    const Node* section = FindNode(framework, "S");
    const Node* contact = FindNode(framework, "S.1");
    const Node* incidents = FindNode(framework, "S.2");
    const Node* mfa = FindNode(framework, "T.2");
    const Node* retired = FindNode(framework, "T.3");
    ASSERT_TRUE(section && contact && incidents && mfa && retired);
    EXPECT_EQ(contact->urn, "urn:isms:framework:example-supplier-requirements:s.1");
    EXPECT_EQ(contact->parent_urn, section->urn);
    EXPECT_EQ(section->parent_urn, "");
    EXPECT_EQ(section->depth, 1);
    EXPECT_EQ(contact->depth, 2);
    EXPECT_FALSE(section->assessable);  // has children: not assessable by default
    EXPECT_TRUE(contact->assessable);   // a leaf: assessable by default
    EXPECT_TRUE(mfa->assessable);
    EXPECT_TRUE(retired->withdrawn);
    EXPECT_FALSE(contact->withdrawn);
    EXPECT_EQ(contact->kind, "requirement");
    EXPECT_NE(incidents->annotation.find("\"later\""), std::string::npos);
    EXPECT_EQ(
        incidents->attributes.at("control_type"),
        (std::vector<std::string>{"detective", "corrective"})
    );
    EXPECT_TRUE(retired->attributes.empty());

    ASSERT_EQ(framework.attribute_vocabularies.size(), 2U);
    EXPECT_EQ(framework.attribute_vocabularies[0].id, "control_type");
    EXPECT_EQ(
        framework.attribute_vocabularies[0].values,
        (std::vector<std::string>{"preventive", "detective", "corrective"})
    );
    EXPECT_EQ(framework.attribute_vocabularies[1].id, "security_domains");
}

TEST(ImportTabular, ParentsMayFollowTheirChildrenAndTableWideValuesMayRepeat) {
    const auto library = ImportCsv(
        "Framework_URN,ref_id,parent,name,version,new\n"
        "urn:isms:framework:f,a.1.1,A.1,Leaf,2,yes\n"
        "urn:isms:framework:f,A.1,A,Middle,2,\n"
        "urn:isms:framework:f,A,,Top,2,no\n"
    );
    ASSERT_TRUE(library) << library.error().message;
    EXPECT_EQ(library->version, "2");
    const Framework& framework = library->frameworks[0];
    ASSERT_EQ(framework.nodes.size(), 3U);
    EXPECT_EQ(framework.nodes[0].ref_id, "A");
    EXPECT_EQ(framework.nodes[1].ref_id, "A.1");
    EXPECT_EQ(framework.nodes[2].ref_id, "a.1.1");
    EXPECT_EQ(framework.nodes[2].depth, 3);
    EXPECT_EQ(framework.nodes[2].parent_urn, "urn:isms:framework:f:a.1");
    EXPECT_TRUE(framework.nodes[2].is_new);
    EXPECT_EQ(framework.name, "urn:isms:framework:f");  // no framework_name, no ref_id
}

TEST(ImportTabular, FormulaLookingCellsAreText) {
    const auto library = ImportCsv(
        "framework_urn,ref_id,name,description\n"
        "urn:isms:framework:f,X.1,=1+1,\"=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"\n"
    );
    ASSERT_TRUE(library) << library.error().message;
    const Node& node = library->frameworks[0].nodes[0];
    EXPECT_EQ(node.name, "=1+1");
    EXPECT_EQ(node.description, "=HYPERLINK(\"http://example.invalid\",\"x\")");
}

TEST(ImportTabular, BrokenFrameworkReportsEveryProblemWithItsLine) {
    const auto library = ImportCsv(
        "framework_urn,ref_id,parent,name,assessable,colour\n"  // 1: unknown column
        "urn:isms:framework:broken,A,,Alpha,yes,\n"             // 2
        ",B,A,,maybe,\n"                                        // 3: empty name, bad yes/no
        ",a,,Again,,\n"                                         // 4: duplicate of A
        ",C,Z,Gamma,,\n"                                        // 5: unknown parent
        "urn:isms:framework:other,D,A,Delta,,\n"                // 6: inconsistent urn
        ",E,A,Too short\n"                                      // 7: ragged
        ",F,A,\"Two\n"                                          // 8: ragged (record starts)
        "lines\",,,extra\n"                                     // 9
        ",G,Q,Gee,,\n"                                          // 10: unknown parent
    );
    ASSERT_FALSE(library);
    const Error& error = library.error();
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
    EXPECT_NE(error.message.find("t.csv: 9 problems found, nothing imported"), std::string::npos)
        << error.message;
    EXPECT_TRUE(HasProblem(error, "t.csv:line 1", "unknown column \"colour\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 3", "name is empty"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 3", "assessable \"maybe\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 4", "duplicate ref_id \"a\" (first on line 2)"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 5", "parent \"Z\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 6", "inconsistent framework_urn"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 7", "ragged row: 4 cells"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 8", "ragged row: a value in column 7"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 10", "parent \"Q\""));
    EXPECT_EQ(error.fields.size(), 9U) << "one problem per line marked above, two on line 3";
}

TEST(ImportTabular, ParentCyclesAreReportedOnceAtTheirFirstRow) {
    const auto library = ImportCsv(
        "framework_urn,ref_id,parent,name\n"
        "urn:isms:framework:cyclic,A,C,Alpha\n"
        ",B,A,Beta\n"
        ",C,B,Gamma\n"
        ",D,D,Delta\n"
        ",E,,Root\n"
        ",F,E,Leaf\n"
    );
    ASSERT_FALSE(library);
    const Error& error = library.error();
    EXPECT_TRUE(HasProblem(error, "t.csv:line 2", "parent cycle: A → C → B → A"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 5", "parent cycle: D → D"));
    EXPECT_EQ(error.fields.size(), 2U);
}

TEST(ImportTabular, MissingColumnsAreReportedOnceNotPerRow) {
    const auto library = ImportCsv("ref_id,description\nA,x\nB,y\n");
    ASSERT_FALSE(library);
    const Error& error = library.error();
    EXPECT_TRUE(HasProblem(error, "t.csv:line 1", "missing required column \"framework_urn\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 1", "missing required column \"name\""));
    EXPECT_EQ(error.fields.size(), 2U);
}

TEST(ImportTabular, HeaderProblems) {
    const auto unknown_kind = ImportCsv("foo,bar\n1,2\n");
    ASSERT_FALSE(unknown_kind);
    EXPECT_TRUE(HasProblem(unknown_kind.error(), "t.csv:line 1", "cannot tell the kind"));

    const auto mixed = ImportCsv("ref_id,name,source,target,relationship\nA,B,C,D,equal\n");
    ASSERT_FALSE(mixed);
    EXPECT_TRUE(HasProblem(mixed.error(), "t.csv:line 1", "mixes a framework"));

    const auto empty = ImportCsv("\n,,\n");
    ASSERT_FALSE(empty);
    EXPECT_TRUE(HasProblem(empty.error(), "t.csv:line 1", "the table is empty"));

    const auto header_only = ImportCsv("\nframework_urn,ref_id,name\n");
    ASSERT_FALSE(header_only);
    EXPECT_TRUE(HasProblem(header_only.error(), "t.csv:line 2", "no data rows"));

    const auto twice = ImportCsv("framework_urn,ref_id,,name,REF_ID\nurn:x:f,A,,N,A\n");
    ASSERT_FALSE(twice);
    EXPECT_TRUE(HasProblem(twice.error(), "t.csv:line 1", "column 3 has no name"));
    EXPECT_TRUE(HasProblem(twice.error(), "t.csv:line 1", "column \"ref_id\" appears twice"));
}

TEST(ImportTabular, FrameworkUrnMustBeGivenAndBeAUrn) {
    const auto missing = ImportCsv("framework_urn,ref_id,name\n,A,Alpha\n,B,Beta\n");
    ASSERT_FALSE(missing);
    EXPECT_TRUE(HasProblem(missing.error(), "t.csv:line 2", "framework_urn is empty on every row"));

    const auto not_urn = ImportCsv("framework_urn,ref_id,name\nmy framework,A,Alpha\n");
    ASSERT_FALSE(not_urn);
    EXPECT_TRUE(HasProblem(not_urn.error(), "t.csv:line 2", "\"my framework\" is not a URN"));
}

// --- Attribute overlays -----------------------------------------------------------------------

TEST(ImportTabular, AttributeOverlayTargetsAnotherFramework) {
    const auto library = ImportCsv(
        "framework_urn,ref_id,attr:control_type,attr:security_domains\n"
        "urn:isms:framework:iso27001-2022,A.5.1,preventive,governance_and_ecosystem; resilience\n"
        ",A.8.24,preventive,protection\n"
        ",A.5.25,detective;corrective,\n",
        "iso27002-attributes.csv"
    );
    ASSERT_TRUE(library) << library.error().message;
    EXPECT_TRUE(IsAttributeOverlay(*library));
    EXPECT_EQ(library->urn, "urn:isms:library:attribute-overlay:iso27001-2022");
    EXPECT_EQ(library->format, Format::kCsv);
    EXPECT_TRUE(library->dependencies.empty());
    ASSERT_EQ(library->frameworks.size(), 1U);
    const Framework& framework = library->frameworks[0];
    EXPECT_EQ(framework.urn, "urn:isms:framework:iso27001-2022");
    EXPECT_TRUE(framework.name.empty());
    ASSERT_EQ(framework.nodes.size(), 3U);
    const Node& first = framework.nodes[0];
    EXPECT_EQ(first.urn, "urn:isms:framework:iso27001-2022:a.5.1");
    EXPECT_EQ(first.ref_id, "A.5.1");
    EXPECT_TRUE(first.name.empty());
    EXPECT_TRUE(first.parent_urn.empty());
    EXPECT_EQ(
        first.attributes.at("security_domains"),
        (std::vector<std::string>{"governance_and_ecosystem", "resilience"})
    );
    EXPECT_FALSE(framework.nodes[2].attributes.contains("security_domains"));
    ASSERT_EQ(framework.attribute_vocabularies.size(), 2U);
    EXPECT_EQ(
        framework.attribute_vocabularies[0].values,
        (std::vector<std::string>{"preventive", "detective", "corrective"})
    );
}

TEST(ImportTabular, AttributeOverlayTakesNoOtherColumns) {
    const auto library = ImportCsv(
        "framework_urn,ref_id,description,attr:control_type\n"
        "urn:isms:framework:iso27001-2022,A.5.1,x,preventive\n"
        ",A.5.1,y,detective\n"
    );
    ASSERT_FALSE(library);
    EXPECT_TRUE(HasProblem(library.error(), "t.csv:line 1", "add a name column"));
    EXPECT_TRUE(HasProblem(library.error(), "t.csv:line 3", "duplicate ref_id"));
}

// --- Mappings ---------------------------------------------------------------------------------

TEST(ImportTabular, MappingTemplateImports) {
    const std::string text = testing::ReadText(TemplatePath("mapping-template.csv"));
    ASSERT_FALSE(text.empty()) << "template missing: " << TemplatePath("mapping-template.csv");
    const auto library = ImportCsv(text, "mapping-template.csv");
    ASSERT_TRUE(library) << library.error().message;

    EXPECT_EQ(library->urn, "urn:isms:library:example-supplier-requirements-to-iso27001-2022");
    EXPECT_EQ(library->version, "1");
    EXPECT_EQ(library->format, Format::kCsv);
    EXPECT_TRUE(library->frameworks.empty());
    ASSERT_EQ(library->mapping_sets.size(), 1U);
    const MappingSet& set = library->mapping_sets[0];
    EXPECT_EQ(set.urn, "urn:isms:mapping:example-supplier-requirements-to-iso27001-2022");
    EXPECT_EQ(set.name, "Example supplier requirements to ISO/IEC 27001:2022");
    EXPECT_EQ(set.source_framework_urn, "urn:isms:framework:example-supplier-requirements");
    EXPECT_EQ(set.target_framework_urn, "urn:isms:framework:iso27001-2022");
    ASSERT_EQ(set.pairs.size(), 5U);
    EXPECT_EQ(set.pairs[0].source_urn, "urn:isms:framework:example-supplier-requirements:s.1");
    EXPECT_EQ(set.pairs[0].target_urn, "urn:isms:framework:iso27001-2022:a.5.20");
    EXPECT_EQ(set.pairs[0].relationship, Relationship::kSubset);
    EXPECT_EQ(set.pairs[0].strength, 6);
    EXPECT_EQ(set.pairs[2].relationship, Relationship::kIntersect);
    EXPECT_EQ(set.pairs[4].target_urn, "urn:isms:framework:iso27001-2022:a.8.5");
    EXPECT_FALSE(set.pairs[4].rationale.empty());
}

TEST(ImportTabular, MappingDefaultsAndSpellings) {
    const auto library = ImportCsv(
        "mapping_urn,source_framework,target_framework,source,target,relationship\n"
        "urn:acme:map:A to B,urn:isms:framework:a,urn:isms:framework:b,1,X,EQUAL\n"
    );
    ASSERT_FALSE(library);  // a URN holds no spaces
    EXPECT_TRUE(HasProblem(library.error(), "t.csv:line 2", "mapping_urn \"urn:acme:map:A to B\""));

    const auto fixed = ImportCsv(
        "mapping_urn,source_framework,target_framework,source,target,relationship\n"
        "urn:acme:map:a-to-b,urn:isms:framework:a,urn:isms:framework:b,1,X,EQUAL\n"
        ",,,2,Y,not-related\n"
    );
    ASSERT_TRUE(fixed) << fixed.error().message;
    EXPECT_EQ(fixed->urn, "urn:isms:library:acme-map-a-to-b");
    const MappingSet& set = fixed->mapping_sets[0];
    EXPECT_EQ(set.name, "urn:isms:framework:a → urn:isms:framework:b");
    EXPECT_EQ(set.pairs[0].relationship, Relationship::kEqual);
    EXPECT_EQ(set.pairs[1].relationship, Relationship::kNotRelated);
    EXPECT_FALSE(set.pairs[1].strength.has_value());
}

TEST(ImportTabular, BrokenMappingReportsEveryProblemWithItsLine) {
    const auto library = ImportCsv(
        "mapping_urn,source_framework,target_framework,source,target,relationship,strength\n"
        "urn:isms:mapping:m,urn:isms:framework:a,urn:isms:framework:b,1,X,equal,5\n"  // 2
        ",,,2,Y,same-ish,\n"                                                          // 3
        ",,,3,Z,subset,0\n"                                                           // 4
        ",,,4,Z,subset,11\n"                                                          // 5
        ",,,5,Z,subset,high\n"                                                        // 6
        ",,,,Z,subset,\n"                                                             // 7
        ",,,1,urn:isms:framework:b:x,intersect,\n"                                    // 8
        ",,urn:isms:framework:c,6,W,equal,\n"                                         // 9
        ",,,7,W,,\n"                                                                  // 10
    );
    ASSERT_FALSE(library);
    const Error& error = library.error();
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(HasProblem(error, "t.csv:line 3", "unknown relationship \"same-ish\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 4", "strength \"0\" is out of range"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 5", "strength \"11\" is out of range"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 6", "strength \"high\""));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 7", "source is empty"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 8", "duplicate pair 1 → urn:isms:framework:b:x"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 9", "inconsistent target_framework"));
    EXPECT_TRUE(HasProblem(error, "t.csv:line 10", "relationship is empty"));
    EXPECT_EQ(error.fields.size(), 8U);
}

TEST(ImportTabular, MappingWithoutRelationshipColumn) {
    const auto library = ImportCsv(
        "mapping_urn,source_framework,target_framework,source,target,weight\n"
        "urn:isms:mapping:m,urn:isms:framework:a,urn:isms:framework:b,1,X,3\n"
    );
    ASSERT_FALSE(library);
    EXPECT_TRUE(HasProblem(library.error(), "t.csv:line 1", "unknown column \"weight\""));
    EXPECT_TRUE(
        HasProblem(library.error(), "t.csv:line 1", "missing required column \"relationship\"")
    );
    EXPECT_EQ(library.error().fields.size(), 2U);
}

TEST(ImportTabular, TableBuiltInCodeCountsRowsAsLines) {
    Table table;
    table.rows = {{"framework_urn", "ref_id", "name"}, {"urn:isms:framework:f", "A", ""}};
    const auto library = ImportTabular(table, "code");
    ASSERT_FALSE(library);
    EXPECT_TRUE(HasProblem(library.error(), "code:line 2", "name is empty"));
}

// --- Real data --------------------------------------------------------------------------------

// Builds a framework table from the ISO/IEC 27001:2013 structure (identifiers, parents, kinds
// and titles of the published standard) the way a user would, and imports it.
TEST(ImportTabular, Iso27001_2013StructureGives114AssessableControls) {
    ISMS_REFERENCE_DIR_OR_SKIP(reference);
    const auto path = reference / "derived" / "iso27001-2013_structure.csv";
    const auto structure = ParseCsv(testing::ReadText(path), path.string());
    ASSERT_TRUE(structure) << structure.error().message;
    ASSERT_GT(structure->rows.size(), 1U);
    const auto& columns = structure->rows.front();
    const auto column = [&](std::string_view name) {
        return static_cast<std::size_t>(
            std::find(columns.begin(), columns.end(), name) - columns.begin()
        );
    };
    const std::size_t id = column("id");
    const std::size_t parent = column("parent_id");
    const std::size_t kind = column("kind");
    const std::size_t title = column("title_as_in_ciso_assistant");
    ASSERT_LT(title, columns.size());

    std::string csv = "framework_urn,framework_ref_id,ref_id,parent,name,kind,assessable\n";
    bool first = true;
    for (std::size_t r = 1; r < structure->rows.size(); ++r) {
        const auto& row = structure->rows[r];
        const bool control = row[kind] == "annex_a_control";
        csv += first ? "urn:isms:framework:test-iso27001-2013,ISO/IEC 27001:2013," : ",,";
        first = false;
        csv += schema::CsvEscape(row[id]) + "," + schema::CsvEscape(row[parent]) + ","
               + schema::CsvEscape(row[title]) + "," + schema::CsvEscape(row[kind]) + ","
               + (control ? "yes" : "no") + "\n";
    }
    const auto library = ImportCsv(csv, "iso27001-2013.csv");
    ASSERT_TRUE(library) << library.error().message;
    const Framework& framework = library->frameworks[0];
    EXPECT_EQ(framework.nodes.size(), structure->rows.size() - 1);
    EXPECT_EQ(
        std::count_if(
            framework.nodes.begin(),
            framework.nodes.end(),
            [](const Node& n) { return n.assessable; }
        ),
        114
    );
    std::set<std::string> seen;
    for (const auto& node : framework.nodes) {
        EXPECT_TRUE(node.parent_urn.empty() || seen.contains(node.parent_urn))
            << node.ref_id << " comes before its parent";
        seen.insert(node.urn);
    }
    const Node* control = FindNode(framework, "A.5.1.1");
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(control->urn, "urn:isms:framework:test-iso27001-2013:a.5.1.1");
    EXPECT_EQ(control->parent_urn, "urn:isms:framework:test-iso27001-2013:a.5.1");
    EXPECT_EQ(control->depth, 3);
    EXPECT_EQ(control->name, "Policies for information security");
}

}  // namespace
}  // namespace isms::catalog
