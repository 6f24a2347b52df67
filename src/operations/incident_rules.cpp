#include "operations/incident_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "operations/field_values.hpp"
#include "store/records.hpp"

namespace isms::operations {

using detail::TextOf;

Status IncidentRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    const std::string_view status = TextOf(after, "status");
    const std::string_view detected = TextOf(after, "detected_at");
    const std::string_view resolved = TextOf(after, "resolved_at");
    if ((status == "resolved" || status == "closed") && resolved.empty()) {
        problems.push_back({"resolved_at", fmt::format("required once the incident is {}", status)}
        );
    }
    if (!resolved.empty() && resolved < detected) {
        problems.push_back(
            {"resolved_at", fmt::format("{} is before the detection at {}", resolved, detected)}
        );
    }
    if (status == "closed" && TextOf(after, "lessons_learned").empty()) {
        problems.push_back(
            {"lessons_learned", "required to close an incident: what was learned (A.5.27)"}
        );
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

Status IncidentTimelineRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    const auto incident_id = detail::IdOf(after, "incident");
    if (!incident_id) {
        return {};  // required: the declared validation has refused it already
    }
    ISMS_TRY_ASSIGN(
        const schema::Record incident,
        store::GetRecord(tx, registry_.Get("incidents"), RecordId{*incident_id})
    );
    const std::string_view detected = TextOf(incident.fields, "detected_at");
    const std::string_view at = TextOf(after, "at");
    if (!at.empty() && at < detected) {
        return Error::Invalid(
            "at", fmt::format("{} is before {} was detected ({})", at, incident.ref, detected)
        );
    }
    return {};
}

}  // namespace isms::operations
