#include "catalog/catalog.hpp"

#include <algorithm>
#include <cctype>

#include "catalog/tabular_import.hpp"

namespace isms::catalog {

namespace {

Relationship Inverse(Relationship r) {
    switch (r) {
        case Relationship::kSubset:
            return Relationship::kSuperset;
        case Relationship::kSuperset:
            return Relationship::kSubset;
        case Relationship::kEqual:
        case Relationship::kEquivalent:
        case Relationship::kIntersect:
        case Relationship::kNotRelated:
            return r;
    }
    return r;
}

const std::vector<MappingEdge> kNoEdges;

}  // namespace

bool VersionLess(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        const bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && db) {
            std::size_t ei = i;
            std::size_t ej = j;
            while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei])) != 0) {
                ++ei;
            }
            while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej])) != 0) {
                ++ej;
            }
            std::string_view na = a.substr(i, ei - i);
            std::string_view nb = b.substr(j, ej - j);
            while (na.size() > 1 && na.front() == '0') {
                na.remove_prefix(1);
            }
            while (nb.size() > 1 && nb.front() == '0') {
                nb.remove_prefix(1);
            }
            if (na.size() != nb.size()) {
                return na.size() < nb.size();
            }
            if (na != nb) {
                return na < nb;
            }
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) {
            return a[i] < b[j];
        }
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

namespace {

/// Copies the library that holds each overlay's target framework (the newest version) and
/// merges the overlay's attribute values into the copy; the originals stay untouched (they
/// are shared, built-ins by every tenant).
void ApplyAttributeOverlays(std::vector<std::shared_ptr<const Library>>& libraries) {
    for (const auto& overlay : std::vector<std::shared_ptr<const Library>>(libraries)) {
        const bool superseded = std::any_of(libraries.begin(), libraries.end(), [&](const auto& l) {
            return l->urn == overlay->urn && VersionLess(overlay->version, l->version);
        });
        if (!IsAttributeOverlay(*overlay) || superseded) {
            continue;  // only the newest version of an overlay applies
        }
        const Framework& values = overlay->frameworks.front();
        std::size_t target = libraries.size();
        for (std::size_t i = 0; i < libraries.size(); ++i) {
            if (IsAttributeOverlay(*libraries[i])) {
                continue;
            }
            for (const Framework& fw : libraries[i]->frameworks) {
                if (fw.urn == values.urn
                    && (target == libraries.size()
                        || VersionLess(libraries[target]->version, libraries[i]->version))) {
                    target = i;
                }
            }
        }
        if (target == libraries.size()) {
            continue;  // the import checked the target exists; nothing to apply to
        }
        auto merged = std::make_shared<Library>(*libraries[target]);
        for (Framework& fw : merged->frameworks) {
            if (fw.urn != values.urn) {
                continue;
            }
            for (Node& node : fw.nodes) {
                for (const Node& given : values.nodes) {
                    if (given.urn == node.urn
                        || (!given.ref_id.empty() && given.ref_id == node.ref_id)) {
                        for (const auto& [id, list] : given.attributes) {
                            node.attributes[id] = list;
                        }
                    }
                }
            }
        }
        libraries[target] = std::move(merged);
    }
}

}  // namespace

Catalog::Catalog(std::vector<std::shared_ptr<const Library>> libraries)
    : libraries_(std::move(libraries)) {
    ApplyAttributeOverlays(libraries_);
    // Index older versions first so that the newest version of a URN wins every lookup.
    std::vector<std::shared_ptr<const Library>> ordered = libraries_;
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) {
        if (x->urn != y->urn) {
            return x->urn < y->urn;
        }
        return VersionLess(x->version, y->version);
    });
    for (const auto& library : ordered) {
        IndexLibrary(library);
    }
    for (const MappingSet* set : MappingSets()) {
        for (const MappingPair& pair : set->pairs) {
            if (pair.relationship == Relationship::kNotRelated) {
                continue;
            }
            edges_[pair.source_urn].push_back(
                {set, &pair, pair.target_urn, pair.relationship, false}
            );
            edges_[pair.target_urn].push_back(
                {set, &pair, pair.source_urn, Inverse(pair.relationship), true}
            );
        }
    }
    IndexAliases();
}

void Catalog::IndexLibrary(const std::shared_ptr<const Library>& library) {
    const Library* lib = library.get();
    auto [it, inserted] = newest_library_.try_emplace(lib->urn, lib);
    if (!inserted && VersionLess(it->second->version, lib->version)) {
        it->second = lib;
    }
    const bool overlay = IsAttributeOverlay(*lib);
    for (const Framework& fw : lib->frameworks) {
        if (overlay) {
            break;  // values for another library's framework, merged there
        }
        all_frameworks_.push_back({lib, &fw});
        frameworks_[fw.urn] = {lib, &fw};
        for (const Node& node : fw.nodes) {
            nodes_[node.urn] = {lib, &fw, &node};
        }
    }
    for (const auto& s : lib->mapping_sets) {
        other_urns_[s.urn] = true;
    }
    for (const auto& c : lib->reference_controls) {
        other_urns_[c.urn] = true;
    }
    for (const auto& t : lib->threats) {
        other_urns_[t.urn] = true;
    }
    for (const auto& m : lib->risk_matrices) {
        other_urns_[m.urn] = true;
    }
}

// Two frameworks that name each other as aliases are one standard published twice; their
// nodes with the same ref_id are equal, which lets mappings written against one reach the other.
void Catalog::IndexAliases() {
    for (const auto& [urn, entry] : frameworks_) {
        for (const std::string& alias : entry.framework->aliases) {
            auto other = frameworks_.find(alias);
            if (other == frameworks_.end()) {
                continue;
            }
            std::unordered_map<std::string_view, const Node*> by_ref;
            for (const Node& n : other->second.framework->nodes) {
                if (!n.ref_id.empty()) {
                    by_ref.emplace(n.ref_id, &n);
                }
            }
            for (const Node& n : entry.framework->nodes) {
                auto match = by_ref.find(n.ref_id);
                if (n.ref_id.empty() || match == by_ref.end()) {
                    continue;
                }
                edges_[n.urn].push_back(
                    {nullptr, nullptr, match->second->urn, Relationship::kEqual, false}
                );
                edges_[match->second->urn].push_back(
                    {nullptr, nullptr, n.urn, Relationship::kEqual, false}
                );
            }
        }
    }
}

const FrameworkEntry* Catalog::FindFramework(std::string_view urn, std::string_view version) const {
    if (version.empty()) {
        auto it = frameworks_.find(std::string(urn));
        return it == frameworks_.end() ? nullptr : &it->second;
    }
    for (const FrameworkEntry& e : all_frameworks_) {
        if (e.framework->urn == urn && e.library->version == version) {
            return &e;
        }
    }
    return nullptr;
}

std::vector<FrameworkEntry> Catalog::Frameworks() const {
    std::vector<FrameworkEntry> newest;
    std::vector<FrameworkEntry> older;
    for (const auto& library : libraries_) {
        if (IsAttributeOverlay(*library)) {
            continue;
        }
        for (const Framework& fw : library->frameworks) {
            const FrameworkEntry* current = FindFramework(fw.urn);
            (current != nullptr && current->framework == &fw ? newest : older)
                .push_back({library.get(), &fw});
        }
    }
    newest.insert(newest.end(), older.begin(), older.end());
    return newest;
}

const NodeEntry* Catalog::FindNode(std::string_view urn) const {
    auto it = nodes_.find(std::string(urn));
    return it == nodes_.end() ? nullptr : &it->second;
}

const Library* Catalog::FindLibrary(std::string_view urn, std::string_view version) const {
    if (version.empty()) {
        auto it = newest_library_.find(std::string(urn));
        return it == newest_library_.end() ? nullptr : it->second;
    }
    for (const auto& library : libraries_) {
        if (library->urn == urn && library->version == version) {
            return library.get();
        }
    }
    return nullptr;
}

bool Catalog::Knows(std::string_view urn) const {
    const std::string key(urn);
    return nodes_.contains(key) || frameworks_.contains(key) || other_urns_.contains(key);
}

const std::vector<MappingEdge>& Catalog::EdgesFrom(std::string_view node_urn) const {
    auto it = edges_.find(std::string(node_urn));
    return it == edges_.end() ? kNoEdges : it->second;
}

std::vector<const MappingSet*> Catalog::MappingSets() const {
    std::vector<const MappingSet*> sets;
    for (const auto& library : libraries_) {
        if (newest_library_.at(library->urn) != library.get()) {
            continue;
        }
        for (const MappingSet& s : library->mapping_sets) {
            sets.push_back(&s);
        }
    }
    return sets;
}

}  // namespace isms::catalog
