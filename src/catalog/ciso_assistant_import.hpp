// Imports CISO Assistant library files (intuitem's YAML format) into a catalog Library: the
// library header, its framework(s) with their requirement trees, reference controls, threats,
// risk matrices and requirement mapping sets. The import is all-or-nothing and reports every
// problem of a file at once, located by line ("iso27001-2022.yaml:123").
#pragma once

#include <string_view>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

/// Parses one CISO Assistant library file. source_name is used in problem locations
/// ("iso27001-2022.yaml:123") and becomes Library::source; format is kCisoAssistant.
///
/// A YAML syntax error yields kMalformedInput naming line and column, and nothing else. Otherwise
/// kInvalidArgument lists every problem found: urn or ref_id missing where required, a value of
/// the wrong shape (a mapping where a list is expected …), a URN used twice in the file, a
/// duplicate ref_id among the children of one node, a parent_urn that is not a node of the same
/// framework or that comes after its child, a parent cycle, a depth that disagrees with the tree,
/// an unknown relationship, a risk grid that does not fit its scales.
///
/// URNs that point outside the file (reference controls of a dependency, mapping endpoints) are
/// not checked here; the catalog resolves them against what is imported. Requirement nodes get
/// kind "requirement" when assessable and "section" otherwise, and keep keys this model has no
/// field for (implementation_groups, typical_evidence, questions …) in Node::properties.
/// Translations are ignored: the English text is kept.
[[nodiscard]] Result<Library> ImportCisoAssistant(
    std::string_view yaml_text, std::string_view source_name
);

}  // namespace isms::catalog
