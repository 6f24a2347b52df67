#include "assurance/review_action_rules.hpp"

#include <vector>

namespace isms::assurance {

Status ReviewActionRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    const std::optional<UserId> owner =
        draft.owner ? *draft.owner : (current != nullptr ? current->owner : std::nullopt);
    if (!owner) {
        problems.push_back({"owner", "required: the member who carries the action out"});
    }
    if (current != nullptr && draft.fields.contains("review")
        && draft.fields.at("review") != current->fields.at("review")) {
        problems.push_back({"review", "an action stays with the review that decided it"});
    }
    const json::object after = records::FieldsAfter(current, draft);
    const json::value* status = after.if_contains("status");
    const bool done = status != nullptr && *status == "done";
    const json::value* completed = after.if_contains("completed_on");
    const bool has_date = completed != nullptr && !completed->is_null();
    if (done && !has_date) {
        draft.fields["completed_on"] = FormatDate(Today(clock_));
    }
    if (!done && has_date) {
        problems.push_back({"completed_on", "only a done action has a completion date"});
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

}  // namespace isms::assurance
