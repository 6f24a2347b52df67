#include "operations/exception_rules.hpp"

#include <array>

#include <fmt/format.h>

#include "operations/field_values.hpp"

namespace isms::operations {

using detail::FieldOf;
using detail::IdOf;
using detail::TextOf;

namespace {

/// What an approval covers: a change to any of these needs a new approval.
constexpr std::array<std::string_view, 5> kApprovedTerms = {
    "controls", "applied_control", "justification", "expires_on", "approver"};

bool ChangesApprovedTerms(const schema::Record& current, const schema::Draft& draft) {
    for (std::string_view name : kApprovedTerms) {
        const json::value* v = draft.fields.if_contains(name);
        if (v != nullptr && *v != FieldOf(current.fields, name)) {
            return true;
        }
    }
    return false;
}

}  // namespace

Status ExceptionRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& who,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    if (current == nullptr) {
        draft.fields["requested_by"] = who.user.value;
        const std::string_view asked = TextOf(draft.fields, "status");
        if (!asked.empty() && asked != "requested") {
            return Error::Invalid("status", "a new exception is requested; its approver decides");
        }
        draft.fields["status"] = "requested";
    }
    const std::string_view before = current != nullptr ? TextOf(current->fields, "status") : "";
    if (current != nullptr && before == "approved" && !draft.fields.contains("status")
        && ChangesApprovedTerms(*current, draft)) {
        draft.fields["status"] = "requested";  // the approval covered the old terms only
        draft.fields["decided_at"] = nullptr;
    }
    const json::object after = records::FieldsAfter(current, draft);
    const auto requester = IdOf(after, "requested_by");
    const auto approver = IdOf(after, "approver");
    if (approver && approver == requester) {
        return Error::Invalid("approver", "must be a member other than the requester");
    }
    const std::string_view status = TextOf(after, "status");
    const std::string_view expires = TextOf(after, "expires_on");
    const std::string today = FormatDate(Today(clock_));
    if (current == nullptr && !expires.empty() && expires <= today) {
        return Error::Invalid(
            "expires_on", fmt::format("{} is not after today ({})", expires, today)
        );
    }
    if (status == before) {
        return {};
    }
    if (status == "approved" || status == "rejected") {
        if (!approver || *approver != who.user.value) {
            return Error::Invalid(
                "status",
                fmt::format(
                    "only the approver (user {}) may approve or reject this exception",
                    approver ? std::to_string(*approver) : std::string("none")
                )
            );
        }
        if (before != "requested") {
            return Error::Invalid(
                "status",
                fmt::format("a {} exception cannot be {}; request it again", before, status)
            );
        }
        if (status == "approved" && expires <= today) {
            return Error::Invalid(
                "expires_on",
                fmt::format("{} has passed: an expired exception cannot be approved", expires)
            );
        }
        draft.fields["decided_at"] = FormatTimestamp(tx.now());
    } else if (status == "revoked" && before != "approved") {
        return Error::Invalid("status", "only an approved exception can be revoked");
    }
    return {};
}

}  // namespace isms::operations
