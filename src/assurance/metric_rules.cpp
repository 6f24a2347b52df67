#include "assurance/metric_rules.hpp"

#include <vector>

#include "assurance/metric_builtin.hpp"

namespace isms::assurance {

Status MetricRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    auto has = [&](std::string_view name) {
        const json::value* v = after.if_contains(name);
        return v != nullptr && !v->is_null();
    };
    std::vector<FieldError> problems;
    if (has("target") && !has("direction")) {
        problems.push_back(
            {"direction", "required with a target: at_least or at_most the target is met"}
        );
    }
    if (has("direction") && !has("target")) {
        problems.push_back({"target", "required with a direction: the value to meet"});
    }
    if (has("automatic")) {
        if (!has("frequency")) {
            problems.push_back(
                {"frequency", "required for an automatic metric: how often isms computes it"}
            );
        }
        const BuiltinMetric* b = FindBuiltin(after.at("automatic").as_string());
        for (const auto& [field, text] :
             {std::pair{"measured", b->measured},
              std::pair{"formula", b->formula},
              std::pair{"unit", b->unit}}) {
            if (!has(field)) {
                draft.fields[field] = text;
            }
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

}  // namespace isms::assurance
