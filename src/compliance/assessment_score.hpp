// Progress and compliance score of an assessment or of one of its sections. Pure.
//  * progress: the share of requirements with a result other than not_assessed;
//  * compliance score: compliant counts 1, partially compliant ½, non-compliant 0, over the
//    requirements with one of those three results (not applicable and not assessed left out);
//    null while none has.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/json.hpp"

namespace isms::compliance {

/// The results a requirement may have, weakest first after not_assessed.
inline constexpr const char* kAssessmentResults[] = {
    "not_assessed", "non_compliant", "partially_compliant", "compliant", "not_applicable"};

/// Findings an audit may add to a result.
inline constexpr const char* kAuditResults[] = {
    "major_nonconformity", "minor_nonconformity", "observation", "opportunity_for_improvement"};

struct ResultCounts {
    std::int64_t requirements = 0;
    std::int64_t not_assessed = 0;
    std::int64_t compliant = 0;
    std::int64_t partially_compliant = 0;
    std::int64_t non_compliant = 0;
    std::int64_t not_applicable = 0;
    std::int64_t inferred = 0;  // of the assessed ones, how many only by inference
    std::int64_t major_nonconformity = 0;
    std::int64_t minor_nonconformity = 0;
    std::int64_t observation = 0;
    std::int64_t opportunity_for_improvement = 0;

    /// Counts one requirement's effective result and audit finding (may be empty).
    void Add(std::string_view result, bool inferred, std::string_view audit_result);
};

/// {"requirements", "assessed", "progress", "compliance_score", "results": {…},
/// "inferred", "audit_results": {…}}; percentages with one decimal.
[[nodiscard]] json::object CountsToJson(const ResultCounts& counts);

}  // namespace isms::compliance
