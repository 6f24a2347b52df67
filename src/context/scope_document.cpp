#include "context/scope_document.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace isms::context {

namespace {

constexpr std::size_t kStatementLimit = 20000;
constexpr std::size_t kItemLimit = 1000;
constexpr std::size_t kListLimit = 200;
constexpr const char* kLists[] = {"in_scope", "out_of_scope", "interfaces", "dependencies"};
constexpr const char* kCompared[] = {
    "statement", "in_scope", "out_of_scope", "interfaces", "dependencies", "exclusions"};

/// A required, non-blank string of at most `limit` characters at `field`.
void CheckText(
    const json::value* v,
    const std::string& field,
    std::size_t limit,
    std::vector<FieldError>& problems
) {
    if (v == nullptr || v->is_null()) {
        problems.push_back({field, "is required"});
    } else if (!v->is_string()) {
        problems.push_back({field, "must be a string"});
    } else if (v->get_string().find_first_not_of(" \t\r\n") == json::string::npos) {
        problems.push_back({field, "must not be blank"});
    } else if (v->get_string().size() > limit) {
        problems.push_back({field, fmt::format("must be at most {} characters", limit)});
    }
}

/// An optional array of at most kListLimit elements at `field`; null when it is not one.
const json::array* CheckList(
    const json::object& body, const char* field, std::vector<FieldError>& problems
) {
    const json::value* v = body.if_contains(field);
    if (v == nullptr || v->is_null()) {
        return nullptr;
    }
    if (!v->is_array()) {
        problems.push_back({field, "must be an array"});
        return nullptr;
    }
    if (v->get_array().size() > kListLimit) {
        problems.push_back({field, fmt::format("must hold at most {} items", kListLimit)});
        return nullptr;
    }
    return &v->get_array();
}

}  // namespace

Result<json::object> DecodeScope(const json::object& body) {
    std::vector<FieldError> problems;
    for (const auto& [key, value] : body) {
        const bool known =
            key == "statement" || key == "exclusions" || key == "comment"
            || std::find(std::begin(kLists), std::end(kLists), key) != std::end(kLists);
        if (!known) {
            problems.push_back({std::string(key), "unknown field"});
        }
    }
    json::object out;
    CheckText(body.if_contains("statement"), "statement", kStatementLimit, problems);
    out["statement"] = body.contains("statement") ? body.at("statement") : json::value();
    for (const char* list : kLists) {
        json::array items;
        if (const json::array* given = CheckList(body, list, problems)) {
            for (std::size_t i = 0; i < given->size(); ++i) {
                const std::string field = fmt::format("{}[{}]", list, i);
                CheckText(&(*given)[i], field, kItemLimit, problems);
                if (std::find(items.begin(), items.end(), (*given)[i]) != items.end()) {
                    problems.push_back({field, "is listed twice"});
                }
                items.push_back((*given)[i]);
            }
        }
        out[list] = std::move(items);
    }
    json::array exclusions;
    if (const json::array* given = CheckList(body, "exclusions", problems)) {
        for (std::size_t i = 0; i < given->size(); ++i) {
            const std::string field = fmt::format("exclusions[{}]", i);
            const json::value& item = (*given)[i];
            if (!item.is_object()) {
                problems.push_back({field, "must be an object {\"what\", \"reason\"}"});
                continue;
            }
            for (const auto& [key, value] : item.get_object()) {
                if (key != "what" && key != "reason") {
                    problems.push_back({field + "." + std::string(key), "unknown field"});
                }
            }
            CheckText(item.get_object().if_contains("what"), field + ".what", kItemLimit, problems);
            CheckText(
                item.get_object().if_contains("reason"), field + ".reason", kItemLimit, problems
            );
            exclusions.push_back(item);
        }
    }
    out["exclusions"] = std::move(exclusions);
    if (const json::value* comment = body.if_contains("comment");
        comment != nullptr && !comment->is_null()) {
        CheckText(comment, "comment", kItemLimit, problems);
        out["comment"] = *comment;
    } else {
        out["comment"] = "";
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return out;
}

bool SameScope(const json::object& a, const json::object& b) {
    for (const char* key : kCompared) {
        const json::value* x = a.if_contains(key);
        const json::value* y = b.if_contains(key);
        if (x == nullptr || y == nullptr || *x != *y) {
            return false;
        }
    }
    return true;
}

}  // namespace isms::context
