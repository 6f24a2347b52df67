#include "assurance/nonconformity_why_rules.hpp"

#include <fmt/format.h>

#include "assurance/audit_records.hpp"

namespace isms::assurance {

Status NonconformityWhyRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    const std::int64_t nc_id = after.at("nonconformity").to_number<std::int64_t>();
    ISMS_TRY_ASSIGN(
        schema::Record nc,
        OpenNonconformity(tx, deps_.registry, nc_id, "its root-cause analysis can no longer change")
    );
    const std::int64_t position = after.at("position").to_number<std::int64_t>();
    ISMS_TRY_ASSIGN(
        auto steps,
        RecordsPointingTo(tx, deps_.registry, "nonconformity_whys", "nonconformity", nc_id)
    );
    for (const schema::Record& step : steps) {
        if ((current == nullptr || step.id.value != current->id.value)
            && step.fields.at("position").to_number<std::int64_t>() == position) {
            return Error::Invalid(
                "position", fmt::format("{} already has why {} ({})", nc.ref, position, step.ref)
            );
        }
    }
    return {};
}

}  // namespace isms::assurance
