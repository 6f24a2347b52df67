#include "context/context_rules.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "store/migrate.hpp"

namespace isms::context {

namespace {

/// The declared fields of a record after a write, read by name (null when unset).
class After {
public:
    After(const schema::Record* current, const schema::Draft& draft)
        : fields_(records::FieldsAfter(current, draft)) {}

    [[nodiscard]] const json::value& operator[](std::string_view name) const {
        const json::value* v = fields_.if_contains(name);
        return v != nullptr ? *v : null_;
    }
    /// True when the field holds a non-empty text or list.
    [[nodiscard]] bool Filled(std::string_view name) const {
        const json::value& v = (*this)[name];
        return (v.is_string() && !v.get_string().empty())
               || (v.is_array() && !v.get_array().empty()) || v.is_int64() || v.is_double()
               || v.is_bool();
    }
    [[nodiscard]] bool Is(std::string_view name, std::string_view value) const {
        const json::value& v = (*this)[name];
        return v.is_string() && v.get_string() == value;
    }

private:
    json::object fields_;
    json::value null_;
};

Status Refuse(std::vector<FieldError> problems) {
    if (problems.empty()) {
        return {};
    }
    return Error::Invalid(std::move(problems));
}

std::string Text(const json::value& v) {
    return v.is_string() ? std::string(v.get_string()) : std::string();
}

}  // namespace

Status PartyRequirementRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const After after(current, draft);
    std::vector<FieldError> problems;
    const bool addressed = after["addressed"].is_bool() && after["addressed"].get_bool();
    if (addressed && !after.Filled("how_addressed")) {
        problems.push_back({"how_addressed", "required when the ISMS addresses the requirement"});
    }
    if (!addressed && !after.Filled("reason_not_addressed")) {
        problems.push_back(
            {"reason_not_addressed", "required when the ISMS does not address the requirement"}
        );
    }
    return Refuse(std::move(problems));
}

Status ObligationRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const After after(current, draft);
    std::vector<FieldError> problems;
    if ((after.Is("status", "compliant") || after.Is("status", "partially_compliant"))
        && !after.Filled("applied_controls")) {
        problems.push_back(
            {"applied_controls",
             fmt::format(
                 "a {} obligation names the applied controls that meet it",
                 Text(after["status"]) == "compliant" ? "compliant" : "partially compliant"
             )}
        );
    }
    if (after.Is("status", "not_applicable") && !after.Filled("justification")) {
        problems.push_back({"justification", "required when the obligation is not applicable"});
    }
    return Refuse(std::move(problems));
}

Status ResponsibilityRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    const After after(current, draft);
    const std::int64_t member = after["member"].is_int64() ? after["member"].get_int64() : 0;
    const std::int64_t person = after["person"].is_int64() ? after["person"].get_int64() : 0;
    if (member == 0 && person == 0) {
        return Error::Invalid("member", "name a member or a person");
    }
    if (member != 0 && person != 0) {
        return Error::Invalid("person", "name a member or a person, not both");
    }
    const std::string people = store::RegisterTable(registry_.Get("people"));
    // The member this row's holder is: the member named, or the one the person is linked to.
    std::int64_t holder_member = member;
    if (person != 0) {
        ISMS_TRY_ASSIGN(
            auto found,
            tx.sql().Query(
                "SELECT ref, member, status FROM " + people + " WHERE tenant_id = ? AND id = ?",
                {tx.tenant().value, person}
            )
        );
        if (found.empty()) {
            return Error::Invalid("person", fmt::format("no people record with id {}", person));
        }
        if (draft.fields.contains("person") && found[0].Text(2) == "left") {
            return Error::Invalid(
                "person",
                fmt::format(
                    "{} has left the organization; name someone who has not", found[0].Text(0)
                )
            );
        }
        holder_member = found[0].Int(1);
    }
    const std::string activity = Text(after["activity"]);
    const std::string field = person != 0 ? "person" : "member";
    ISMS_TRY_ASSIGN(
        auto others,
        tx.sql().Query(
            "SELECT r.ref, r.member, r.person, p.member, p.ref, r.raci FROM "
                + store::RegisterTable(spec) + " r LEFT JOIN " + people
                + " p ON p.tenant_id = r.tenant_id AND p.id = r.person WHERE r.tenant_id = ? AND "
                  "r.archived_at IS NULL AND r.activity = ? AND r.id <> ?",
            {tx.tenant().value, activity, current != nullptr ? current->id.value : std::int64_t{0}}
        )
    );
    for (const auto& row : others) {
        const std::int64_t other_person = row.Int(2);
        const std::int64_t other_member = row.Int(1) != 0 ? row.Int(1) : row.Int(3);
        const bool same_person = person != 0 && other_person == person;
        if (same_person || (holder_member != 0 && other_member == holder_member)) {
            // How the other row names this holder, when not by the same field and id.
            std::string through;
            if (!same_person && other_person != 0) {
                through = person != 0 ? fmt::format(", as {}, the same member", row.Text(4))
                                      : fmt::format(", as {} who is this member", row.Text(4));
            } else if (!same_person && person != 0) {
                through = ", as the member this person is";
            }
            return Error::Conflict(fmt::format(
                "{}: this {} already holds a role in '{}' ({}{}); change that row instead",
                field,
                field,
                activity,
                row.Text(0),
                through
            ));
        }
        if (after.Is("raci", "accountable") && row.Text(5) == "accountable") {
            return Error::Invalid(
                "raci",
                fmt::format(
                    "'{}' already has someone accountable ({}): one per activity",
                    activity,
                    row.Text(0)
                )
            );
        }
    }
    return {};
}

Status ObjectiveRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const After after(current, draft);
    std::vector<FieldError> problems;
    const bool has_owner = draft.owner.has_value()
                               ? draft.owner->has_value()
                               : (current != nullptr && current->owner.has_value());
    if (!has_owner) {
        problems.push_back({"owner", "an objective needs an owner who is responsible for it"});
    }
    if (after.Is("status", "achieved")) {
        if (!after.Filled("current_value")) {
            problems.push_back(
                {"current_value", "record the measured value of an achieved objective"}
            );
        }
        if (!after.Filled("achieved_on")) {
            problems.push_back({"achieved_on", "required when the objective is achieved"});
        }
    } else if (after.Filled("achieved_on")) {
        problems.push_back({"achieved_on", "only an achieved objective has an achievement day"});
    }
    return Refuse(std::move(problems));
}

Status IsmsChangeRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current != nullptr) {
        const json::value* was = current->fields.if_contains("status");
        const std::string before = was != nullptr ? Text(*was) : "";
        if ((before == "done" || before == "rejected" || before == "cancelled")
            && !draft.fields.empty()) {
            return Error::Conflict(fmt::format(
                "status: {} is {}, which is final; plan a new change instead", current->ref, before
            ));
        }
    }
    const After after(current, draft);
    std::vector<FieldError> problems;
    const bool underway = after.Is("status", "approved") || after.Is("status", "in_progress")
                          || after.Is("status", "done");
    if (underway) {
        for (const char* field : {"consequences", "resources", "responsible"}) {
            if (!after.Filled(field)) {
                problems.push_back(
                    {field, fmt::format("required before the change is {}", Text(after["status"]))}
                );
            }
        }
    }
    if (after.Is("status", "done") && !after.Filled("completed_on")) {
        problems.push_back({"completed_on", "required when the change is done"});
    }
    if (!after.Is("status", "done") && after.Filled("completed_on")) {
        problems.push_back({"completed_on", "only a done change has a completion day"});
    }
    return Refuse(std::move(problems));
}

}  // namespace isms::context
