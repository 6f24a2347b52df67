// An audit's scope in the catalog: the clauses and Annex A controls of ISO/IEC 27001:2022 it
// names, resolved to catalog nodes and expanded to the assessable requirements they hold (a
// clause "6" holds 6.1.1 … 6.3; a theme "A.5" holds A.5.1 … A.5.37). Pure functions over the
// catalog.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/model.hpp"
#include "core/error.hpp"
#include "core/json.hpp"

namespace isms::assurance {

/// The framework internal audits are planned against.
inline constexpr std::string_view kAuditFramework = "urn:isms:framework:iso27001-2022";

/// The two groups of the framework an audit scope draws from.
enum class ScopeGroup { kClauses, kAnnexA };

/// ISO/IEC 27001:2022 from `catalog`; kInternal when the built-in catalog lacks it.
[[nodiscard]] Result<const catalog::Framework*> AuditFramework(const catalog::Catalog& catalog);

/// Every node of `group` in document order (a parent before its children).
[[nodiscard]] std::vector<const catalog::Node*> GroupNodes(
    const catalog::Framework& framework, ScopeGroup group
);

/// The node of `group` whose ref id is `ref` (without case); nullptr when there is none.
[[nodiscard]] const catalog::Node* FindScopeNode(
    const catalog::Framework& framework, ScopeGroup group, std::string_view ref
);

/// The assessable, not withdrawn requirements at or under the nodes named by `refs` (ref ids
/// of either group, as stored on an audit), in document order and without repeats.
[[nodiscard]] std::vector<const catalog::Node*> RequirementsInScope(
    const catalog::Framework& framework, const std::vector<std::string>& refs
);

/// The strings of a JSON array of strings (empty for null or absent).
[[nodiscard]] std::vector<std::string> StringList(const json::object& fields, std::string_view key);

}  // namespace isms::assurance
