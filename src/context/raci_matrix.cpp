#include "context/raci_matrix.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>

#include "iam/permission.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::context {

namespace {

struct Activity {
    std::string clause;
    json::array responsible;
    json::value accountable;
    json::array consulted;
    json::array informed;
};

std::string Text(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace

Result<json::object> RaciMatrix::Get(const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps_.registry.Get("responsibilities");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto rows, store::ListAllRecords(session, spec));
    // (clause, activity) → who holds which role
    std::map<std::pair<std::string, std::string>, Activity> activities;
    std::set<std::int64_t> members;
    for (const schema::Record& r : rows) {
        const std::string clause = Text(r.fields, "clause");
        Activity& a = activities[{clause, Text(r.fields, "activity")}];
        a.clause = clause;
        const std::int64_t member = r.fields.at("member").as_int64();
        members.insert(member);
        const std::string raci = Text(r.fields, "raci");
        if (raci == "accountable") {
            a.accountable = member;
        } else if (raci == "responsible") {
            a.responsible.push_back(member);
        } else if (raci == "consulted") {
            a.consulted.push_back(member);
        } else {
            a.informed.push_back(member);
        }
    }
    ISMS_TRY_ASSIGN(
        auto users,
        session.sql().Query(
            "SELECT u.id, u.email FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.tenant_id = ? ORDER BY u.email",
            {who.tenant.value}
        )
    );
    json::array member_list;
    for (const auto& row : users) {
        if (members.contains(row.Int(0))) {
            member_list.push_back(json::object{{"id", row.Int(0)}, {"email", row.Text(1)}});
        }
    }
    json::array out;
    std::int64_t gaps = 0;
    for (auto& [key, a] : activities) {
        json::array problems;
        if (a.accountable.is_null()) {
            problems.emplace_back("nobody is accountable");
        }
        if (a.responsible.empty()) {
            problems.emplace_back("nobody is responsible");
        }
        gaps += problems.empty() ? 0 : 1;
        out.push_back(json::object{
            {"activity", key.second},
            {"clause", a.clause.empty() ? json::value(nullptr) : json::value(a.clause)},
            {"responsible", std::move(a.responsible)},
            {"accountable", a.accountable},
            {"consulted", std::move(a.consulted)},
            {"informed", std::move(a.informed)},
            {"gaps", std::move(problems)}});
    }
    return json::object{
        {"members", std::move(member_list)}, {"activities", std::move(out)}, {"gaps", gaps}};
}

}  // namespace isms::context
