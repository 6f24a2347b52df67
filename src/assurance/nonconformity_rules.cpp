#include "assurance/nonconformity_rules.hpp"

#include <fmt/format.h>

#include "assurance/audit_records.hpp"

namespace isms::assurance {

namespace {

/// Why a nonconformity with fields `after` and these corrective actions may not close; "" when
/// it may.
std::string CloseRefusal(const json::object& after, const std::vector<schema::Record>& actions) {
    if (TextOf(after, "root_cause_category").empty() && TextOf(after, "root_cause").empty()) {
        return "its root cause is not recorded (set root_cause_category or root_cause)";
    }
    if (actions.empty()) {
        return "it has no corrective action (add one to corrective_actions)";
    }
    std::int64_t done = 0;
    for (const schema::Record& action : actions) {
        const std::string status = TextOf(action.fields, "status");
        if (status == "done") {
            ++done;
        } else if (status != "cancelled") {
            return fmt::format(
                "corrective action {} is {}, not done",
                action.ref,
                status.empty() ? "without a status" : status
            );
        }
    }
    if (done == 0) {
        return "every corrective action was cancelled: none is done";
    }
    const std::string effectiveness = TextOf(after, "effectiveness");
    if (effectiveness == "not_effective") {
        return "the corrective actions were verified not effective: plan further action";
    }
    const json::value* by = after.if_contains("verified_by");
    if (effectiveness.empty() || by == nullptr || by->is_null()
        || TextOf(after, "verified_on").empty()) {
        return "the effectiveness of the corrective actions is not verified (set verified_by, "
               "verified_on and effectiveness: effective)";
    }
    return {};
}

}  // namespace

Status NonconformityRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    const bool was_closed = current != nullptr && TextOf(current->fields, "status") == "closed";
    const bool closing = TextOf(after, "status") == "closed";
    if (closing && !was_closed) {
        std::vector<schema::Record> actions;
        if (current != nullptr) {
            ISMS_TRY_ASSIGN(
                actions,
                RecordsPointingTo(
                    tx, deps_.registry, "corrective_actions", "nonconformity", current->id.value
                )
            );
        }
        const std::string refusal = CloseRefusal(after, actions);
        if (!refusal.empty()) {
            return Error::Conflict("status: the nonconformity cannot close: " + refusal);
        }
        draft.fields["closed_on"] = FormatDate(Today(deps_.clock));
    } else if (!closing && was_closed) {
        draft.fields["closed_on"] = nullptr;
    }
    return {};
}

}  // namespace isms::assurance
