#include "report/review_minutes.hpp"

#include <string>

#include <fmt/format.h>

namespace isms::report {

namespace {

std::string Text(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return "";
    }
    return v->is_string() ? std::string(v->get_string()) : json::serialize(*v);
}

std::string Joined(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || !v->is_array()) {
        return "";
    }
    std::string out;
    for (const auto& item : v->get_array()) {
        out += (out.empty() ? "" : ", ") + std::string(item.as_string());
    }
    return out;
}

void Row(Table& t, std::string section, std::string item, std::string detail) {
    t.rows.push_back({std::move(section), std::move(item), std::move(detail)});
}

}  // namespace

Table ReviewMinutesTable(const json::object& minutes) {
    const json::object& review = minutes.at("review").as_object();
    const json::object& inputs = minutes.at("inputs").as_object();
    Table t;
    t.title = "Management review minutes";
    t.columns = {"Section", "Item", "Detail"};
    t.notes.push_back(fmt::format("{} — {}", Text(review, "ref"), Text(review, "title")));
    if (inputs.at("frozen").as_bool()) {
        t.notes.push_back(fmt::format(
            "Inputs compiled at {}, SHA-256 {}", Text(inputs, "compiled_at"), Text(inputs, "sha256")
        ));
    } else {
        t.notes.emplace_back("Inputs not compiled yet: a live preview");
    }
    Row(t, "Meeting", "Date", Text(review, "meeting_date"));
    Row(t, "Meeting", "Status", Text(review, "status"));
    Row(t, "Meeting", "Participants", Joined(review, "participants"));
    const json::object& compiled = inputs.at("inputs").as_object();
    const json::value& previous = compiled.at("previous_review");
    Row(t,
        "Meeting",
        "Previous review",
        previous.is_object() ? Text(previous.as_object(), "ref") + " of "
                                   + Text(previous.as_object(), "meeting_date")
                             : std::string("none"));
    for (const auto& item : compiled.at("items").as_array()) {
        const json::object& i = item.as_object();
        Row(t,
            "Inputs (9.3.2)",
            fmt::format("{} {}", Text(i, "clause"), Text(i, "title")),
            Text(i, "summary"));
    }
    Row(t, "Outputs (9.3.3)", "Decisions", Text(review, "decisions"));
    Row(t, "Outputs (9.3.3)", "Resource needs", Text(review, "resource_needs"));
    Row(t, "Outputs (9.3.3)", "Conclusions", Text(review, "conclusions"));
    for (const auto& action : minutes.at("actions").as_array()) {
        const json::object& a = action.as_object();
        Row(t,
            "Actions",
            fmt::format("{} {}", Text(a, "ref"), Text(a, "title")),
            fmt::format(
                "owner {}, due {}, {}",
                Text(a, "owner").empty() ? "none" : Text(a, "owner"),
                Text(a, "due_date"),
                Text(a, "status").empty() ? "open" : Text(a, "status")
            ));
    }
    return t;
}

}  // namespace isms::report
