#include "people/people_rules.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "core/clock.hpp"
#include "store/migrate.hpp"

namespace isms::people {

namespace {

/// A text field of `fields`, "" when absent or null.
std::string TextOf(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

/// Adds an error on `later` when both dates are set and it is before `earlier`.
void CheckOrder(
    const json::object& fields,
    std::string_view earlier,
    std::string_view later,
    std::vector<FieldError>& problems
) {
    const std::string from = TextOf(fields, earlier);
    const std::string to = TextOf(fields, later);
    if (!from.empty() && !to.empty() && to < from) {
        problems.push_back(
            {std::string(later), fmt::format("{} is before {} ({})", to, earlier, from)}
        );
    }
}

}  // namespace

Status PersonRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current == nullptr && TextOf(draft.fields, "status").empty()) {
        draft.fields["status"] = "active";
    }
    return {};
}

Status RoleCompetenceRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    const std::string role = TextOf(after, "role");
    const std::string competence = TextOf(after, "competence");
    ISMS_TRY_ASSIGN(
        auto same,
        tx.sql().Query(
            "SELECT ref FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL AND role = ? AND competence = ? "
                  "AND id <> ?",
            {tx.tenant().value, role, competence, current != nullptr ? current->id.value : 0}
        )
    );
    if (!same.empty()) {
        return Error::Conflict(fmt::format(
            "{} already requires '{}' of the role '{}'", same[0].Text(0), competence, role
        ));
    }
    return {};
}

Status TrainingRecordRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    const std::string today = FormatTimestamp(tx.now()).substr(0, 10);
    if (TextOf(after, "completed_on") > today) {
        problems.push_back({"completed_on", fmt::format("is in the future (today is {})", today)});
    }
    CheckOrder(after, "completed_on", "expires_on", problems);
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

Status AwarenessCampaignRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    CheckOrder(after, "starts_on", "ends_on", problems);
    const json::value* participants = after.if_contains("participants");
    const json::value* completed = after.if_contains("completed_by");
    const json::array none;
    const json::array& invited =
        participants != nullptr && participants->is_array() ? participants->get_array() : none;
    const json::array& done =
        completed != nullptr && completed->is_array() ? completed->get_array() : none;
    for (std::size_t i = 0; i < done.size(); ++i) {
        if (std::find(invited.begin(), invited.end(), done[i]) == invited.end()) {
            problems.push_back(
                {fmt::format("completed_by[{}]", i),
                 fmt::format("person {} is not among the participants", json::serialize(done[i]))}
            );
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    draft.fields["completion_percent"] =
        invited.empty()
            ? json::value(nullptr)
            : json::value(static_cast<std::int64_t>(done.size() * 100 / invited.size()));
    return {};
}

}  // namespace isms::people
