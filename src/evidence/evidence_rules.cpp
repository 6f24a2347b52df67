#include "evidence/evidence_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "evidence/citations.hpp"

namespace isms::evidence {

Status EvidenceRules::BeforeWrite(
    store::WriteTx& /*tx*/,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    const json::object after = records::FieldsAfter(current, draft);
    const json::value null;
    auto field = [&](std::string_view name) -> const json::value& {
        const json::value* v = after.if_contains(name);
        return v != nullptr ? *v : null;
    };
    const bool link = field("kind") == "link";
    const bool has_url = !field("url").is_null();
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
    const json::value& collected = field("collected_on");
    const json::value& valid_until = field("valid_until");
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
