#include "report/risk_exports.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "iam/permission.hpp"
#include "risk/method_store.hpp"
#include "risk/risk_scoring.hpp"
#include "schema/record.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::report {

namespace {

using Ids = std::map<std::int64_t, std::string>;

/// Everything a risk row refers to, loaded once per export.
struct Context {
    risk::RiskMethod method;
    Ids users;            // id → e-mail
    Ids assets;           // id → ref
    Ids threats;          // id → "THR-1 Name"
    Ids vulnerabilities;  // id → ref
    Ids risks;            // id → ref
    std::vector<schema::Record> risk_list;
    std::vector<schema::Record> actions;
};

Result<std::vector<schema::Record>> All(
    store::TenantScope& scope, const schema::Registry& registry, const char* name
) {
    return store::ListAllRecords(scope, registry.Get(name));
}

Cell Text(const schema::Record& r, const char* field) {
    const json::value* v = r.fields.if_contains(field);
    if (v == nullptr || v->is_null()) {
        return std::monostate{};
    }
    if (v->is_string()) {
        return std::string(v->get_string());
    }
    return json::serialize(*v);
}

Cell Number(const schema::Record& r, const char* field) {
    const json::value* v = r.fields.if_contains(field);
    if (v == nullptr || !v->is_number()) {
        return std::monostate{};
    }
    return v->to_number<double>();
}

std::vector<std::int64_t> IdList(const schema::Record& r, const char* field) {
    return schema::ReferenceIds(r.fields.if_contains(field));
}

std::string Names(const Ids& names, const std::vector<std::int64_t>& ids) {
    std::vector<std::string> out;
    for (std::int64_t id : ids) {
        const auto it = names.find(id);
        out.push_back(it != names.end() ? it->second : std::to_string(id));
    }
    return fmt::format("{}", fmt::join(out, "; "));
}

std::string LevelLabel(const risk::RiskMethod& method, const json::value* id) {
    if (id == nullptr || !id->is_string()) {
        return {};
    }
    for (const risk::RiskLevel& level : method.levels) {
        if (level.id == id->get_string()) {
            return level.label;
        }
    }
    return std::string(id->get_string());
}

Cell Optional(std::string text) {
    return text.empty() ? Cell(std::monostate{}) : Cell(std::move(text));
}

Result<Context> Load(
    store::Database& db, const schema::Registry& registry, const iam::Principal& who
) {
    ISMS_TRY(iam::Authorize(who, registry.Get("risks"), iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db, who.tenant));
    Context c;
    ISMS_TRY_ASSIGN(c.method, risk::CurrentMethod(session));
    ISMS_TRY_ASSIGN(
        auto users,
        session.sql().Query(
            "SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.tenant_id = ?",
            {who.tenant.value}
        )
    );
    for (const auto& row : users) {
        c.users[row.Int(0)] = row.Text(1);
    }
    ISMS_TRY_ASSIGN(auto assets, All(session, registry, "assets"));
    for (const auto& a : assets) {
        c.assets[a.id.value] = a.ref;
    }
    ISMS_TRY_ASSIGN(auto threats, All(session, registry, "threats"));
    for (const auto& t : threats) {
        c.threats[t.id.value] = t.ref + " " + std::string(t.fields.at("name").as_string());
    }
    ISMS_TRY_ASSIGN(auto vulnerabilities, All(session, registry, "vulnerabilities"));
    for (const auto& v : vulnerabilities) {
        c.vulnerabilities[v.id.value] = v.ref;
    }
    ISMS_TRY_ASSIGN(c.risk_list, All(session, registry, "risks"));
    for (const auto& r : c.risk_list) {
        c.risks[r.id.value] = r.ref;
    }
    ISMS_TRY_ASSIGN(c.actions, All(session, registry, "treatment_actions"));
    return c;
}

}  // namespace

Result<Table> RiskExports::RiskRegister(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(Context c, Load(db_, registry_, who));
    std::map<std::int64_t, std::vector<std::string>> action_refs;
    // Annex A controls in their natural order (A.8.5 before A.8.13).
    auto natural = [](const std::string& a, const std::string& b) {
        return catalog::VersionLess(a, b);
    };
    std::map<std::int64_t, std::set<std::string, decltype(natural)>> controls;
    for (const auto& action : c.actions) {
        for (std::int64_t risk : IdList(action, "risks")) {
            action_refs[risk].push_back(action.ref);
            if (const json::value* list = action.fields.if_contains("annex_a_controls");
                list != nullptr && list->is_array()) {
                for (const auto& control : list->get_array()) {
                    controls.try_emplace(risk, natural).first->second.emplace(control.get_string());
                }
            }
        }
    }
    Table t;
    t.title = "Risk register";
    t.columns = {
        "Ref",
        "Title",
        "Approach",
        "Assets",
        "Threat",
        "Vulnerabilities",
        "Risk owner",
        "Existing controls"};
    for (const char* stage : {"Inherent", "Current", "Residual"}) {
        t.columns.push_back(std::string(stage) + " likelihood");
        t.columns.push_back(std::string(stage) + " impact");
        t.columns.push_back(std::string(stage) + " level");
    }
    for (const char* column :
         {"Treatment",
          "Justification",
          "Treatment actions",
          "Annex A controls",
          "Status",
          "Review date",
          "Accepted until",
          "Method version"}) {
        t.columns.emplace_back(column);
    }
    for (const schema::Record& r : c.risk_list) {
        std::vector<Cell> row = {
            r.ref,
            Text(r, "title"),
            Text(r, "approach"),
            Optional(Names(c.assets, IdList(r, "assets"))),
            std::monostate{},
            Optional(Names(c.vulnerabilities, IdList(r, "vulnerabilities"))),
            r.owner ? Optional(c.users[r.owner->value]) : Cell(std::monostate{}),
            Text(r, "existing_controls")};
        if (const json::value* threat = r.fields.if_contains("threat");
            threat != nullptr && threat->is_int64()) {
            row[4] = Optional(Names(c.threats, {threat->get_int64()}));
        }
        for (std::string_view stage : risk::kRiskStages) {
            const std::string prefix(stage);
            row.push_back(Number(r, (prefix + "_likelihood").c_str()));
            row.push_back(Number(r, (prefix + "_impact").c_str()));
            row.push_back(Optional(LevelLabel(c.method, r.fields.if_contains(prefix + "_level"))));
        }
        const auto refs = action_refs.find(r.id.value);
        const auto annex = controls.find(r.id.value);
        row.push_back(Text(r, "treatment"));
        row.push_back(Text(r, "treatment_justification"));
        row.push_back(Optional(
            refs != action_refs.end() ? fmt::format("{}", fmt::join(refs->second, "; ")) : ""
        ));
        row.push_back(Optional(
            annex != controls.end() ? fmt::format("{}", fmt::join(annex->second, "; ")) : ""
        ));
        row.push_back(Text(r, "status"));
        row.push_back(Text(r, "review_date"));
        row.push_back(Text(r, "accepted_until"));
        row.push_back(Number(r, "method_version"));
        t.rows.push_back(std::move(row));
    }
    return t;
}

Result<Table> RiskExports::TreatmentPlan(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(Context c, Load(db_, registry_, who));
    const std::string today = FormatDate(isms::Today(clock_));
    std::map<std::int64_t, const schema::Record*> risk_records;
    for (const auto& r : c.risk_list) {
        risk_records[r.id.value] = &r;
    }
    Table t;
    t.title = "Risk treatment plan";
    t.columns = {
        "Ref",
        "Title",
        "Risks",
        "Level now → target",
        "Annex A controls",
        "Owner",
        "Status",
        "Due",
        "Completed on",
        "Cost",
        "Effort (person-days)",
        "Overdue"};
    for (const schema::Record& a : c.actions) {
        const auto risks = IdList(a, "risks");
        std::vector<std::string> levels;
        for (std::int64_t id : risks) {
            const auto it = risk_records.find(id);
            if (it == risk_records.end()) {
                continue;
            }
            const schema::Record& risk = *it->second;
            // "now" is the current assessment, or the inherent one before any is made
            const json::value* now = risk.fields.if_contains("current_level");
            if (now == nullptr || now->is_null()) {
                now = risk.fields.if_contains("inherent_level");
            }
            levels.push_back(fmt::format(
                "{}: {} → {}",
                risk.ref,
                LevelLabel(c.method, now),
                LevelLabel(c.method, risk.fields.if_contains("residual_level"))
            ));
        }
        std::string controls;
        if (const json::value* list = a.fields.if_contains("annex_a_controls");
            list != nullptr && list->is_array()) {
            std::vector<std::string> refs;
            for (const auto& control : list->get_array()) {
                refs.emplace_back(control.get_string());
            }
            controls = fmt::format("{}", fmt::join(refs, "; "));
        }
        const Cell status = Text(a, "status");
        const Cell due = Text(a, "due_date");
        const auto* status_text = std::get_if<std::string>(&status);
        const auto* due_text = std::get_if<std::string>(&due);
        const bool open =
            status_text == nullptr || *status_text == "planned" || *status_text == "in_progress";
        const bool overdue = open && due_text != nullptr && *due_text < today;
        t.rows.push_back({
            a.ref,
            Text(a, "title"),
            Optional(Names(c.risks, risks)),
            Optional(fmt::format("{}", fmt::join(levels, "; "))),
            Optional(controls),
            a.owner ? Optional(c.users[a.owner->value]) : Cell(std::monostate{}),
            status,
            due,
            Text(a, "completed_on"),
            Number(a, "cost"),
            Number(a, "effort_days"),
            std::string(overdue ? "yes" : "no"),
        });
    }
    return t;
}

}  // namespace isms::report
