#include "assurance/audit_scope.hpp"

#include <algorithm>

#include "catalog/text.hpp"

namespace isms::assurance {

namespace {

const char* GroupId(ScopeGroup group) {
    return group == ScopeGroup::kClauses ? "clauses" : "annex-a";
}

bool SameRef(std::string_view a, std::string_view b) {
    return catalog::AsciiLowercase(a) == catalog::AsciiLowercase(b);
}

/// The nodes at or under the nodes `is_root` accepts, in document order.
template <typename IsRoot>
std::vector<const catalog::Node*> NodesUnder(const catalog::Framework& framework, IsRoot is_root) {
    std::set<std::string, std::less<>> inside;
    std::vector<const catalog::Node*> out;
    for (const catalog::Node& node : framework.nodes) {
        if (is_root(node) || inside.contains(node.parent_urn)) {
            inside.insert(node.urn);
            out.push_back(&node);
        }
    }
    return out;
}

}  // namespace

Result<const catalog::Framework*> AuditFramework(const catalog::Catalog& catalog) {
    const catalog::FrameworkEntry* entry = catalog.FindFramework(kAuditFramework);
    if (entry == nullptr) {
        return Error::Internal("the catalog has no ISO/IEC 27001:2022");
    }
    return entry->framework;
}

std::vector<const catalog::Node*> GroupNodes(
    const catalog::Framework& framework, ScopeGroup group
) {
    std::vector<std::string> roots;
    for (const catalog::Group& g : framework.groups) {
        if (g.id == GroupId(group)) {
            roots = g.roots;
        }
    }
    return NodesUnder(framework, [&](const catalog::Node& node) {
        return node.parent_urn.empty()
               && std::any_of(roots.begin(), roots.end(), [&](const std::string& r) {
                      return r == node.urn || SameRef(r, node.ref_id);
                  });
    });
}

const catalog::Node* FindScopeNode(
    const catalog::Framework& framework, ScopeGroup group, std::string_view ref
) {
    for (const catalog::Node* node : GroupNodes(framework, group)) {
        if (SameRef(node->ref_id, ref)) {
            return node;
        }
    }
    return nullptr;
}

std::vector<const catalog::Node*> RequirementsInScope(
    const catalog::Framework& framework, const std::vector<std::string>& refs
) {
    std::vector<const catalog::Node*> out;
    for (const catalog::Node* node : NodesUnder(framework, [&](const catalog::Node& n) {
             return std::any_of(refs.begin(), refs.end(), [&](const std::string& r) {
                 return SameRef(r, n.ref_id);
             });
         })) {
        if (node->assessable && !node->withdrawn) {
            out.push_back(node);
        }
    }
    return out;
}

std::vector<std::string> StringList(const json::object& fields, std::string_view key) {
    std::vector<std::string> out;
    const json::value* v = fields.if_contains(key);
    if (v != nullptr && v->is_array()) {
        for (const auto& item : v->get_array()) {
            if (item.is_string()) {
                out.emplace_back(item.get_string());
            }
        }
    }
    return out;
}

}  // namespace isms::assurance
