#include "risk/asset_requirements.hpp"

#include <algorithm>
#include <unordered_map>

namespace isms::risk {

std::vector<EffectiveRequirement> EffectiveRequirements(
    const std::vector<AssetNode>& assets,
    std::int64_t id,
    const std::vector<std::string>& properties
) {
    std::unordered_map<std::int64_t, const AssetNode*> by_id;
    std::unordered_map<std::int64_t, std::vector<std::int64_t>> dependants;  // reversed edges
    for (const AssetNode& a : assets) {
        by_id[a.id] = &a;
    }
    for (const AssetNode& a : assets) {
        for (std::int64_t target : a.depends_on) {
            if (by_id.contains(target)) {
                dependants[target].push_back(a.id);
            }
        }
    }
    for (auto& [target, list] : dependants) {
        std::sort(list.begin(), list.end());
    }
    std::vector<EffectiveRequirement> out;
    const auto self = by_id.find(id);
    if (self == by_id.end()) {
        return out;
    }
    // Breadth-first over dependants: the first visit of an asset is by a shortest way.
    std::vector<std::int64_t> order = {id};
    std::unordered_map<std::int64_t, std::int64_t> next_towards_self;  // dependant → step down
    for (std::size_t i = 0; i < order.size(); ++i) {
        for (std::int64_t d : dependants[order[i]]) {
            if (d != id && !next_towards_self.contains(d)) {
                next_towards_self[d] = order[i];
                order.push_back(d);
            }
        }
    }
    for (const std::string& property : properties) {
        EffectiveRequirement r;
        r.property = property;
        std::optional<std::int64_t> source;
        for (std::int64_t at : order) {  // self first, then by distance
            const auto& required = by_id[at]->required;
            const auto level = required.find(property);
            if (level == required.end()) {
                continue;
            }
            if (at == id) {
                r.own = level->second;
            }
            if (!r.effective || level->second > *r.effective) {
                r.effective = level->second;
                source = at;
            }
        }
        if (source) {
            for (std::int64_t at = *source; at != id; at = next_towards_self[at]) {
                r.path.push_back(by_id[at]->ref);
            }
            r.path.push_back(self->second->ref);
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace isms::risk
