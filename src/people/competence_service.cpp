#include "people/competence_service.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::people {

namespace {

std::string TextOf(const schema::Record& r, std::string_view name) {
    const json::value* v = r.fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

Result<std::vector<schema::Record>> All(
    store::TenantScope& scope, const schema::RegisterSpec& spec
) {
    ISMS_TRY_ASSIGN(schema::ListQuery query, schema::ParseListQuery(spec, {}));
    return store::ListAllRecords(scope, spec, query);
}

}  // namespace

Result<json::object> CompetenceService::Gaps(
    const iam::Principal& who, std::optional<RecordId> person
) {
    const schema::RegisterSpec& people_spec = registry_.Get("people");
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, who.tenant));
    std::vector<schema::Record> people;
    if (person) {
        ISMS_TRY_ASSIGN(schema::Record one, store::GetRecord(session, people_spec, *person));
        people.push_back(std::move(one));
    } else {
        ISMS_TRY_ASSIGN(people, All(session, people_spec));
    }
    ISMS_TRY_ASSIGN(auto requirements, All(session, registry_.Get("role_competences")));
    ISMS_TRY_ASSIGN(auto training, All(session, registry_.Get("training_records")));
    const std::string today = FormatDate(Today(clock_));
    // (person id, competence) → the latest expiry of its records; "" when one never expires.
    std::map<std::pair<std::int64_t, std::string>, std::string> latest;
    for (const schema::Record& t : training) {
        const json::value* who_took = t.fields.if_contains("person");
        if (who_took == nullptr || !who_took->is_int64()) {
            continue;
        }
        const auto key = std::make_pair(who_took->as_int64(), TextOf(t, "competence"));
        const std::string expires = TextOf(t, "expires_on");
        auto [it, inserted] = latest.emplace(key, expires);
        if (!inserted && !it->second.empty() && (expires.empty() || expires > it->second)) {
            it->second = expires;
        }
    }
    json::array gaps;
    std::int64_t checked = 0;
    std::int64_t counted_people = 0;
    for (const schema::Record& p : people) {
        if (TextOf(p, "status") == "left") {
            continue;
        }
        ++counted_people;
        const std::string role = TextOf(p, "job_role");
        for (const schema::Record& r : requirements) {
            if (role.empty() || TextOf(r, "role") != role) {
                continue;
            }
            ++checked;
            const std::string competence = TextOf(r, "competence");
            const auto found = latest.find({p.id.value, competence});
            const bool current =
                found != latest.end() && (found->second.empty() || found->second >= today);
            if (current) {
                continue;
            }
            gaps.push_back(json::object{
                {"person",
                 json::object{{"id", p.id.value}, {"ref", p.ref}, {"name", TextOf(p, "name")}}},
                {"job_role", role},
                {"competence", competence},
                {"reason", found == latest.end() ? "no_training" : "expired"},
                {"expired_on",
                 found == latest.end() ? json::value(nullptr) : json::value(found->second)}});
        }
    }
    const auto missing = static_cast<std::int64_t>(gaps.size());
    return json::object{
        {"as_of", today},
        {"people", counted_people},
        {"requirements", checked},
        {"met", checked - missing},
        {"gaps", std::move(gaps)}};
}

}  // namespace isms::people
