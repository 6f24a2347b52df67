// Coverage through mappings: which requirements of a target framework are reached from
// requirements of a source framework, directly or through chains of mapping sets, and how.
#pragma once

#include <string>
#include <unordered_set>

#include <boost/json/object.hpp>

#include "catalog/catalog.hpp"

namespace isms::catalog {

struct CoverageQuery {
    const Framework* from = nullptr;
    const Framework* to = nullptr;
    /// Source requirements counted as met (URNs); nullptr means every assessable one.
    const std::unordered_set<std::string>* satisfied = nullptr;
    int max_hops = 3;  // mapping sets a path may cross
};

/// One step of a mapping path: {"mapping_set" (null for an alias of the same standard),
/// "direction" (forward, reverse or alias), "from" and "to" ({urn, ref_id, framework}),
/// "relationship" as seen from `from`}.
[[nodiscard]] boost::json::object MappingStepToJson(
    const Catalog& catalog, const std::string& from, const MappingEdge& edge
);

/// For every assessable requirement of `to`: "full" when a path of equal, equivalent or
/// superset steps reaches it (the source contains it), "partial" when the best path has a
/// subset or intersect step, "none" otherwise. Each reached requirement names its best path
/// (fewest partial steps, then fewest hops): the mapping set, pair endpoints and relationship
/// of every step. Returns {"summary": {...}, "requirements": [...]}.
[[nodiscard]] boost::json::object Coverage(const Catalog& catalog, const CoverageQuery& query);

}  // namespace isms::catalog
