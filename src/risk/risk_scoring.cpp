#include "risk/risk_scoring.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

namespace isms::risk {

namespace {

/// The value of an integer member, nullopt when absent or null.
std::optional<std::int64_t> IntMember(const json::object& fields, const std::string& name) {
    const json::value* v = fields.if_contains(name);
    if (v == nullptr || v->is_null()) {
        return std::nullopt;
    }
    return v->to_number<std::int64_t>();
}

}  // namespace

Result<json::object> ScoreRisk(const RiskMethod& method, const json::object& fields) {
    json::object out;
    std::vector<FieldError> problems;
    auto check =
        [&](const std::string& name, std::optional<std::int64_t> value, int size, const char* scale
        ) {
            if (value && (*value < 1 || *value > size)) {
                problems.push_back(
                    {name,
                     fmt::format("must be from 1 to {} (the risk method's {} scale)", size, scale)}
                );
                return false;
            }
            return true;
        };
    for (std::string_view stage : kRiskStages) {
        const std::string prefix(stage);
        const auto likelihood = IntMember(fields, prefix + "_likelihood");
        const auto impact = IntMember(fields, prefix + "_impact");
        const bool likelihood_ok =
            check(prefix + "_likelihood", likelihood, method.likelihood.Size(), "likelihood");
        const bool impact_ok = check(prefix + "_impact", impact, method.impact.Size(), "impact");
        json::value level = nullptr;
        if (likelihood && impact && likelihood_ok && impact_ok) {
            ISMS_TRY_ASSIGN(
                const RiskLevel* scored,
                Score(method, static_cast<int>(*likelihood), static_cast<int>(*impact))
            );
            level = json::string(scored->id);
        }
        out[prefix + "_level"] = std::move(level);
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    out["method_version"] = method.version;
    return out;
}

}  // namespace isms::risk
