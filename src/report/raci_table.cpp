#include "report/raci_table.hpp"

#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace isms::report {

Table RaciTable(const json::object& matrix) {
    Table t;
    t.title = "Roles and responsibilities";
    t.notes.emplace_back("R responsible, A accountable, C consulted, I informed");
    t.columns = {"Clause", "Activity"};
    // holder → column index: members by e-mail, then people by name
    std::map<std::pair<std::string, std::int64_t>, std::size_t> column;
    for (const auto& m : matrix.at("members").as_array()) {
        column[{"member", m.at("id").as_int64()}] = t.columns.size();
        t.columns.emplace_back(m.at("email").as_string());
    }
    for (const auto& p : matrix.at("people").as_array()) {
        column[{"person", p.at("id").as_int64()}] = t.columns.size();
        t.columns.emplace_back(p.at("name").as_string());
    }
    t.columns.emplace_back("Gaps");
    const std::pair<const char*, const char*> roles[] = {
        {"responsible", "R"}, {"consulted", "C"}, {"informed", "I"}};
    for (const auto& item : matrix.at("activities").as_array()) {
        const json::object& a = item.as_object();
        std::vector<Cell> row(t.columns.size());
        if (a.at("clause").is_string()) {
            row[0] = std::string(a.at("clause").get_string());
        }
        row[1] = std::string(a.at("activity").as_string());
        auto mark = [&](const json::value& holder, const char* letter) {
            const json::key_value_pair& named = *holder.as_object().begin();
            const auto it = column.find({std::string(named.key()), named.value().as_int64()});
            if (it != column.end()) {
                row[it->second] = std::string(letter);
            }
        };
        if (!a.at("accountable").is_null()) {
            mark(a.at("accountable"), "A");
        }
        for (const auto& [key, letter] : roles) {
            for (const auto& holder : a.at(key).as_array()) {
                mark(holder, letter);
            }
        }
        std::vector<std::string> gaps;
        for (const auto& g : a.at("gaps").as_array()) {
            gaps.emplace_back(g.as_string());
        }
        if (!gaps.empty()) {
            row.back() = fmt::format("{}", fmt::join(gaps, "; "));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace isms::report
