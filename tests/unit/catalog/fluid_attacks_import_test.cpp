#include "catalog/fluid_attacks_import.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "reference_files.hpp"

namespace isms::catalog {
namespace {

constexpr std::string_view kIsoFrameworkUrn = "urn:isms:framework:iso27001-2022";

std::string Describe(const Error& error) {
    std::string out = error.message;
    for (const FieldError& field : error.fields) {
        out += "\n  " + field.field + ": " + field.message;
    }
    return out;
}

std::string Lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return text;
}

/// Splits one CSV line into cells ("quoted, with ""doubled"" quotes" allowed).
std::vector<std::string> CsvCells(std::string_view line) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c != '\r') {
            cells.back() += c;
        }
    }
    return cells;
}

std::string IsoNodeUrn(const std::string& ref_id) {
    return std::string(kIsoFrameworkUrn) + ":" + Lowercase(ref_id);
}

/// ISO/IEC 27001:2022 as the built-in will have it, from derived/iso27001-2022_structure.csv
/// (id,parent_id,kind,title_as_in_ciso_assistant,…); ids are already "4.1" and "A.5.1".
Framework IsoFromStructureCsv(const std::filesystem::path& dir) {
    Framework iso;
    iso.urn = kIsoFrameworkUrn;
    iso.ref_id = "ISO/IEC 27001:2022";
    iso.name = "Information security management systems — Requirements";
    std::istringstream lines(testing::ReadText(dir / "derived" / "iso27001-2022_structure.csv"));
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
        if (line.empty()) {
            continue;
        }
        const auto cells = CsvCells(line);
        if (cells.size() < 4) {
            ADD_FAILURE() << "short CSV row: " << line;
            continue;
        }
        Node node;
        node.ref_id = cells[0];
        node.urn = IsoNodeUrn(node.ref_id);
        node.parent_urn = cells[1].empty() ? "" : IsoNodeUrn(cells[1]);
        node.kind = cells[2];
        node.name = cells[3];
        node.depth = static_cast<int>(std::count(node.ref_id.begin(), node.ref_id.end(), '.'))
                     + (node.ref_id.starts_with("A.") ? 0 : 1);
        node.assessable = node.kind != "theme";
        iso.nodes.push_back(std::move(node));
    }
    return iso;
}

/// A small ISO framework for the inline tests: A.8.22 and A.8.23 only.
Framework SmallIso() {
    Framework iso;
    iso.urn = kIsoFrameworkUrn;
    iso.ref_id = "ISO/IEC 27001:2022";
    for (const auto& [ref_id, name] : std::vector<std::pair<std::string, std::string>>{
             {"A.8", "Technological controls"},
             {"A.8.22", "Segregation of networks"},
             {"A.8.23", "Web filtering"}}) {
        Node node;
        node.ref_id = ref_id;
        node.urn = IsoNodeUrn(ref_id);
        node.name = name;
        iso.nodes.push_back(std::move(node));
    }
    return iso;
}

struct CriteriaFiles {
    std::string requirements;
    std::string compliance;
};

CriteriaFiles ReadCriteria(const std::filesystem::path& dir) {
    return {
        testing::ReadText(dir / "fluidattacks-criteria" / "requirements" / "data.yaml"),
        testing::ReadText(dir / "fluidattacks-criteria" / "compliance" / "data.yaml"),
    };
}

const Node* FindByRefId(const Framework& framework, std::string_view ref_id) {
    auto it = std::find_if(framework.nodes.begin(), framework.nodes.end(), [&](const Node& n) {
        return n.ref_id == ref_id;
    });
    return it == framework.nodes.end() ? nullptr : &*it;
}

std::vector<std::string> NoticeMessages(const Library& library) {
    std::vector<std::string> out;
    for (const Notice& notice : library.notices) {
        out.push_back(notice.location + ": " + notice.message);
    }
    return out;
}

bool AnyContains(const std::vector<std::string>& texts, std::string_view a, std::string_view b) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) {
        return t.find(a) != std::string::npos && t.find(b) != std::string::npos;
    });
}

std::string Joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) {
        out += line + "\n";
    }
    return out;
}

// --- the real files (SOURCES.md §5) ----------------------------------------------------------

TEST(FluidAttacksImport, RealCriteria) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Framework iso = IsoFromStructureCsv(dir);
    ASSERT_EQ(iso.nodes.size(), 138U);  // 41 clause rows, 4 themes, 93 controls
    const CriteriaFiles files = ReadCriteria(dir);
    auto library = ImportFluidAttacks(files.requirements, files.compliance, "criteria", iso);
    ASSERT_TRUE(library) << Describe(library.error());

    EXPECT_EQ(library->urn, "urn:isms:library:fluidattacks-criteria");
    EXPECT_EQ(library->format, Format::kFluidAttacks);
    EXPECT_EQ(library->source, "criteria");
    EXPECT_TRUE(library->version.starts_with("sha256-")) << library->version;
    ASSERT_EQ(library->frameworks.size(), 1U);
    const Framework& criteria = library->frameworks[0];
    EXPECT_EQ(criteria.urn, "urn:isms:framework:fluidattacks-criteria");
    const auto count = [&](std::string_view kind, int depth) {
        return std::count_if(criteria.nodes.begin(), criteria.nodes.end(), [&](const Node& n) {
            return n.kind == kind && n.depth == depth;
        });
    };
    EXPECT_EQ(count("category", 1), 20);
    EXPECT_EQ(count("requirement", 2), 227);
    EXPECT_EQ(criteria.nodes.size(), 247U);

    const Node* networks = FindByRefId(criteria, "Networks");
    ASSERT_NE(networks, nullptr);
    EXPECT_EQ(networks->urn, "urn:isms:framework:fluidattacks-criteria:category:networks");
    const Node* requirement = FindByRefId(criteria, "253");
    ASSERT_NE(requirement, nullptr);
    EXPECT_EQ(requirement->urn, "urn:isms:framework:fluidattacks-criteria:253");
    EXPECT_EQ(requirement->name, "Restrict network access");
    EXPECT_EQ(requirement->parent_urn, networks->urn);
    EXPECT_TRUE(requirement->assessable);
    EXPECT_FALSE(requirement->description.empty());
    EXPECT_FALSE(requirement->annotation.empty());
    const auto& references = requirement->properties.at("references").as_object();
    EXPECT_EQ(references.at("nist").as_array().at(0).as_string(), "PR_AC-5");
    EXPECT_EQ(references.at("iso27002").as_array().at(0).as_string(), "8_21");
    EXPECT_FALSE(references.contains("iso27001"));  // those are mapping pairs
    EXPECT_TRUE(requirement->properties.contains("supported_in"));

    // A parent comes before its children.
    std::set<std::string> seen;
    for (const Node& node : criteria.nodes) {
        EXPECT_TRUE(node.parent_urn.empty() || seen.contains(node.parent_urn)) << node.urn;
        seen.insert(node.urn);
    }

    ASSERT_EQ(library->mapping_sets.size(), 1U);
    const MappingSet& mapping = library->mapping_sets[0];
    EXPECT_EQ(mapping.urn, "urn:isms:mapping:fluidattacks-criteria-to-iso27001-2022");
    EXPECT_EQ(mapping.source_framework_urn, criteria.urn);
    EXPECT_EQ(mapping.target_framework_urn, kIsoFrameworkUrn);
    EXPECT_EQ(mapping.pairs.size(), 123U);
    std::set<std::string> sources;
    std::set<std::string> targets;
    for (const MappingPair& pair : mapping.pairs) {
        EXPECT_EQ(pair.relationship, Relationship::kIntersect);
        sources.insert(pair.source_urn);
        targets.insert(pair.target_urn);
    }
    EXPECT_EQ(sources.size(), 94U);
    EXPECT_EQ(targets.size(), 37U);
    const bool has_253_to_8_21 =
        std::any_of(mapping.pairs.begin(), mapping.pairs.end(), [](auto& p) {
            return p.source_urn == "urn:isms:framework:fluidattacks-criteria:253"
                   && p.target_urn == "urn:isms:framework:iso27001-2022:a.8.21";
        });
    EXPECT_TRUE(has_253_to_8_21);

    const auto notices = NoticeMessages(*library);
    EXPECT_TRUE(AnyContains(
        notices,
        "iso27001.8_22: Fluid Attacks title \"Web filtering\"",
        "\"Segregation of networks\""
    )) << Joined(notices);
    EXPECT_TRUE(AnyContains(notices, "iso27001.8_22", "look swapped"));
    EXPECT_TRUE(AnyContains(
        notices,
        "iso27001.8_23: Fluid Attacks title \"Segregation in networks\"",
        "\"Web filtering\""
    ));
    EXPECT_TRUE(AnyContains(notices, "iso27001.8_23", "look swapped"));
    // 2013 wording for 8.20 and 7.2, PII spelled out in 5.34, "lifecycle" in 8.25 (ISO: "life
    // cycle"); 8.1 differs from this CSV's "User end point devices".
    EXPECT_TRUE(AnyContains(notices, "iso27001.8_20", "\"Network controls\""));
    EXPECT_TRUE(AnyContains(notices, "iso27001.7_2", "\"Physical entry controls\""));
    EXPECT_TRUE(AnyContains(notices, "iso27001.5_34", "Personal Identifiable Information"));
    EXPECT_TRUE(AnyContains(notices, "iso27001.8_1:", "\"User endpoint devices\""));
    EXPECT_TRUE(AnyContains(notices, "iso27001.8_25", "\"Secure development lifecycle\""));
    EXPECT_EQ(notices.size(), 7U) << Joined(notices);
    EXPECT_TRUE(library->notices[0].location.starts_with("criteria:compliance:"));
}

TEST(FluidAttacksImport, WithoutComplianceFileNoTitleCheck) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const CriteriaFiles files = ReadCriteria(dir);
    auto library = ImportFluidAttacks(files.requirements, "", "criteria", IsoFromStructureCsv(dir));
    ASSERT_TRUE(library) << Describe(library.error());
    EXPECT_TRUE(library->notices.empty());
    EXPECT_EQ(library->mapping_sets.at(0).pairs.size(), 123U);
}

TEST(FluidAttacksImport, SameContentSameVersion) {
    constexpr std::string_view kText = R"("001":
  en: {title: One, summary: s, description: d}
  category: Networks
  references: [iso27001.8_22]
)";
    auto first = ImportFluidAttacks(kText, "", "a", SmallIso());
    auto second = ImportFluidAttacks(kText, "", "b", SmallIso());
    auto changed = ImportFluidAttacks(std::string(kText) + "\n# changed\n", "", "c", SmallIso());
    ASSERT_TRUE(first && second && changed);
    EXPECT_EQ(first->version, second->version);
    EXPECT_NE(first->version, changed->version);
}

// --- broken files ------------------------------------------------------------------------------

TEST(FluidAttacksImport, BadYamlIsMalformed) {
    auto library =
        ImportFluidAttacks("\"001\":\n  en: {title: [unclosed\n", "", "criteria", SmallIso());
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().code, ErrorCode::kMalformedInput);
    ASSERT_EQ(library.error().fields.size(), 1U);
    EXPECT_TRUE(library.error().fields[0].field.starts_with("criteria:"))
        << Describe(library.error());
}

TEST(FluidAttacksImport, BadComplianceYamlIsMalformed) {
    auto library = ImportFluidAttacks("{}", "iso27001: [", "criteria", SmallIso());
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().code, ErrorCode::kMalformedInput);
    EXPECT_TRUE(library.error().message.starts_with("criteria:compliance:"))
        << library.error().message;
}

TEST(FluidAttacksImport, ProblemsAreLocatedAndReportedTogether) {
    constexpr std::string_view kText = R"("001":
  en:
    title: Good
    summary: s
    description: d
  category: Networks
  references:
  - iso27001.8_22
  - iso27001.9_99
  - nodot
"1x2":
  en:
    summary: no title
  category: Networks
  references: []
"003":
  en: {title: No category}
  references: iso27001.8_23
)";
    auto library = ImportFluidAttacks(kText, "", "criteria", SmallIso());
    ASSERT_FALSE(library);
    EXPECT_EQ(library.error().code, ErrorCode::kInvalidArgument);
    std::vector<std::string> problems;
    for (const FieldError& field : library.error().fields) {
        problems.push_back(field.field + ": " + field.message);
    }
    const auto has = [&](std::string_view location, std::string_view words) {
        return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
            return p.starts_with(std::string(location) + ": ")
                   && p.find(words) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("criteria:9", "iso27001.9_99: ISO/IEC 27001:2022 has no control A.9.99"))
        << Joined(problems);
    EXPECT_TRUE(has("criteria:10", "reference \"nodot\" is not STANDARD.ID"));
    EXPECT_TRUE(has("criteria:11", "requirement id \"1x2\" is not a number"));
    EXPECT_TRUE(has("criteria:12", "requirement \"1x2\": en.title is required"));
    EXPECT_TRUE(has("criteria:17", "requirement \"003\": category is required"));
    EXPECT_TRUE(has("criteria:18", "references: expected a list, found a scalar"));
    EXPECT_EQ(problems.size(), 6U) << Joined(problems);
}

TEST(FluidAttacksImport, SwappedTitlesOnSmallFiles) {
    constexpr std::string_view kRequirements = R"("258":
  en: {title: Filter website content, summary: s, description: d}
  category: Networks
  references: [iso27001.8_22]
"259":
  en: {title: Segment the organization network, summary: s, description: d}
  category: Networks
  references: [iso27001.8_23]
)";
    constexpr std::string_view kCompliance = R"(iso27001:
  title: ISO/IEC 27001
  definitions:
    8_22:
      title: Web filtering
      link: https://www.iso.org
    8_23:
      title: Segregation in networks
      link: https://www.iso.org
)";
    auto library = ImportFluidAttacks(kRequirements, kCompliance, "criteria", SmallIso());
    ASSERT_TRUE(library) << Describe(library.error());
    ASSERT_EQ(library->notices.size(), 2U) << Joined(NoticeMessages(*library));
    EXPECT_EQ(library->notices[0].location, "criteria:compliance:5");
    EXPECT_NE(
        library->notices[0].message.find("iso27001.8_22 and iso27001.8_23 look swapped"),
        std::string::npos
    ) << library->notices[0].message;
    EXPECT_EQ(library->notices[1].location, "criteria:compliance:8");
    EXPECT_NE(
        library->notices[1].message.find("iso27001.8_23 and iso27001.8_22 look swapped"),
        std::string::npos
    );
    // The notices do not change the mapping: the numbers are taken as written.
    ASSERT_EQ(library->mapping_sets.at(0).pairs.size(), 2U);
    EXPECT_EQ(
        library->mapping_sets[0].pairs[0].target_urn, "urn:isms:framework:iso27001-2022:a.8.22"
    );
}

}  // namespace
}  // namespace isms::catalog
