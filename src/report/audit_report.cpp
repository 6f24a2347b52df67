#include "report/audit_report.hpp"

#include <map>
#include <string>

namespace isms::report {

namespace {

std::string Text(const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::string Joined(const json::object& o, std::string_view key) {
    std::string out;
    const json::value* v = o.if_contains(key);
    if (v == nullptr || !v->is_array()) {
        return out;
    }
    for (const auto& item : v->get_array()) {
        if (!out.empty()) {
            out += ", ";
        }
        out += item.is_string() ? std::string(item.get_string()) : json::serialize(item);
    }
    return out;
}

Cell TextCell(std::string text) {
    return text.empty() ? Cell{} : Cell{std::move(text)};
}

}  // namespace

Table AuditReportTable(const json::object& data) {
    const json::object& audit = data.at("audit").as_object();
    Table t;
    t.title = "Internal audit report";
    t.notes = {
        Text(audit, "ref") + " " + Text(audit, "title"),
        "Status: " + Text(audit, "status"),
        "Planned " + Text(audit, "planned_start") + " to " + Text(audit, "planned_end")
            + "; performed on " + Text(audit, "performed_on"),
        "Auditors: " + Joined(data, "auditors"),
        "Clauses in scope: " + Joined(audit, "scope_clauses"),
        "Annex A controls in scope: " + Joined(audit, "scope_controls"),
        "Areas in scope: " + Joined(audit, "scope_areas"),
        "Criteria: " + Text(audit, "criteria"),
        "Conclusion: " + Text(audit, "conclusion")};
    std::map<std::string, std::int64_t> results;
    for (const auto& v : data.at("items").as_array()) {
        ++results[Text(v.as_object(), "result")];
    }
    std::string summary = "Checklist results:";
    for (const auto& [result, count] : results) {
        summary += " " + (result.empty() ? std::string("none") : result) + " "
                   + std::to_string(count) + ";";
    }
    t.notes.push_back(summary);
    t.columns = {
        "Kind",
        "Ref",
        "Requirement",
        "Title",
        "Result or classification",
        "Notes",
        "Evidence",
        "Raised as"};
    std::map<std::int64_t, std::string> item_requirement;
    for (const auto& v : data.at("items").as_array()) {
        const json::object& item = v.as_object();
        item_requirement[item.at("id").as_int64()] = Text(item, "requirement_ref");
        t.rows.push_back(
            {Cell{std::string("checklist item")},
             Cell{Text(item, "ref")},
             TextCell(Text(item, "requirement_ref")),
             TextCell(Text(item, "requirement_name")),
             TextCell(Text(item, "result")),
             TextCell(Text(item, "notes")),
             TextCell(Joined(item, "evidence_refs")),
             Cell{}}
        );
    }
    for (const auto& v : data.at("findings").as_array()) {
        const json::object& finding = v.as_object();
        const json::value* item = finding.if_contains("checklist_item");
        t.rows.push_back(
            {Cell{std::string("finding")},
             Cell{Text(finding, "ref")},
             TextCell(
                 item != nullptr && item->is_int64() ? item_requirement[item->as_int64()]
                                                     : Text(finding, "requirement")
             ),
             TextCell(Text(finding, "title")),
             TextCell(Text(finding, "kind")),
             TextCell(Text(finding, "description")),
             Cell{},
             TextCell(Text(finding, "nonconformity_ref"))}
        );
    }
    return t;
}

Result<ExportFile> AuditReportFile(
    const json::object& data, std::string_view format, const std::string& date
) {
    const std::string ref(data.at("audit").at("ref").as_string());
    return RenderExport(AuditReportTable(data), format, "audit-report-" + ref, date);
}

}  // namespace isms::report
