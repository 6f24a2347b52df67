// A Catalog is what one tenant sees: the built-in libraries plus the tenant's imports, indexed
// for lookups by URN, children, mapping edges and alias equivalence. It is immutable once
// built; the service builds a new one after an import and readers keep the one they hold.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/model.hpp"

namespace isms::catalog {

/// Where a node lives.
struct NodeEntry {
    const Library* library = nullptr;
    const Framework* framework = nullptr;
    const Node* node = nullptr;
};

struct FrameworkEntry {
    const Library* library = nullptr;
    const Framework* framework = nullptr;
};

/// One traversable mapping edge from a node; `reverse` when it walks a pair backwards.
struct MappingEdge {
    const MappingSet* set = nullptr;  // nullptr for an alias equivalence
    const MappingPair* pair = nullptr;
    std::string to_urn;
    Relationship relationship = Relationship::kIntersect;  // as seen from this side
    bool reverse = false;
};

class Catalog {
public:
    /// Indexes `libraries` (built-ins first, then imports). Later versions of one library URN
    /// shadow earlier ones for framework lookups without a version.
    explicit Catalog(std::vector<std::shared_ptr<const Library>> libraries);

    [[nodiscard]] const std::vector<std::shared_ptr<const Library>>& libraries() const {
        return libraries_;
    }
    /// The newest version of a framework, or of the given library version; nullptr when absent.
    [[nodiscard]] const FrameworkEntry* FindFramework(
        std::string_view urn, std::string_view version = {}
    ) const;
    /// Every framework, newest version of each first in library order; older versions follow.
    [[nodiscard]] std::vector<FrameworkEntry> Frameworks() const;
    [[nodiscard]] const NodeEntry* FindNode(std::string_view urn) const;
    [[nodiscard]] const Library* FindLibrary(std::string_view urn, std::string_view version = {})
        const;
    /// Whether any object (node, framework, mapping set, reference control, threat, matrix)
    /// has this URN.
    [[nodiscard]] bool Knows(std::string_view urn) const;
    /// Mapping edges leaving a node, both directions, plus alias equivalences.
    [[nodiscard]] const std::vector<MappingEdge>& EdgesFrom(std::string_view node_urn) const;
    /// Mapping sets from every library, newest library versions only.
    [[nodiscard]] std::vector<const MappingSet*> MappingSets() const;

private:
    void IndexLibrary(const std::shared_ptr<const Library>& library);
    void IndexAliases();

    std::vector<std::shared_ptr<const Library>> libraries_;
    std::unordered_map<std::string, const Library*> newest_library_;  // by urn
    std::unordered_map<std::string, FrameworkEntry> frameworks_;      // newest, by urn
    std::vector<FrameworkEntry> all_frameworks_;
    std::unordered_map<std::string, NodeEntry> nodes_;
    std::unordered_map<std::string, std::vector<MappingEdge>> edges_;
    std::unordered_map<std::string, bool> other_urns_;  // mapping sets, controls, threats …
};

/// Orders version strings naturally ("5.0.1" < "5.1.1+u4", "2" < "10").
[[nodiscard]] bool VersionLess(std::string_view a, std::string_view b);

}  // namespace isms::catalog
