#include "assurance/nonconformity_action_rules.hpp"

#include "assurance/audit_records.hpp"

namespace isms::assurance {

Status CorrectiveActionRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    ISMS_TRY(OpenNonconformity(
        tx,
        deps_.registry,
        after.at("nonconformity").to_number<std::int64_t>(),
        "reopen it before changing its corrective actions"
    ));
    if (TextOf(after, "status") == "done" && TextOf(after, "completed_on").empty()) {
        draft.fields["completed_on"] = FormatDate(Today(deps_.clock));
    }
    return {};
}

}  // namespace isms::assurance
