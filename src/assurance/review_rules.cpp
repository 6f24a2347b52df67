#include "assurance/review_rules.hpp"

#include <vector>

#include <fmt/format.h>

namespace isms::assurance {

namespace {

bool Compiled(const schema::Record* review) {
    return review != nullptr && review->fields.contains("inputs_sha256");
}

bool Blank(const json::value* v) {
    return v == nullptr || !v->is_string()
           || v->get_string().find_first_not_of(" \t\r\n") == json::string::npos;
}

}  // namespace

Status ManagementReviewRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    const json::value* status = after.if_contains("status");
    const bool held = status != nullptr && (*status == "held" || *status == "closed");
    if (held && !Compiled(current)) {
        problems.push_back(
            {"status",
             fmt::format(
                 "{} needs the compiled inputs: POST /api/v1/management_reviews/{}/compile first",
                 std::string_view(status->as_string()),
                 current != nullptr ? std::to_string(current->id.value) : "{id}"
             )}
        );
    }
    if (status != nullptr && *status == "closed" && Blank(after.if_contains("decisions"))) {
        problems.push_back(
            {"decisions", "required to close a review: what it decided on improvement and changes"}
        );
    }
    if (Compiled(current) && draft.fields.contains("meeting_date")
        && draft.fields.at("meeting_date") != current->fields.at("meeting_date")) {
        problems.push_back(
            {"meeting_date", "the inputs were compiled for this date; plan another review instead"}
        );
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

Status ManagementReviewRules::BeforeArchive(
    store::WriteTx& /*tx*/, const schema::RegisterSpec& /*spec*/, const schema::Record& current
) {
    if (Compiled(&current)) {
        return Error::Conflict(fmt::format(
            "{} cannot be deleted: its inputs are compiled and signed (a record of the ISMS)",
            current.ref
        ));
    }
    return {};
}

}  // namespace isms::assurance
