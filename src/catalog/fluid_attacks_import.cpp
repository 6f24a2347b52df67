#include "catalog/fluid_attacks_import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "catalog/text.hpp"
#include "catalog/yaml_reading.hpp"
#include "core/crypto.hpp"

namespace isms::catalog {

namespace {

using detail::LineOf;

constexpr std::string_view kIsoStandard = "iso27001";
constexpr std::string_view kComplianceLabel = "compliance";  // locations in compliance/data.yaml
constexpr std::string_view kCompliancePrefix = "compliance:";
constexpr std::size_t kVersionHexDigits = 12;

/// An iso27001.X_Y reference as written, with where it was written.
struct IsoReference {
    std::string id;  // "8_22"
    int line = 0;
};

/// One requirement as read, before it is placed under its category.
struct Requirement {
    Node node;
    std::string category;
    std::vector<IsoReference> iso_references;
};

/// The first reference to one iso27001 id that resolved to an ISO node.
struct ResolvedReference {
    std::string id;  // "8_22"
    const Node* iso_node = nullptr;
    int line = 0;
};

/// A compliance definition's title and the line it is on.
struct DefinitionTitle {
    std::string title;
    int line = 0;
};

bool AllDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c) != 0;
    });
}

/// A title reduced to lowercase words separated by single spaces, so that case, whitespace and
/// punctuation do not count when two titles are compared ("Monitoring, review" = "monitoring
/// review"). Bytes outside ASCII are kept as they are.
std::string NormalizedTitle(std::string_view title) {
    std::string out;
    bool pending_space = false;
    for (const char character : title) {
        const auto c = static_cast<unsigned char>(character);
        if (c >= 0x80 || std::isalnum(c) != 0) {
            if (pending_space && !out.empty()) {
                out += ' ';
            }
            pending_space = false;
            out += c >= 0x80 ? character : static_cast<char>(std::tolower(c));
        } else {
            pending_space = true;
        }
    }
    return out;
}

/// The words of a normalized title without the little ones ("of", "in", "and" …), to recognise
/// a title that names another control in slightly other words: Fluid Attacks' "Segregation in
/// networks" is ISO's "Segregation of networks".
std::string LooseTitleKey(std::string_view normalized_title) {
    static constexpr std::array<std::string_view, 9> kLittleWords{
        "a", "an", "and", "for", "in", "of", "on", "the", "to"};
    std::string out;
    std::size_t start = 0;
    while (start < normalized_title.size()) {
        std::size_t end = normalized_title.find(' ', start);
        if (end == std::string_view::npos) {
            end = normalized_title.size();
        }
        const std::string_view word = normalized_title.substr(start, end - start);
        if (std::find(kLittleWords.begin(), kLittleWords.end(), word) == kLittleWords.end()) {
            if (!out.empty()) {
                out += ' ';
            }
            out += word;
        }
        start = end + 1;
    }
    return out;
}

/// How messages name the ISO framework: "ISO/IEC 27001:2022", or its URN.
const std::string& DisplayName(const Framework& framework) {
    return framework.ref_id.empty() ? framework.urn : framework.ref_id;
}

/// "8_22" → "A.8.22": Fluid Attacks writes Annex A numbers with '_' for '.'.
std::string AnnexARefId(std::string_view id) {
    std::string out = "A.";
    out.reserve(out.size() + id.size());
    for (const char c : id) {
        out += c == '_' ? '.' : c;
    }
    return out;
}

class CriteriaReader {
public:
    CriteriaReader(
        Problems& problems,
        std::string_view source_name,
        std::size_t requirements_size,
        std::size_t compliance_size
    )
        : read_(problems, requirements_size),
          compliance_(problems, compliance_size, std::string(kCompliancePrefix)),
          source_name_(source_name) {}

    /// The requirements in file order; keys must be numbers, each with en.title and a category.
    std::vector<Requirement> ReadRequirements(const YAML::Node& root) {
        std::vector<Requirement> requirements;
        if (!read_.ExpectMap(root, "requirements")) {
            return requirements;
        }
        requirements.reserve(root.size());
        std::unordered_map<std::string, int> line_of_id;
        for (const auto& entry : root) {
            const std::string& id = entry.first.Scalar();
            if (!AllDigits(id)) {
                read_.Add(entry.first, fmt::format("requirement id \"{}\" is not a number", id));
            }
            auto [first, inserted] = line_of_id.emplace(id, LineOf(entry.first));
            if (!inserted) {
                read_.Add(
                    entry.first,
                    fmt::format(
                        "duplicate requirement \"{}\" (first at line {})", id, first->second
                    )
                );
            }
            if (read_.ExpectMap(entry.second, fmt::format("requirement \"{}\"", id))) {
                requirements.push_back(ReadRequirement(id, entry.second));
            }
        }
        return requirements;
    }

    /// Titles of the iso27001 definitions by id ("8_22"); empty (with a notice) when the file
    /// has no iso27001 standard.
    std::map<std::string, DefinitionTitle> ReadIsoTitles(
        const YAML::Node& root, std::vector<Notice>& notices
    ) {
        std::map<std::string, DefinitionTitle> titles;
        if (!compliance_.ExpectMap(root, "compliance")) {
            return titles;
        }
        const YAML::Node standard = root[std::string(kIsoStandard)];
        if (!standard.IsDefined()) {
            notices.push_back(
                {fmt::format("{}:{}1", source_name_, kCompliancePrefix),
                 "the compliance file defines no iso27001 standard: titles were not checked"}
            );
            return titles;
        }
        if (!compliance_.ExpectMap(standard, kIsoStandard)) {
            return titles;
        }
        const YAML::Node definitions = standard["definitions"];
        if (!definitions.IsDefined()
            || !compliance_.ExpectMap(definitions, "iso27001 definitions")) {
            return titles;
        }
        for (const auto& entry : definitions) {
            const std::string& id = entry.first.Scalar();
            if (!compliance_.ExpectMap(
                    entry.second, fmt::format("iso27001 definition \"{}\"", id)
                )) {
                continue;
            }
            const YAML::Node title = entry.second["title"];
            if (!title.IsDefined()) {
                compliance_.Add(
                    entry.second, fmt::format("iso27001 definition \"{}\": title is required", id)
                );
                continue;
            }
            titles[id] = {compliance_.Text(title, "title"), LineOf(title)};
        }
        return titles;
    }

    /// Records a problem at the line of a reference in the requirements file.
    void AddAtLine(int line, std::string message) { read_.AddAtLine(line, std::move(message)); }

private:
    Requirement ReadRequirement(const std::string& id, const YAML::Node& yaml) {
        Requirement requirement;
        Node& node = requirement.node;
        node.urn = fmt::format("{}:{}", kFluidAttacksFrameworkUrn, id);
        node.ref_id = id;
        node.kind = "requirement";
        node.depth = 2;
        node.assessable = true;
        boost::json::object references_by_standard;
        bool has_english = false;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "en") {
                has_english = read_.ExpectMap(value, "en");
                if (has_english) {
                    ReadEnglish(value, node);
                }
            } else if (key == "category") {
                requirement.category = read_.Text(value, key);
            } else if (key == "references") {
                ReadReferences(value, requirement, references_by_standard);
            } else if (key == "metadata") {
                if (value.IsMap() && value.size() == 0) {
                    continue;
                }
                node.properties[key] = read_.Json(value);
            } else if (key != "es") {  // Spanish text: imports keep English only
                node.properties[key] = read_.Json(value);
            }
        }
        if (!references_by_standard.empty()) {
            node.properties["references"] = std::move(references_by_standard);
        }
        if (!has_english) {
            read_.Add(yaml, fmt::format("requirement \"{}\": en is required", id));
        } else {
            read_.Require(node.name, yaml, fmt::format("requirement \"{}\": en.title", id));
        }
        read_.Require(requirement.category, yaml, fmt::format("requirement \"{}\": category", id));
        return requirement;
    }

    void ReadEnglish(const YAML::Node& english, Node& node) {
        for (const auto& entry : english) {
            const std::string& key = entry.first.Scalar();
            if (key == "title") {
                node.name = read_.Text(entry.second, key);
            } else if (key == "summary") {
                node.description = read_.Text(entry.second, key);
            } else if (key == "description") {
                node.annotation = read_.Text(entry.second, key);
            }
        }
    }

    /// "standard.id" strings: iso27001 ones become mapping candidates, the others properties.
    void ReadReferences(
        const YAML::Node& value, Requirement& requirement, boost::json::object& by_standard
    ) {
        if (value.IsNull() || !read_.ExpectList(value, "references")) {
            return;
        }
        for (const auto& item : value) {
            if (!item.IsScalar()) {
                read_.Add(
                    item,
                    fmt::format(
                        "references: expected text items, found {}", detail::DescribeYamlType(item)
                    )
                );
                continue;
            }
            const std::string& reference = item.Scalar();
            const std::size_t dot = reference.find('.');
            if (dot == std::string::npos || dot == 0 || dot + 1 == reference.size()) {
                read_.Add(item, fmt::format("reference \"{}\" is not STANDARD.ID", reference));
                continue;
            }
            const std::string_view standard = std::string_view(reference).substr(0, dot);
            const std::string_view id = std::string_view(reference).substr(dot + 1);
            if (standard == kIsoStandard) {
                requirement.iso_references.push_back({std::string(id), LineOf(item)});
                continue;
            }
            boost::json::value& ids = by_standard[standard];
            if (!ids.is_array()) {
                ids = boost::json::array();
            }
            ids.as_array().emplace_back(id);
        }
    }

    detail::YamlReader read_;
    detail::YamlReader compliance_;
    std::string source_name_;
};

/// The framework: each category (in order of first use) followed by its requirements.
Framework BuildFramework(std::vector<Requirement>& requirements) {
    Framework framework;
    framework.urn = kFluidAttacksFrameworkUrn;
    framework.ref_id = "Fluid Attacks Criteria";
    framework.name = "Fluid Attacks Criteria: security requirements";
    framework.description =
        "Security requirements for software and infrastructure published by Fluid Attacks, "
        "grouped by category.";
    std::vector<std::string> categories;
    std::unordered_map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < requirements.size(); ++i) {
        auto [it, inserted] = members.try_emplace(requirements[i].category);
        if (inserted) {
            categories.push_back(requirements[i].category);
        }
        it->second.push_back(i);
    }
    framework.nodes.reserve(categories.size() + requirements.size());
    for (const std::string& category : categories) {
        Node section;
        section.urn = fmt::format("{}:category:{}", kFluidAttacksFrameworkUrn, Slug(category));
        section.ref_id = category;
        section.name = category;
        section.kind = "category";
        section.depth = 1;
        const std::string category_urn = section.urn;
        framework.nodes.push_back(std::move(section));
        for (const std::size_t i : members[category]) {
            requirements[i].node.parent_urn = category_urn;
            framework.nodes.push_back(std::move(requirements[i].node));
        }
    }
    return framework;
}

/// One notice per referenced iso27001 definition whose title is not the ISO node's name.
/// Fluid Attacks' 8_22 and 8_23 carry each other's titles: such pairs are named as swapped.
void CheckTitles(
    const std::map<std::string, DefinitionTitle>& titles,
    const std::vector<ResolvedReference>& referenced,
    const Framework& iso2022,
    std::string_view source_name,
    std::vector<Notice>& notices
) {
    std::unordered_map<std::string, const Node*> iso_node_by_loose_title;
    for (const Node& node : iso2022.nodes) {
        iso_node_by_loose_title.emplace(LooseTitleKey(NormalizedTitle(node.name)), &node);
    }
    for (const auto& [id, iso_node, line] : referenced) {
        auto title = titles.find(id);
        if (title == titles.end()) {
            notices.push_back(
                {fmt::format("{}:{}", source_name, line),
                 fmt::format(
                     "iso27001.{} is referenced but not defined in the compliance file", id
                 )}
            );
            continue;
        }
        const std::string their_title = NormalizedTitle(title->second.title);
        const std::string iso_title = NormalizedTitle(iso_node->name);
        if (their_title == iso_title) {
            continue;
        }
        std::string message = fmt::format(
            "iso27001.{}: Fluid Attacks title \"{}\" differs from {} {} \"{}\"",
            id,
            title->second.title,
            DisplayName(iso2022),
            iso_node->ref_id,
            iso_node->name
        );
        auto namesake = iso_node_by_loose_title.find(LooseTitleKey(their_title));
        if (namesake != iso_node_by_loose_title.end() && namesake->second != iso_node) {
            const Node& other = *namesake->second;
            std::string other_id =
                other.ref_id.starts_with("A.") ? other.ref_id.substr(2) : other.ref_id;
            std::replace(other_id.begin(), other_id.end(), '.', '_');
            auto other_title = titles.find(other_id);
            const bool swapped = other_title != titles.end()
                                 && LooseTitleKey(NormalizedTitle(other_title->second.title))
                                        == LooseTitleKey(iso_title);
            if (swapped) {
                message += fmt::format(
                    "; the titles of iso27001.{} and iso27001.{} look swapped, so requirements "
                    "referencing one may mean the other",
                    id,
                    other_id
                );
            } else {
                message += fmt::format("; that is the title of {}", other.ref_id);
            }
        }
        notices.push_back(
            {fmt::format("{}:{}{}", source_name, kCompliancePrefix, title->second.line),
             std::move(message)}
        );
    }
}

}  // namespace

Result<Library> ImportFluidAttacks(
    std::string_view requirements_yaml,
    std::string_view compliance_yaml,
    std::string_view source_name,
    const Framework& iso2022
) {
    ISMS_TRY_ASSIGN(
        const YAML::Node requirements_root, detail::ParseYaml(requirements_yaml, source_name)
    );
    std::optional<YAML::Node> compliance_root;
    if (!compliance_yaml.empty()) {
        ISMS_TRY_ASSIGN(
            compliance_root,
            detail::ParseYaml(compliance_yaml, fmt::format("{}:{}", source_name, kComplianceLabel))
        );
    }
    Problems problems{std::string(source_name)};
    CriteriaReader reader(problems, source_name, requirements_yaml.size(), compliance_yaml.size());
    std::vector<Requirement> requirements = reader.ReadRequirements(requirements_root);

    std::unordered_map<std::string_view, const Node*> iso_node_by_ref;
    iso_node_by_ref.reserve(iso2022.nodes.size());
    for (const Node& node : iso2022.nodes) {
        iso_node_by_ref.emplace(node.ref_id, &node);
    }
    MappingSet mapping;
    mapping.urn = kFluidAttacksToIso27001_2022Urn;
    mapping.ref_id = "fluidattacks-criteria-to-iso27001-2022";
    mapping.name = "Fluid Attacks Criteria to ISO/IEC 27001:2022";
    mapping.description = "The iso27001 references of the Fluid Attacks requirements.";
    mapping.source_framework_urn = kFluidAttacksFrameworkUrn;
    mapping.target_framework_urn = iso2022.urn;
    std::vector<ResolvedReference> referenced;
    std::unordered_set<std::string> seen;
    for (const Requirement& requirement : requirements) {
        for (const IsoReference& reference : requirement.iso_references) {
            const std::string ref_id = AnnexARefId(reference.id);
            auto target = iso_node_by_ref.find(ref_id);
            if (target == iso_node_by_ref.end()) {
                reader.AddAtLine(
                    reference.line,
                    fmt::format(
                        "iso27001.{}: {} has no control {}",
                        reference.id,
                        DisplayName(iso2022),
                        ref_id
                    )
                );
                continue;
            }
            mapping.pairs.push_back(
                {requirement.node.urn,
                 target->second->urn,
                 Relationship::kIntersect,
                 std::nullopt,
                 {}}
            );
            if (seen.insert(reference.id).second) {
                referenced.push_back({reference.id, target->second, reference.line});
            }
        }
    }

    Library library;
    if (compliance_root) {
        const auto titles = reader.ReadIsoTitles(*compliance_root, library.notices);
        if (!titles.empty()) {
            CheckTitles(titles, referenced, iso2022, source_name, library.notices);
        }
    }
    ISMS_TRY(problems.ToStatus());

    library.urn = kFluidAttacksLibraryUrn;
    library.version = fmt::format(
        "sha256-{}",
        crypto::HexEncode(crypto::Sha256(requirements_yaml)).substr(0, kVersionHexDigits)
    );
    library.ref_id = "fluidattacks-criteria";
    library.name = "Fluid Attacks Criteria";
    library.description =
        "Fluid Attacks' security requirements, with their references to ISO/IEC 27001:2022 "
        "Annex A.";
    library.provider = "Fluid Attacks";
    library.packager = "isms";
    library.copyright = "Copyright 2022 Fluid Attacks, MPL-2.0";
    library.source = std::string(source_name);
    library.format = Format::kFluidAttacks;
    library.frameworks.push_back(BuildFramework(requirements));
    library.mapping_sets.push_back(std::move(mapping));
    return library;
}

}  // namespace isms::catalog
