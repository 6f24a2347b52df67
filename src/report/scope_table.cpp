#include "report/scope_table.hpp"

#include <string>

#include <fmt/format.h>

namespace isms::report {

namespace {

std::string Str(const json::value& v) {
    return v.is_string() ? std::string(v.get_string()) : std::string();
}

}  // namespace

Table ScopeTable(const json::object& scope) {
    Table t;
    t.title = "Scope of the ISMS";
    t.notes.push_back(fmt::format(
        "Version {}, written {}", scope.at("version").as_int64(), Str(scope.at("created_at"))
    ));
    if (const std::string comment = Str(scope.at("comment")); !comment.empty()) {
        t.notes.push_back(comment);
    }
    t.columns = {"Section", "Item", "Reason"};
    auto row = [&t](const char* section, const json::value& item, const json::value& reason) {
        t.rows.push_back({std::string(section), Str(item), [&]() -> Cell {
                              if (reason.is_string()) {
                                  return Str(reason);
                              }
                              return std::monostate{};
                          }()});
    };
    const json::value none;
    row("Scope statement", scope.at("statement"), none);
    const std::pair<const char*, const char*> lists[] = {
        {"in_scope", "In scope"},
        {"out_of_scope", "Out of scope"},
        {"interfaces", "Interface"},
        {"dependencies", "Dependency"}};
    for (const auto& [key, section] : lists) {
        for (const auto& item : scope.at(key).as_array()) {
            row(section, item, none);
        }
    }
    for (const auto& item : scope.at("exclusions").as_array()) {
        row("Exclusion", item.at("what"), item.at("reason"));
    }
    const json::value* approval = scope.if_contains("approval");
    if (approval != nullptr && approval->is_object()) {
        const json::object& a = approval->get_object();
        row("Approval",
            json::value(fmt::format(
                "Approved by top management (user {}) at {}", a.at("by").as_int64(), Str(a.at("at"))
            )),
            a.at("comment"));
    } else {
        row("Approval", json::value("Not approved by top management"), none);
    }
    return t;
}

}  // namespace isms::report
