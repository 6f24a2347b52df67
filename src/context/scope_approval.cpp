#include "context/scope_approval.hpp"

#include <vector>

#include <fmt/format.h>

namespace isms::context {

namespace {

constexpr std::size_t kCommentLimit = 1000;

}  // namespace

std::string ScopeApprovalMessage(const ScopeApprovalFacts& f) {
    return fmt::format(
        "isms-scope-approval/1\n{}\n{}\n{}\n{}\n{}",
        f.tenant.value,
        f.version,
        f.sha256,
        f.approver,
        f.approved_at
    );
}

Result<std::string> DecodeApprovalComment(const json::object& body) {
    std::vector<FieldError> problems;
    for (const auto& [key, value] : body) {
        if (key != "comment") {
            problems.push_back({std::string(key), "unknown field"});
        }
    }
    std::string comment;
    if (const json::value* v = body.if_contains("comment"); v != nullptr && !v->is_null()) {
        if (!v->is_string()) {
            problems.push_back({"comment", "must be a string"});
        } else if (v->get_string().size() > kCommentLimit) {
            problems.push_back(
                {"comment", fmt::format("must be at most {} characters", kCommentLimit)}
            );
        } else {
            comment = std::string(v->get_string());
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return comment;
}

}  // namespace isms::context
