// "Comply once": results recorded in one framework projected onto another through the mapping
// sets of the tenant's catalog. Pure: the assessment service loads the source results.
//
// Rules (docs/compliance.md §4), for each requirement of the target framework reached from an
// assessed source requirement through at most `max_hops` mapping sets (aliases of one standard
// cost nothing; not_related pairs are never walked):
//  * a path of equal, equivalent and superset steps carries the source result;
//  * a path with a subset step gives at most partially_compliant (compliant becomes partial,
//    not_applicable is not carried);
//  * a path with an intersect step only suggests: the result is listed, not inferred;
//  * several sources: the weakest carried result wins (non_compliant < partially_compliant <
//    compliant); not_applicable only when every carried result says so;
//  * per source the best path counts: fewest weakening steps, then fewest hops.
// A result a person set is never replaced: the service shows an inferred result only where no
// person assessed the requirement.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.hpp"

namespace isms::compliance {

/// One assessed requirement of a source assessment.
struct SourceResult {
    std::int64_t assessment_id = 0;
    std::string assessment_ref;  // "ASM-2"
    std::string requirement_urn;
    std::string result;  // compliant, partially_compliant, non_compliant, not_applicable
};

/// How a path affects the result it carries.
enum class PathEffect { kCarries = 0, kAtMostPartial = 1, kSuggests = 2 };

struct PathStep {
    std::string from_urn;
    const catalog::MappingEdge* edge = nullptr;
};

struct Contribution {
    const SourceResult* source = nullptr;
    PathEffect effect = PathEffect::kCarries;
    std::string result;  // what this source gives the target (for kSuggests: the source's)
    std::vector<PathStep> path;
};

struct InferredResult {
    std::string result;                     // empty when only suggestions reach the requirement
    std::vector<Contribution> sources;      // the carried ones
    std::vector<Contribution> suggestions;  // intersect paths
};

/// Inferred results by target requirement URN, for the assessable requirements of `target`.
[[nodiscard]] std::unordered_map<std::string, InferredResult> InferResults(
    const catalog::Catalog& catalog,
    const catalog::Framework& target,
    const std::vector<SourceResult>& sources,
    int max_hops = 2
);

[[nodiscard]] const char* PathEffectName(PathEffect effect);

}  // namespace isms::compliance
