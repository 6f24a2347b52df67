// MethodService: the tenant's risk method (ISO/IEC 27001:2022 6.1.2 a–b). Everyone in the
// tenant reads it; admins and ISMS managers change it. A change stores a new version and, in
// the same transaction, re-scores every live risk with it (each re-scored risk gets an
// "updated" ledger event showing its old and new levels); earlier versions stay readable and
// acceptance snapshots keep the version they were taken under. A change that would leave a
// risk's likelihood or impact outside the new scales is refused, naming the risks.
#pragma once

#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/risk_deps.hpp"
#include "risk/risk_method.hpp"

namespace isms::risk {

class MethodService {
public:
    explicit MethodService(const RiskDeps& deps) : deps_(deps) {}

    /// The current method (risk_method_json.hpp form).
    [[nodiscard]] Result<json::object> Current(const iam::Principal& who);
    /// {"items": [{"version", "created_at", "created_by"}…]}, oldest first.
    [[nodiscard]] Result<json::object> Versions(const iam::Principal& who);
    [[nodiscard]] Result<json::object> Version(const iam::Principal& who, int version);

    /// Saves `body` (a method; its "version" is ignored) as the next version and re-scores.
    /// `expected_version` (If-Match) must be the current version when given. Returns
    /// {"method": …, "rescored": {"risks": n, "changed": [{"id", "ref", "stage", "before",
    /// "after"}…]}}.
    [[nodiscard]] Result<json::object> Change(
        const iam::Principal& who,
        const json::value& body,
        std::optional<std::int64_t> expected_version
    );
    /// What Change would do, without saving anything.
    [[nodiscard]] Result<json::object> Preview(const iam::Principal& who, const json::value& body);
    /// The risk matrices of the tenant's catalog (built-in and imported libraries):
    /// {"items": [{"urn", "name", "library", "likelihood_levels", "impact_levels"}…]}.
    [[nodiscard]] Result<json::object> Matrices(const iam::Principal& who);
    /// A method made from the catalog risk matrix `urn` (FromRiskMatrix), as JSON, for the
    /// caller to review and send to Change.
    [[nodiscard]] Result<json::object> FromMatrix(const iam::Principal& who, std::string_view urn);

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
