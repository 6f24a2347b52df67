#include "context/raci_matrix.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "iam/permission.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::context {

namespace {

/// Who holds a role: a member (user id) or a person of the people register.
struct Holder {
    std::int64_t member = 0;
    std::int64_t person = 0;

    [[nodiscard]] json::object Json() const {
        return member != 0 ? json::object{{"member", member}} : json::object{{"person", person}};
    }
};

struct Activity {
    std::string clause;
    std::vector<Holder> responsible;
    std::optional<Holder> accountable;
    std::vector<Holder> consulted;
    std::vector<Holder> informed;
};

/// A person named in the matrix; gone when they left or were archived.
struct Person {
    std::string name;
    bool gone = false;
};

std::string Text(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::int64_t Id(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_int64() ? v->get_int64() : 0;
}

json::array HoldersJson(const std::vector<Holder>& holders) {
    json::array out;
    for (const Holder& h : holders) {
        out.emplace_back(h.Json());
    }
    return out;
}

/// The gaps of one activity: nobody (still there) accountable or responsible.
json::array Gaps(const Activity& a, const std::map<std::int64_t, Person>& people) {
    auto gone = [&](const Holder& h) {
        return h.person != 0 && people.at(h.person).gone;
    };
    json::array gaps;
    if (!a.accountable) {
        gaps.emplace_back("nobody is accountable");
    } else if (gone(*a.accountable)) {
        gaps.emplace_back(
            fmt::format("{} (accountable) has left", people.at(a.accountable->person).name)
        );
    }
    std::vector<std::string> left;
    for (const Holder& h : a.responsible) {
        if (gone(h)) {
            left.push_back(people.at(h.person).name);
        }
    }
    if (a.responsible.empty()) {
        gaps.emplace_back("nobody is responsible");
    } else if (left.size() == 1 && a.responsible.size() == 1) {
        gaps.emplace_back(fmt::format("{} (responsible) has left", left[0]));
    } else if (left.size() == a.responsible.size()) {
        const std::string last = left.back();
        left.pop_back();
        gaps.emplace_back(
            fmt::format("{} and {} (responsible) have left", fmt::join(left, ", "), last)
        );
    }
    return gaps;
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
    std::set<std::int64_t> persons;
    for (const schema::Record& r : rows) {
        const std::string clause = Text(r.fields, "clause");
        Activity& a = activities[{clause, Text(r.fields, "activity")}];
        a.clause = clause;
        const Holder holder{Id(r.fields, "member"), Id(r.fields, "person")};
        if (holder.member != 0) {
            members.insert(holder.member);
        } else {
            persons.insert(holder.person);
        }
        const std::string raci = Text(r.fields, "raci");
        if (raci == "accountable") {
            a.accountable = holder;
        } else if (raci == "responsible") {
            a.responsible.push_back(holder);
        } else if (raci == "consulted") {
            a.consulted.push_back(holder);
        } else {
            a.informed.push_back(holder);
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
    // Archived people too: a row keeps naming a person after they were archived.
    ISMS_TRY_ASSIGN(
        auto staff,
        session.sql().Query(
            "SELECT id, name, member, status, archived_at FROM "
                + store::RegisterTable(deps_.registry.Get("people"))
                + " WHERE tenant_id = ? ORDER BY name, id",
            {who.tenant.value}
        )
    );
    std::map<std::int64_t, Person> people;
    json::array person_list;
    for (const auto& row : staff) {
        if (!persons.contains(row.Int(0))) {
            continue;
        }
        const std::string status = row.IsNull(3) ? "active" : row.Text(3);
        const bool archived = !row.IsNull(4);
        people[row.Int(0)] = Person{row.Text(1), archived || status == "left"};
        person_list.push_back(json::object{
            {"id", row.Int(0)},
            {"name", row.Text(1)},
            {"member", row.IsNull(2) ? json::value(nullptr) : json::value(row.Int(2))},
            {"status", status},
            {"archived", archived}});
    }
    json::array out;
    std::int64_t gaps = 0;
    for (auto& [key, a] : activities) {
        json::array problems = Gaps(a, people);
        gaps += problems.empty() ? 0 : 1;
        out.push_back(json::object{
            {"activity", key.second},
            {"clause", a.clause.empty() ? json::value(nullptr) : json::value(a.clause)},
            {"responsible", HoldersJson(a.responsible)},
            {"accountable", a.accountable ? json::value(a.accountable->Json()) : json::value()},
            {"consulted", HoldersJson(a.consulted)},
            {"informed", HoldersJson(a.informed)},
            {"gaps", std::move(problems)}});
    }
    return json::object{
        {"members", std::move(member_list)},
        {"people", std::move(person_list)},
        {"activities", std::move(out)},
        {"gaps", gaps}};
}

}  // namespace isms::context
