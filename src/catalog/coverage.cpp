#include "catalog/coverage.hpp"

#include <deque>
#include <unordered_map>

namespace isms::catalog {

namespace {

namespace json = boost::json;

bool Contains(Relationship r) {
    return r == Relationship::kEqual || r == Relationship::kEquivalent
           || r == Relationship::kSuperset;
}

struct Reach {
    bool full = false;
    int hops = 0;
    std::string previous;  // node urn one step back; empty at a source requirement
    const MappingEdge* via = nullptr;
};

/// Better: full beats partial, then fewer hops.
bool Better(bool full, int hops, const Reach& than) {
    if (full != than.full) {
        return full;
    }
    return hops < than.hops;
}

}  // namespace

json::object MappingStepToJson(
    const Catalog& catalog, const std::string& from, const MappingEdge& edge
) {
    json::object step;
    if (edge.set != nullptr) {
        step["mapping_set"] = edge.set->urn;
        step["direction"] = edge.reverse ? "reverse" : "forward";
    } else {
        step["mapping_set"] = nullptr;
        step["direction"] = "alias";
    }
    auto describe = [&](const std::string& urn) {
        const NodeEntry* e = catalog.FindNode(urn);
        return json::object{
            {"urn", urn},
            {"ref_id", e != nullptr ? e->node->ref_id : ""},
            {"framework", e != nullptr ? e->framework->urn : ""}};
    };
    step["from"] = describe(from);
    step["to"] = describe(edge.to_urn);
    step["relationship"] = RelationshipName(edge.relationship);
    return step;
}

json::object Coverage(const Catalog& catalog, const CoverageQuery& query) {
    // Breadth-first over mapping edges from the satisfied source requirements. A node may be
    // revisited when a path that is full (or shorter) appears; paths longer than max_hops stop.
    std::unordered_map<std::string, Reach> best;
    std::deque<std::string> queue;
    for (const Node& n : query.from->nodes) {
        const bool counted = query.satisfied != nullptr ? query.satisfied->contains(n.urn)
                                                        : (n.assessable && !n.withdrawn);
        if (counted) {
            best[n.urn] = Reach{true, 0, {}, nullptr};
            queue.push_back(n.urn);
        }
    }
    while (!queue.empty()) {
        const std::string urn = std::move(queue.front());
        queue.pop_front();
        const Reach here = best.at(urn);
        if (here.hops >= query.max_hops) {
            continue;
        }
        for (const MappingEdge& edge : catalog.EdgesFrom(urn)) {
            const bool full = here.full && Contains(edge.relationship);
            // An alias step joins two copies of one standard: it costs no hop.
            const int hops = here.hops + (edge.set != nullptr ? 1 : 0);
            auto it = best.find(edge.to_urn);
            if (it != best.end() && !Better(full, hops, it->second)) {
                continue;
            }
            best[edge.to_urn] = Reach{full, hops, urn, &edge};
            queue.push_back(edge.to_urn);
        }
    }

    json::array requirements;
    std::int64_t full_count = 0;
    std::int64_t partial_count = 0;
    std::int64_t total = 0;
    for (const Node& n : query.to->nodes) {
        if (!n.assessable || n.withdrawn) {
            continue;
        }
        ++total;
        json::object item{{"urn", n.urn}, {"ref_id", n.ref_id}, {"name", n.name}};
        auto it = best.find(n.urn);
        if (it == best.end() || it->second.via == nullptr) {
            item["coverage"] = "none";
            requirements.emplace_back(std::move(item));
            continue;
        }
        (it->second.full ? full_count : partial_count) += 1;
        item["coverage"] = it->second.full ? "full" : "partial";
        json::array path;
        for (std::string at = n.urn; best.at(at).via != nullptr; at = best.at(at).previous) {
            const Reach& r = best.at(at);
            path.emplace(path.begin(), MappingStepToJson(catalog, r.previous, *r.via));
        }
        item["hops"] = it->second.hops;
        item["path"] = std::move(path);
        requirements.emplace_back(std::move(item));
    }
    return json::object{
        {"from", query.from->urn},
        {"to", query.to->urn},
        {"summary",
         json::object{
             {"requirements", total},
             {"full", full_count},
             {"partial", partial_count},
             {"none", total - full_count - partial_count}}},
        {"requirements", std::move(requirements)}};
}

}  // namespace isms::catalog
