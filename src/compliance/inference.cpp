#include "compliance/inference.hpp"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace isms::compliance {

namespace {

using catalog::Relationship;

PathEffect StepEffect(Relationship r) {
    switch (r) {
        case Relationship::kEqual:
        case Relationship::kEquivalent:
        case Relationship::kSuperset:
            return PathEffect::kCarries;
        case Relationship::kSubset:
            return PathEffect::kAtMostPartial;
        case Relationship::kIntersect:
        case Relationship::kNotRelated:
            return PathEffect::kSuggests;
    }
    return PathEffect::kSuggests;
}

struct Reach {
    PathEffect effect = PathEffect::kCarries;
    int hops = 0;
    std::string previous;
    const catalog::MappingEdge* via = nullptr;
};

bool Better(PathEffect effect, int hops, const Reach& than) {
    if (effect != than.effect) {
        return effect < than.effect;
    }
    return hops < than.hops;
}

/// Best paths from one source requirement to every node within `max_hops`.
std::unordered_map<std::string, Reach> Walk(
    const catalog::Catalog& catalog, const std::string& from, int max_hops
) {
    std::unordered_map<std::string, Reach> best;
    best[from] = Reach{};
    std::deque<std::string> queue{from};
    while (!queue.empty()) {
        const std::string urn = std::move(queue.front());
        queue.pop_front();
        const Reach here = best.at(urn);
        for (const catalog::MappingEdge& edge : catalog.EdgesFrom(urn)) {
            if (edge.relationship == Relationship::kNotRelated) {
                continue;
            }
            const int hops = here.hops + (edge.set != nullptr ? 1 : 0);
            if (hops > max_hops) {
                continue;
            }
            const PathEffect effect = std::max(here.effect, StepEffect(edge.relationship));
            auto it = best.find(edge.to_urn);
            if (it != best.end() && !Better(effect, hops, it->second)) {
                continue;
            }
            best[edge.to_urn] = Reach{effect, hops, urn, &edge};
            queue.push_back(edge.to_urn);
        }
    }
    return best;
}

int Strength(const std::string& result) {
    if (result == "non_compliant") {
        return 0;
    }
    if (result == "partially_compliant") {
        return 1;
    }
    return result == "compliant" ? 2 : 3;  // not_applicable is weakest evidence of all
}

/// What a source result gives through a path of this effect; empty when nothing.
std::string Carried(const std::string& result, PathEffect effect) {
    if (effect == PathEffect::kCarries) {
        return result;
    }
    if (result == "compliant") {
        return "partially_compliant";
    }
    return result == "not_applicable" ? "" : result;
}

}  // namespace

const char* PathEffectName(PathEffect effect) {
    switch (effect) {
        case PathEffect::kCarries:
            return "carries";
        case PathEffect::kAtMostPartial:
            return "at_most_partial";
        case PathEffect::kSuggests:
            return "suggests";
    }
    return "suggests";
}

std::unordered_map<std::string, InferredResult> InferResults(
    const catalog::Catalog& catalog,
    const catalog::Framework& target,
    const std::vector<SourceResult>& sources,
    int max_hops
) {
    std::unordered_map<std::string, InferredResult> out;
    if (sources.empty()) {
        return out;
    }
    std::unordered_set<std::string_view> wanted;
    wanted.reserve(target.nodes.size());
    for (const catalog::Node& n : target.nodes) {
        if (n.assessable && !n.withdrawn) {
            wanted.insert(n.urn);
        }
    }
    for (const SourceResult& source : sources) {
        const auto reached = Walk(catalog, source.requirement_urn, max_hops);
        for (const auto& [urn, reach] : reached) {
            if (reach.via == nullptr || !wanted.contains(urn)) {
                continue;
            }
            Contribution c;
            c.source = &source;
            c.effect = reach.effect;
            for (std::string at = urn; reached.at(at).via != nullptr;
                 at = reached.at(at).previous) {
                c.path.insert(
                    c.path.begin(), PathStep{reached.at(at).previous, reached.at(at).via}
                );
            }
            if (reach.effect == PathEffect::kSuggests) {
                c.result = source.result;
                out[urn].suggestions.push_back(std::move(c));
                continue;
            }
            c.result = Carried(source.result, reach.effect);
            if (c.result.empty()) {
                continue;
            }
            InferredResult& target_result = out[urn];
            if (target_result.result.empty()
                || Strength(c.result) < Strength(target_result.result)) {
                target_result.result = c.result;
            }
            target_result.sources.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace isms::compliance
