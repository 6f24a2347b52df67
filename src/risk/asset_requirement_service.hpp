// AssetRequirementService: the security requirements each asset must meet once those of the
// assets depending on it are taken into account (confidentiality, integrity, availability,
// plus authenticity and non-repudiation where the tenant's risk method enables them).
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/risk_deps.hpp"

namespace isms::risk {

class AssetRequirementService {
public:
    explicit AssetRequirementService(const RiskDeps& deps) : deps_(deps) {}

    /// {"asset": {"id", "ref", "name"}, "requirements": [{"property", "own", "effective",
    /// "inherited", "path": ["AST-1", …]}…]} for one live asset; kNotFound otherwise.
    [[nodiscard]] Result<json::object> ForAsset(const iam::Principal& who, RecordId id);
    /// {"items": [the same for every live asset, by id]}.
    [[nodiscard]] Result<json::object> ForAll(const iam::Principal& who);

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
