#include "catalog/ciso_assistant_import.hpp"

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "catalog/yaml_reading.hpp"

namespace isms::catalog {

namespace {

using detail::LineOf;

constexpr std::string_view kSectionKind = "section";
constexpr std::string_view kRequirementKind = "requirement";
constexpr int kMaxStrength = 10;  // CISO Assistant's strength_of_relationship scale is 0..10
constexpr std::size_t kNoParent = std::numeric_limits<std::size_t>::max();

/// Where a requirement node came from, kept beside Framework::nodes for the tree checks.
struct NodeOrigin {
    int line = 0;
    std::optional<int> given_depth;  // depth is optional in the format: derived when absent
};

/// Reads one library document. Every read function returns what it could read and records
/// problems in the Problems it was given; the caller discards the result when there are any.
class LibraryReader {
public:
    LibraryReader(Problems& problems, std::size_t document_size) : read_(problems, document_size) {}

    Library Read(const YAML::Node& root) {
        Library library;
        library.format = Format::kCisoAssistant;
        if (!read_.ExpectMap(root, "library")) {
            return library;
        }
        std::optional<YAML::Node> objects;
        for (const auto& entry : root) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                library.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                library.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                library.name = read_.Text(value, key);
            } else if (key == "description") {
                library.description = read_.Text(value, key);
            } else if (key == "copyright") {
                library.copyright = read_.Text(value, key);
            } else if (key == "version") {
                library.version = read_.Text(value, key);
            } else if (key == "provider") {
                library.provider = read_.Text(value, key);
            } else if (key == "packager") {
                library.packager = read_.Text(value, key);
            } else if (key == "dependencies") {
                library.dependencies = read_.Texts(value, key);
            } else if (key == "objects") {
                objects = value;
            }
        }
        read_.Require(library.urn, root, "library urn");
        read_.Require(library.ref_id, root, "library ref_id");
        read_.Require(library.version, root, "library version");
        ClaimUrn(library.urn, root);
        if (!objects) {
            read_.Add(root, "objects is required");
        } else if (read_.ExpectMap(*objects, "objects")) {
            ReadObjects(*objects, library);
        }
        return library;
    }

private:
    void ReadObjects(const YAML::Node& objects, Library& library) {
        for (const auto& entry : objects) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "framework") {
                if (read_.ExpectMap(value, key)) {
                    library.frameworks.push_back(ReadFramework(value));
                }
            } else if (key == "frameworks") {
                ForEachMap(value, key, [&](const YAML::Node& item) {
                    library.frameworks.push_back(ReadFramework(item));
                });
            } else if (key == "reference_controls") {
                ForEachMap(value, key, [&](const YAML::Node& item) {
                    library.reference_controls.push_back(ReadReferenceControl(item));
                });
            } else if (key == "threats") {
                ForEachMap(value, key, [&](const YAML::Node& item) {
                    library.threats.push_back(ReadThreat(item));
                });
            } else if (key == "risk_matrix") {
                ForEachMap(value, key, [&](const YAML::Node& item) {
                    library.risk_matrices.push_back(ReadRiskMatrix(item));
                });
            } else if (key == "requirement_mapping_set") {
                if (read_.ExpectMap(value, key)) {
                    library.mapping_sets.push_back(ReadMappingSet(value));
                }
            } else if (key == "requirement_mapping_sets") {
                ForEachMap(value, key, [&](const YAML::Node& item) {
                    library.mapping_sets.push_back(ReadMappingSet(item));
                });
            }
        }
    }

    /// Calls `read_item` for every mapping in the list `value`; anything else is a problem.
    template <class ReadItem>
    void ForEachMap(const YAML::Node& value, std::string_view key, ReadItem&& read_item) {
        if (!read_.ExpectList(value, key)) {
            return;
        }
        for (const auto& item : value) {
            if (read_.ExpectMap(item, fmt::format("{} item", key))) {
                read_item(item);
            }
        }
    }

    Framework ReadFramework(const YAML::Node& yaml) {
        Framework framework;
        std::vector<NodeOrigin> origins;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                framework.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                framework.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                framework.name = read_.Text(value, key);
            } else if (key == "description") {
                framework.description = read_.Text(value, key);
            } else if (key == "requirement_nodes") {
                if (!read_.ExpectList(value, key)) {
                    continue;
                }
                framework.nodes.reserve(value.size());
                origins.reserve(value.size());
                for (const auto& item : value) {
                    if (read_.ExpectMap(item, "requirement node")) {
                        origins.push_back({LineOf(item), std::nullopt});
                        framework.nodes.push_back(ReadNode(item, origins.back()));
                    }
                }
            }
        }
        read_.Require(framework.urn, yaml, "framework urn");
        read_.Require(framework.ref_id, yaml, "framework ref_id");
        ClaimUrn(framework.urn, yaml);
        CheckTree(framework, origins);
        return framework;
    }

    Node ReadNode(const YAML::Node& yaml, NodeOrigin& origin) {
        Node node;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                node.urn = read_.Text(value, key);
            } else if (key == "parent_urn") {
                node.parent_urn = read_.Text(value, key);
            } else if (key == "depth") {
                origin.given_depth = read_.Int(value, key);
            } else if (key == "ref_id") {
                node.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                node.name = read_.Text(value, key);
            } else if (key == "description") {
                node.description = read_.Text(value, key);
            } else if (key == "annotation") {
                node.annotation = read_.Text(value, key);
            } else if (key == "assessable") {
                node.assessable = read_.Bool(value, key);
            } else if (key == "reference_controls") {
                node.reference_controls = read_.Texts(value, key);
            } else if (key == "threats") {
                node.threats = read_.Texts(value, key);
            } else if (key != "translations") {
                node.properties[key] = read_.Json(value);
            }
        }
        node.kind = node.assessable ? kRequirementKind : kSectionKind;
        read_.Require(node.urn, yaml, "requirement node urn");
        ClaimUrn(node.urn, yaml);
        return node;
    }

    /// Checks parents, depths and sibling ref_ids of one framework, and sets every depth from the
    /// tree. Parents must be nodes of this framework that come before their children (the order
    /// Framework::nodes promises). A given depth must be 1 at the top and the parent's given
    /// depth + 1 below; where the parent gives none, the child's is not checked, because
    /// iso27001-2013.yaml leaves depth out on its two roots and numbers their children from 1.
    void CheckTree(Framework& framework, const std::vector<NodeOrigin>& origins) {
        std::vector<Node>& nodes = framework.nodes;
        std::unordered_map<std::string_view, std::size_t> index_of_urn;
        index_of_urn.reserve(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            index_of_urn.emplace(nodes[i].urn, i);  // the first wins; ClaimUrn reported the rest
        }
        std::vector<std::size_t> parent_of(nodes.size(), kNoParent);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].parent_urn.empty()) {
                continue;
            }
            auto parent = index_of_urn.find(nodes[i].parent_urn);
            if (parent == index_of_urn.end()) {
                read_.AddAtLine(
                    origins[i].line,
                    fmt::format(
                        "parent_urn \"{}\" is not a node of framework \"{}\"",
                        nodes[i].parent_urn,
                        framework.urn
                    )
                );
                continue;
            }
            parent_of[i] = parent->second;
        }
        const std::vector<bool> in_cycle = FindParentCycles(nodes, origins, parent_of);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::size_t parent = parent_of[i];
            const std::optional<int>& given = origins[i].given_depth;
            const bool parent_usable = parent != kNoParent && !in_cycle[i];
            if (parent_usable && parent > i) {
                read_.AddAtLine(
                    origins[i].line,
                    fmt::format(
                        "parent \"{}\" (line {}) must come before its children",
                        nodes[i].parent_urn,
                        origins[parent].line
                    )
                );
            }
            if (nodes[i].parent_urn.empty()) {
                if (given && *given != 1) {
                    read_.AddAtLine(
                        origins[i].line,
                        fmt::format("depth {} should be 1: this is a top-level node", *given)
                    );
                }
                nodes[i].depth = 1;
            } else if (parent_usable && parent < i) {
                const std::optional<int>& parent_given = origins[parent].given_depth;
                if (given && parent_given && *given != *parent_given + 1) {
                    read_.AddAtLine(
                        origins[i].line,
                        fmt::format(
                            "depth {} should be {}: its parent \"{}\" has depth {}",
                            *given,
                            *parent_given + 1,
                            nodes[i].parent_urn,
                            *parent_given
                        )
                    );
                }
                nodes[i].depth = nodes[parent].depth + 1;
            } else {
                nodes[i].depth = given.value_or(1);  // the parent problem is reported already
            }
        }
        CheckSiblingRefIds(nodes, origins);
    }

    /// Reports each cycle of parent links once, at its first node; returns which nodes are on one.
    std::vector<bool> FindParentCycles(
        const std::vector<Node>& nodes,
        const std::vector<NodeOrigin>& origins,
        const std::vector<std::size_t>& parent_of
    ) {
        enum class Visit : unsigned char { kNotYet, kOnPath, kDone };
        std::vector<Visit> visit(nodes.size(), Visit::kNotYet);
        std::vector<bool> in_cycle(nodes.size(), false);
        std::vector<std::size_t> path;
        for (std::size_t start = 0; start < nodes.size(); ++start) {
            path.clear();
            std::size_t at = start;
            while (at != kNoParent && visit[at] == Visit::kNotYet) {
                visit[at] = Visit::kOnPath;
                path.push_back(at);
                at = parent_of[at];
            }
            if (at != kNoParent && visit[at] == Visit::kOnPath) {
                // The walk came back to a node of this path: from there on, the path is a cycle.
                std::string chain;
                bool on_cycle = false;
                for (const std::size_t member : path) {
                    on_cycle = on_cycle || member == at;
                    if (on_cycle) {
                        in_cycle[member] = true;
                        chain += fmt::format("\"{}\" → ", nodes[member].urn);
                    }
                }
                chain += fmt::format("\"{}\"", nodes[at].urn);
                read_.AddAtLine(origins[at].line, fmt::format("parent cycle: {}", chain));
            }
            for (const std::size_t member : path) {
                visit[member] = Visit::kDone;
            }
        }
        return in_cycle;
    }

    /// Every real CISO Assistant library we checked (the 12 files of SOURCES.md §1, 2 909 nodes)
    /// has unique ref_ids among siblings, so the rule covers all nodes that give a ref_id, not
    /// only assessable ones. Nodes without a ref_id (GDPR paragraphs) are exempt.
    void CheckSiblingRefIds(
        const std::vector<Node>& nodes, const std::vector<NodeOrigin>& origins
    ) {
        std::unordered_map<std::string, int> line_of_sibling_ref;
        line_of_sibling_ref.reserve(nodes.size());
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].ref_id.empty()) {
                continue;
            }
            std::string key = nodes[i].parent_urn;
            key += '\n';  // cannot occur in a URN, so (parent, ref_id) pairs never collide
            key += nodes[i].ref_id;
            auto [first, inserted] = line_of_sibling_ref.emplace(std::move(key), origins[i].line);
            if (!inserted) {
                read_.AddAtLine(
                    origins[i].line,
                    fmt::format(
                        "duplicate ref_id \"{}\" among the children of \"{}\" (first at line {})",
                        nodes[i].ref_id,
                        nodes[i].parent_urn.empty() ? "the framework" : nodes[i].parent_urn,
                        first->second
                    )
                );
            }
        }
    }

    MappingSet ReadMappingSet(const YAML::Node& yaml) {
        MappingSet set;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                set.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                set.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                set.name = read_.Text(value, key);
            } else if (key == "description") {
                set.description = read_.Text(value, key);
            } else if (key == "source_framework_urn") {
                set.source_framework_urn = read_.Text(value, key);
            } else if (key == "target_framework_urn") {
                set.target_framework_urn = read_.Text(value, key);
            } else if (key == "requirement_mappings") {
                if (!read_.ExpectList(value, key)) {
                    continue;
                }
                set.pairs.reserve(value.size());
                for (const auto& item : value) {
                    if (read_.ExpectMap(item, "requirement mapping")) {
                        set.pairs.push_back(ReadMappingPair(item));
                    }
                }
            }
        }
        read_.Require(set.urn, yaml, "mapping set urn");
        read_.Require(set.ref_id, yaml, "mapping set ref_id");
        read_.Require(set.source_framework_urn, yaml, "source_framework_urn");
        read_.Require(set.target_framework_urn, yaml, "target_framework_urn");
        ClaimUrn(set.urn, yaml);
        return set;
    }

    MappingPair ReadMappingPair(const YAML::Node& yaml) {
        MappingPair pair;
        std::string annotation;
        bool has_relationship = false;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "source_requirement_urn") {
                pair.source_urn = read_.Text(value, key);
            } else if (key == "target_requirement_urn") {
                pair.target_urn = read_.Text(value, key);
            } else if (key == "relationship") {
                has_relationship = true;
                const std::string name = read_.Text(value, key);
                if (auto relationship = ParseRelationship(name)) {
                    pair.relationship = *relationship;
                } else {
                    read_.Add(
                        value,
                        fmt::format(
                            "unknown relationship \"{}\" (expected equal, equivalent, subset, "
                            "superset, intersect or not_related)",
                            name
                        )
                    );
                }
            } else if (key == "strength_of_relationship") {
                pair.strength = read_.Int(value, key);
                if (pair.strength && (*pair.strength < 0 || *pair.strength > kMaxStrength)) {
                    read_.Add(
                        value,
                        fmt::format(
                            "strength_of_relationship {} is outside 0..{}",
                            *pair.strength,
                            kMaxStrength
                        )
                    );
                }
            } else if (key == "rationale") {
                pair.rationale = read_.Text(value, key);
            } else if (key == "annotation") {
                annotation = read_.Text(value, key);
            }
        }
        if (!annotation.empty()) {
            pair.rationale = pair.rationale.empty()
                                 ? std::move(annotation)
                                 : fmt::format("{}: {}", pair.rationale, annotation);
        }
        read_.Require(pair.source_urn, yaml, "source_requirement_urn");
        read_.Require(pair.target_urn, yaml, "target_requirement_urn");
        if (!has_relationship) {
            read_.Add(yaml, "relationship is required");
        }
        return pair;
    }

    ReferenceControl ReadReferenceControl(const YAML::Node& yaml) {
        ReferenceControl control;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                control.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                control.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                control.name = read_.Text(value, key);
            } else if (key == "description") {
                control.description = read_.Text(value, key);
            } else if (key == "category") {
                control.category = read_.Text(value, key);
            } else if (key == "csf_function" || key == "function") {
                control.function = read_.Text(value, key);
            }
        }
        read_.Require(control.urn, yaml, "reference control urn");
        ClaimUrn(control.urn, yaml);
        return control;
    }

    Threat ReadThreat(const YAML::Node& yaml) {
        Threat threat;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                threat.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                threat.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                threat.name = read_.Text(value, key);
            } else if (key == "description") {
                threat.description = read_.Text(value, key);
            } else if (key == "category") {
                threat.category = read_.Text(value, key);
            }
        }
        read_.Require(threat.urn, yaml, "threat urn");
        ClaimUrn(threat.urn, yaml);
        return threat;
    }

    RiskMatrix ReadRiskMatrix(const YAML::Node& yaml) {
        RiskMatrix matrix;
        std::size_t probability_levels = 0;
        std::size_t impact_levels = 0;
        std::size_t risk_levels = 0;
        std::optional<YAML::Node> grid;
        for (const auto& entry : yaml) {
            const std::string& key = entry.first.Scalar();
            const YAML::Node& value = entry.second;
            if (key == "urn") {
                matrix.urn = read_.Text(value, key);
            } else if (key == "ref_id") {
                matrix.ref_id = read_.Text(value, key);
            } else if (key == "name") {
                matrix.name = read_.Text(value, key);
            } else if (key == "description") {
                matrix.description = read_.Text(value, key);
            } else if (key == "probability") {
                probability_levels = ReadScale(value, key, matrix);
            } else if (key == "impact") {
                impact_levels = ReadScale(value, key, matrix);
            } else if (key == "risk") {
                risk_levels = ReadScale(value, key, matrix);
            } else if (key == "grid") {
                grid = value;
            }
        }
        read_.Require(matrix.urn, yaml, "risk matrix urn");
        ClaimUrn(matrix.urn, yaml);
        if (!grid) {
            read_.Add(yaml, "grid is required");
        } else if (CheckGrid(*grid, probability_levels, impact_levels, risk_levels)) {
            matrix.definition["grid"] = read_.Json(*grid);
        }
        return matrix;
    }

    /// Keeps one scale of a risk matrix (its levels) in the definition; returns its size.
    std::size_t ReadScale(const YAML::Node& value, const std::string& key, RiskMatrix& matrix) {
        if (!read_.ExpectList(value, key)) {
            return 0;
        }
        matrix.definition[key] = read_.Json(value);
        return value.size();
    }

    /// The grid has one row per probability level, one cell per impact level, and each cell is
    /// the index of a risk level.
    bool CheckGrid(
        const YAML::Node& grid,
        std::size_t probability_levels,
        std::size_t impact_levels,
        std::size_t risk_levels
    ) {
        if (!read_.ExpectList(grid, "grid")) {
            return false;
        }
        bool fits = true;
        if (grid.size() != probability_levels) {
            read_.Add(
                grid,
                fmt::format(
                    "grid has {} rows for {} probability levels", grid.size(), probability_levels
                )
            );
            fits = false;
        }
        for (const auto& row : grid) {
            if (!read_.ExpectList(row, "grid row")) {
                fits = false;
                continue;
            }
            if (row.size() != impact_levels) {
                read_.Add(
                    row,
                    fmt::format(
                        "grid row has {} cells for {} impact levels", row.size(), impact_levels
                    )
                );
                fits = false;
            }
            for (const auto& cell : row) {
                const std::optional<int> risk = read_.Int(cell, "grid cell");
                if (!risk) {
                    fits = false;  // Int reported it
                } else if (*risk < 0 || static_cast<std::size_t>(*risk) >= risk_levels) {
                    read_.Add(
                        cell,
                        fmt::format(
                            "grid cell {} is not the index of one of the {} risk levels",
                            *risk,
                            risk_levels
                        )
                    );
                    fits = false;
                }
            }
        }
        return fits;
    }

    /// Records a duplicate when `urn` was already used by another object of this file.
    void ClaimUrn(const std::string& urn, const YAML::Node& at) {
        if (urn.empty()) {
            return;
        }
        const int line = LineOf(at);
        auto [first, inserted] = line_of_urn_.emplace(urn, line);
        if (!inserted) {
            read_.Add(
                at, fmt::format("duplicate urn \"{}\" (first at line {})", urn, first->second)
            );
        }
    }

    detail::YamlReader read_;
    std::unordered_map<std::string, int> line_of_urn_;
};

}  // namespace

Result<Library> ImportCisoAssistant(std::string_view yaml_text, std::string_view source_name) {
    ISMS_TRY_ASSIGN(const YAML::Node root, detail::ParseYaml(yaml_text, source_name));
    Problems problems{std::string(source_name)};
    LibraryReader reader(problems, yaml_text.size());
    Library library = reader.Read(root);
    ISMS_TRY(problems.ToStatus());
    library.source = std::string(source_name);
    return library;
}

}  // namespace isms::catalog
