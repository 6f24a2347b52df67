#include "compliance/assessment_score.hpp"

#include <cmath>

namespace isms::compliance {

namespace {

double Percent(double part, double whole) {
    return std::round(1000.0 * part / whole) / 10.0;
}

}  // namespace

void ResultCounts::Add(std::string_view result, bool by_inference, std::string_view audit_result) {
    ++requirements;
    if (result == "compliant") {
        ++compliant;
    } else if (result == "partially_compliant") {
        ++partially_compliant;
    } else if (result == "non_compliant") {
        ++non_compliant;
    } else if (result == "not_applicable") {
        ++not_applicable;
    } else {
        ++not_assessed;
        return;
    }
    inferred += by_inference ? 1 : 0;
    if (audit_result == "major_nonconformity") {
        ++major_nonconformity;
    } else if (audit_result == "minor_nonconformity") {
        ++minor_nonconformity;
    } else if (audit_result == "observation") {
        ++observation;
    } else if (audit_result == "opportunity_for_improvement") {
        ++opportunity_for_improvement;
    }
}

json::object CountsToJson(const ResultCounts& c) {
    const std::int64_t assessed = c.requirements - c.not_assessed;
    const std::int64_t scored = c.compliant + c.partially_compliant + c.non_compliant;
    return json::object{
        {"requirements", c.requirements},
        {"assessed", assessed},
        {"progress",
         c.requirements == 0
             ? 0.0
             : Percent(static_cast<double>(assessed), static_cast<double>(c.requirements))},
        {"compliance_score",
         scored == 0 ? json::value(nullptr)
                     : json::value(Percent(
                         static_cast<double>(c.compliant)
                             + 0.5 * static_cast<double>(c.partially_compliant),
                         static_cast<double>(scored)
                     ))},
        {"results",
         json::object{
             {"not_assessed", c.not_assessed},
             {"compliant", c.compliant},
             {"partially_compliant", c.partially_compliant},
             {"non_compliant", c.non_compliant},
             {"not_applicable", c.not_applicable}}},
        {"inferred", c.inferred},
        {"audit_results",
         json::object{
             {"major_nonconformity", c.major_nonconformity},
             {"minor_nonconformity", c.minor_nonconformity},
             {"observation", c.observation},
             {"opportunity_for_improvement", c.opportunity_for_improvement}}}};
}

}  // namespace isms::compliance
