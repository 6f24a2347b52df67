#include "evidence/evidence_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "evidence/citations.hpp"

namespace isms::evidence {

namespace {

/// The value a field will have after the write: the draft's (null when cleared), else the
/// stored one, else null.
const json::value& After(
    const schema::Record* current, const schema::Draft& draft, std::string_view field
) {
    static const json::value kNull;
    if (const json::value* v = draft.fields.if_contains(field); v != nullptr) {
        return *v;
    }
    if (current != nullptr) {
        if (const json::value* v = current->fields.if_contains(field); v != nullptr) {
            return *v;
        }
    }
    return kNull;
}

}  // namespace

Status EvidenceRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    const json::value& kind = After(current, draft, "kind");
    const bool link = kind.is_string() && kind.get_string() == "link";
    const bool has_url = !After(current, draft, "url").is_null();
    if (link && !has_url) {
        problems.push_back({"url", "required for a link: where the evidence lives"});
    }
    if (!link && has_url) {
        problems.push_back(
            {"url", "a file has no link; upload its content to /api/v1/evidence/{id}/file"}
        );
    }
    if (link && current != nullptr && current->fields.contains("sha256")) {
        problems.push_back({"kind", "this evidence has uploaded content; it stays a file"});
    }
    const json::value& collected = After(current, draft, "collected_on");
    const json::value& valid_until = After(current, draft, "valid_until");
    if (collected.is_string() && valid_until.is_string()
        && valid_until.get_string() < collected.get_string()) {
        problems.push_back(
            {"valid_until",
             fmt::format(
                 "{} is before the collection date {}",
                 std::string_view(valid_until.get_string()),
                 std::string_view(collected.get_string())
             )}
        );
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

Status EvidenceRules::BeforeArchive(
    store::WriteTx& tx, const schema::RegisterSpec& /*spec*/, const schema::Record& current
) {
    ISMS_TRY_ASSIGN(auto citations, CitationsOf(tx, current.id.value));
    if (citations.empty()) {
        return {};
    }
    std::vector<std::string> labels;
    for (const Citation& c : citations) {
        labels.push_back(c.label);
    }
    return Error::Conflict(
        fmt::format("{} cannot be deleted: it is cited by {}", current.ref, fmt::join(labels, ", "))
    );
}

}  // namespace isms::evidence
