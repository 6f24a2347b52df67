#include "assurance/nonconformity_action_rules.hpp"

#include <fmt/format.h>

#include "assurance/audit_records.hpp"
#include "store/records.hpp"

namespace isms::assurance {

Status CorrectiveActionRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    ISMS_TRY_ASSIGN(
        schema::Record nc,
        store::GetRecord(
            tx,
            deps_.registry.Get("nonconformities"),
            RecordId{after.at("nonconformity").to_number<std::int64_t>()}
        )
    );
    if (TextOf(nc.fields, "status") == "closed") {
        return Error::Conflict(fmt::format(
            "nonconformity: {} is closed; reopen it before changing its corrective actions", nc.ref
        ));
    }
    if (TextOf(after, "status") == "done" && TextOf(after, "completed_on").empty()) {
        draft.fields["completed_on"] = FormatDate(Today(deps_.clock));
    }
    return {};
}

}  // namespace isms::assurance
