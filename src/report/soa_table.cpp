#include "report/soa_table.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

namespace isms::report {

namespace {

std::string Joined(const json::value& list, const char* key) {
    std::vector<std::string> parts;
    for (const auto& item : list.as_array()) {
        if (item.is_string()) {
            parts.emplace_back(item.get_string());
        } else {
            parts.push_back(
                std::string(item.at("ref").as_string()) + " "
                + std::string(item.at(key).as_string())
            );
        }
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

Cell Text(std::string text) {
    return text.empty() ? Cell(std::monostate{}) : Cell(std::move(text));
}

const char* Applicability(const json::value& applicable) {
    if (applicable.is_bool()) {
        return applicable.get_bool() ? "Yes" : "No";
    }
    return "Undecided";
}

}  // namespace

Table SoaTable(const json::object& soa) {
    Table t;
    t.title = "Statement of Applicability";
    if (const json::value* version = soa.if_contains("version"); version != nullptr) {
        t.notes.push_back(fmt::format(
            "Version {}, issued {} — SHA-256 {}",
            version->as_int64(),
            soa.at("issued_at").as_string(),
            soa.contains("sha256") ? std::string(soa.at("sha256").as_string()) : ""
        ));
        if (const json::value* comment = soa.if_contains("comment");
            comment != nullptr && !comment->as_string().empty()) {
            t.notes.emplace_back(comment->as_string());
        }
    } else {
        t.notes.emplace_back("Live view, not an issued version");
    }
    t.columns = {
        "Control",
        "Name",
        "Theme",
        "Applicable",
        "Reasons for inclusion",
        "Justification for exclusion",
        "Implementation",
        "Source",
        "Risks",
        "Applied controls",
        "Treatment actions",
        "Evidence"};
    for (const auto& item : soa.at("controls").as_array()) {
        const json::object& c = item.as_object();
        t.rows.push_back({
            std::string(c.at("ref_id").as_string()),
            std::string(c.at("name").as_string()),
            std::string(c.at("theme").as_string()),
            std::string(Applicability(c.at("applicable"))),
            Text(Joined(c.at("reasons"), "")),
            Text(std::string(c.at("justification").as_string())),
            std::string(c.at("implementation").as_string()),
            std::string(c.at("source").as_string()),
            Text(Joined(c.at("risks"), "title")),
            Text(Joined(c.at("applied_controls"), "name")),
            Text(Joined(c.at("treatment_actions"), "title")),
            // versions issued before evidence was linked have no such list
            Text(c.contains("evidence") ? Joined(c.at("evidence"), "name") : ""),
        });
    }
    return t;
}

}  // namespace isms::report
