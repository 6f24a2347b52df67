// Security requirements an asset inherits through dependencies (ISO/IEC 27005 asset
// identification): an asset that others rely on must meet the highest requirement of every
// asset that depends on it, directly or through other assets. Pure: the service loads the
// assets of a tenant and renders the answer.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace isms::risk {

/// What the computation needs of one asset.
struct AssetNode {
    std::int64_t id = 0;
    std::string ref;
    std::string name;
    std::map<std::string, int> required;   // property → own level (1..5); absent = not set
    std::vector<std::int64_t> depends_on;  // ids of assets this one relies on
};

/// One property of one asset: its own level, the level it must meet, and where that comes from.
struct EffectiveRequirement {
    std::string property;
    std::optional<int> own;
    std::optional<int> effective;  // max of own and of every dependant's own level
    /// The refs from the asset that sets `effective` down to this asset ("AST-1", "AST-4",
    /// "AST-7"); only this asset's ref when its own level is the highest; empty when no level.
    std::vector<std::string> path;
};

/// `properties` in order, for the asset `id` among `assets` (ids in depends_on that are not
/// among `assets` are ignored, cycles are tolerated). Ties go to the asset's own level, then
/// to the nearest dependant (fewest steps; at each step the lowest id is tried first).
[[nodiscard]] std::vector<EffectiveRequirement> EffectiveRequirements(
    const std::vector<AssetNode>& assets,
    std::int64_t id,
    const std::vector<std::string>& properties
);

}  // namespace isms::risk
