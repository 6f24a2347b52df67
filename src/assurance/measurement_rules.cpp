#include "assurance/measurement_rules.hpp"

#include <fmt/format.h>

#include "assurance/metric_trend.hpp"
#include "store/records.hpp"

namespace isms::assurance {

Status MeasurementRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    if (current != nullptr) {
        if (draft.fields.contains("metric")
            && draft.fields.at("metric") != current->fields.at("metric")) {
            return Error::Invalid(
                "metric", "a measurement stays with its metric; record a new one"
            );
        }
        if (current->fields.contains("source") && current->fields.at("source") == "automatic"
            && draft.fields.contains("value")
            && draft.fields.at("value") != current->fields.at("value")) {
            return Error::Invalid(
                "value", "isms computed this value; record a new measurement instead"
            );
        }
    }
    const std::string today = FormatDate(Today(clock_));
    if (const json::value* on = after.if_contains("measured_on");
        on != nullptr && on->is_string() && on->get_string() > today) {
        return Error::Invalid(
            "measured_on",
            fmt::format(
                "{} is in the future (today is {})", std::string_view(on->get_string()), today
            )
        );
    }
    if (current == nullptr) {
        const RecordId metric_id{after.at("metric").to_number<std::int64_t>()};
        ISMS_TRY_ASSIGN(
            const schema::Record metric, store::GetRecord(tx, registry_.Get("metrics"), metric_id)
        );
        for (const char* field : {"target", "direction"}) {
            if (const json::value* v = metric.fields.if_contains(field)) {
                draft.fields[field] = *v;
            }
        }
        if (!draft.fields.contains("source")) {
            draft.fields["source"] = "manual";
        }
    }
    const json::object completed = records::FieldsAfter(current, draft);
    const json::value* target = completed.if_contains("target");
    const json::value* direction = completed.if_contains("direction");
    draft.fields["breach"] = Breaches(
        completed.at("value").to_number<double>(),
        target != nullptr && !target->is_null() ? std::optional(target->to_number<double>())
                                                : std::nullopt,
        direction != nullptr && direction->is_string() ? std::string_view(direction->get_string())
                                                       : std::string_view()
    );
    return {};
}

}  // namespace isms::assurance
