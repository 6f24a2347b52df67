// A tenant's risk method (ISO/IEC 27001:2022 6.1.2 a–b, ISO/IEC 27005): likelihood and impact
// scales, the risk levels, the grid from (likelihood, impact) to a level, and the acceptance
// criteria per level (6.1.2 a 1, 6.1.3 f). Pure values and functions: no I/O, no clock.
// Invariant of a method a tenant has saved: Validate() returned no problem for it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::risk {

/// What an impact is judged on: the CIA triad plus the business consequences 27005 names.
enum class ImpactDimension {
    kConfidentiality,
    kIntegrity,
    kAvailability,
    kFinancial,
    kLegalRegulatory,
    kReputational,
    kOperational,
};

inline constexpr ImpactDimension kAllImpactDimensions[] = {
    ImpactDimension::kConfidentiality,
    ImpactDimension::kIntegrity,
    ImpactDimension::kAvailability,
    ImpactDimension::kFinancial,
    ImpactDimension::kLegalRegulatory,
    ImpactDimension::kReputational,
    ImpactDimension::kOperational};

/// "confidentiality", "integrity", "availability", "financial", "legal_regulatory",
/// "reputational", "operational".
[[nodiscard]] const char* ImpactDimensionName(ImpactDimension d);
/// Parses the names above; nullopt for anything else.
[[nodiscard]] std::optional<ImpactDimension> ParseImpactDimension(std::string_view name);

inline constexpr int kMinScaleLevels = 2;
inline constexpr int kMaxScaleLevels = 10;

/// One step of a likelihood or impact scale.
struct ScaleLevel {
    int value = 0;  // 1..N, levels[i].value == i + 1
    std::string label;
    std::string description;
    std::string frequency;  // likelihood levels only: "once in 1 to 3 years"
    std::map<ImpactDimension, std::string> criteria;  // impact levels only

    bool operator==(const ScaleLevel&) const = default;
};

/// A likelihood or an impact scale, lowest level first.
struct Scale {
    std::vector<ScaleLevel> levels;

    /// Number of levels, i.e. the highest value of a valid scale.
    [[nodiscard]] int Size() const { return static_cast<int>(levels.size()); }
    bool operator==(const Scale&) const = default;
};

/// A risk level ("low" … "critical") as shown on the heat map.
struct RiskLevel {
    std::string id;      // [a-z0-9_-]+, unique in the method; used as key in `acceptance`
    std::string label;   // "Low"
    std::string colour;  // "#rrggbb"
    int order = 0;       // unique; a higher order is a worse risk

    bool operator==(const RiskLevel&) const = default;
};

/// Acceptance criteria of one risk level (6.1.2 a 1, 6.1.3 f).
struct Acceptance {
    bool acceptable_without_treatment = false;
    std::vector<std::string> roles;  // iam role names that may accept residual risk here

    bool operator==(const Acceptance&) const = default;
};

struct RiskMethod {
    int version = 1;  // starts at 1; assessments keep the version they were scored with
    Scale likelihood;
    Scale impact;
    std::vector<RiskLevel> levels;
    /// grid[likelihood - 1][impact - 1] is the id of the risk level of that cell.
    std::vector<std::vector<std::string>> grid;
    std::map<std::string, Acceptance> acceptance;  // by risk level id
    /// Asset security properties the organization assesses beyond confidentiality, integrity
    /// and availability: any of "authenticity", "non_repudiation" (ISO/IEC 27000 3.6, 3.48).
    std::vector<std::string> extra_asset_properties;

    bool operator==(const RiskMethod&) const = default;
};

/// The built-in 5×5 method: likelihood rare … almost certain with frequency hints, impact
/// negligible … severe with criteria for every dimension, levels low / medium / high /
/// critical on a grid that never falls along either axis. Acceptance: low needs no treatment;
/// low and medium may be accepted by a risk owner, high by an ISMS manager, critical only by
/// an admin (top management); a higher role may accept what a lower one may.
[[nodiscard]] RiskMethod DefaultMethod();

/// Every problem of `method`, each at its JSON path ("impact.levels[1].value", "grid[2][4]",
/// "acceptance.high.roles[0]"); empty when the method may be saved. Checks: version ≥ 1;
/// scales of 2..10 levels numbered 1..N in order, labelled, frequency only on likelihood and
/// criteria only on impact levels; risk levels present with unique well-formed ids, labels,
/// #rrggbb colours and unique orders; a grid with exactly one known level per cell;
/// acceptance for every level and only for levels, naming only known roles; extra asset
/// properties named once each from the two allowed.
[[nodiscard]] std::vector<FieldError> Validate(const RiskMethod& method);

/// The risk level of the cell (likelihood, impact). Values outside a scale yield
/// kInvalidArgument on field "likelihood" or "impact" ("must be from 1 to 5"). Requires a
/// validated method; a grid naming an unknown level is reported as kInternal. The pointer
/// points into `method`.
[[nodiscard]] Result<const RiskLevel*> Score(const RiskMethod& method, int likelihood, int impact);

/// True when `role` (an iam role name) may accept residual risk at level `level_id`; false for
/// unknown levels and roles.
[[nodiscard]] bool MayAccept(
    const RiskMethod& method, std::string_view level_id, std::string_view role
);

/// Turns a CISO Assistant risk matrix (catalog::RiskMatrix::definition: "probability",
/// "impact" and "risk" arrays of {name, abbreviation, description, hexcolor} and "grid", one
/// row per probability index of risk indexes) into a version-1 method. Scale values are
/// positions + 1; labels are names (else abbreviations); level ids are the risk names in
/// snake case, made unique; a missing or malformed hexcolor gets a green-to-red default.
/// Acceptance defaults, since matrices carry none: the lowest level is acceptable without
/// treatment; levels in the lower half may be accepted by risk_owner, isms_manager and
/// admin, the highest level only by admin, the others by isms_manager and admin. Shape
/// problems ("definition.risk[2].name"), or when there are none the Validate() problems of
/// the result ("likelihood.levels": more than 10), yield kInvalidArgument.
[[nodiscard]] Result<RiskMethod> FromRiskMatrix(const catalog::RiskMatrix& matrix);

}  // namespace isms::risk
