#include "catalog/framework_diff.hpp"

#include <unordered_map>

namespace isms::catalog {

namespace {

namespace json = boost::json;

json::object Brief(const Node& n) {
    return json::object{{"urn", n.urn}, {"ref_id", n.ref_id}, {"name", n.name}};
}

/// Matches by URN, falling back to ref_id, so a publisher that renames URNs between versions
/// still yields a useful diff.
class NodeLookup {
public:
    explicit NodeLookup(const Framework& fw) {
        for (const Node& n : fw.nodes) {
            by_urn_.emplace(n.urn, &n);
            if (!n.ref_id.empty()) {
                by_ref_.emplace(n.ref_id, &n);
            }
        }
    }
    [[nodiscard]] const Node* Match(const Node& other) const {
        if (auto it = by_urn_.find(other.urn); it != by_urn_.end()) {
            return it->second;
        }
        if (other.ref_id.empty()) {
            return nullptr;
        }
        auto it = by_ref_.find(other.ref_id);
        return it == by_ref_.end() ? nullptr : it->second;
    }

    [[nodiscard]] const Node* ByUrn(std::string_view urn) const {
        auto it = by_urn_.find(urn);
        return it == by_urn_.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<std::string_view, const Node*> by_urn_;
    std::unordered_map<std::string_view, const Node*> by_ref_;
};

}  // namespace

json::object DiffFrameworks(const Framework& before, const Framework& after) {
    const NodeLookup old_nodes(before);
    const NodeLookup new_nodes(after);
    json::array added;
    json::array removed;
    json::array changed;
    std::int64_t unchanged = 0;
    for (const Node& n : after.nodes) {
        const Node* old = old_nodes.Match(n);
        if (old == nullptr) {
            added.emplace_back(Brief(n));
            continue;
        }
        json::array fields;
        if (old->name != n.name) {
            fields.emplace_back("name");
        }
        if (old->description != n.description) {
            fields.emplace_back("description");
        }
        if (old->annotation != n.annotation) {
            fields.emplace_back("annotation");
        }
        const Node* old_parent = old_nodes.ByUrn(old->parent_urn);
        const Node* new_parent = new_nodes.ByUrn(n.parent_urn);
        if ((old_parent == nullptr) != (new_parent == nullptr)
            || (old_parent != nullptr && old_parent->ref_id != new_parent->ref_id)) {
            fields.emplace_back("parent");
        }
        if (old->assessable != n.assessable) {
            fields.emplace_back("assessable");
        }
        if (old->withdrawn != n.withdrawn) {
            fields.emplace_back("withdrawn");
        }
        if (fields.empty()) {
            ++unchanged;
            continue;
        }
        json::object c = Brief(n);
        c["fields"] = std::move(fields);
        changed.emplace_back(std::move(c));
    }
    for (const Node& n : before.nodes) {
        if (new_nodes.Match(n) == nullptr) {
            removed.emplace_back(Brief(n));
        }
    }
    return json::object{
        {"added", std::move(added)},
        {"removed", std::move(removed)},
        {"changed", std::move(changed)},
        {"unchanged", unchanged}};
}

}  // namespace isms::catalog
