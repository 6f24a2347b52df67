// What changed between two versions of a framework: requirements added, removed and changed,
// matched by URN (ref_id where URNs differ between versions).
#pragma once

#include <boost/json/object.hpp>

#include "catalog/model.hpp"

namespace isms::catalog {

/// {"added": [{urn, ref_id, name}], "removed": [...], "changed": [{urn, ref_id, name, fields:
/// ["name", "description", …]}], "unchanged": N}.
[[nodiscard]] boost::json::object DiffFrameworks(const Framework& before, const Framework& after);

}  // namespace isms::catalog
