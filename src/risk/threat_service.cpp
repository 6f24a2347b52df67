#include "risk/threat_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "iam/permission.hpp"
#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

constexpr std::size_t kMaxNameLength = 200;  // the threats register's `name`

/// The source URNs of every threat record, archived ones included.
Result<std::set<std::string, std::less<>>> LoadedUrns(
    store::TenantScope& scope, const schema::RegisterSpec& spec
) {
    ISMS_TRY_ASSIGN(schema::ListQuery query, schema::ParseListQuery(spec, {{"archived", "any"}}));
    ISMS_TRY_ASSIGN(auto records, store::ListAllRecords(scope, spec, query));
    std::set<std::string, std::less<>> urns;
    for (const schema::Record& r : records) {
        const json::value* urn = r.fields.if_contains("source_urn");
        if (urn != nullptr && urn->is_string()) {
            urns.emplace(urn->get_string());
        }
    }
    return urns;
}

/// The register's draft of a library threat: what the register cannot hold is left out.
schema::Draft Draft(const schema::RegisterSpec& spec, const catalog::Threat& t) {
    schema::Draft d;
    std::string name = t.name.empty() ? t.ref_id : t.name;
    if (name.size() > kMaxNameLength) {
        name.resize(kMaxNameLength);
        while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0U) == 0x80U) {
            name.pop_back();  // a cut UTF-8 sequence
        }
        if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0x80U) != 0) {
            name.pop_back();
        }
    }
    d.fields["name"] = name;
    if (!t.description.empty()) {
        d.fields["description"] = t.description;
    }
    const schema::FieldSpec* category = spec.Field("category");
    ISMS_CHECK(category != nullptr, "threats declare a category");
    if (std::find(category->values.begin(), category->values.end(), t.category)
        != category->values.end()) {
        d.fields["category"] = t.category;
    }
    json::array origins;
    for (const std::string& origin : t.origins) {
        if (origin == "deliberate" || origin == "accidental" || origin == "environmental") {
            origins.emplace_back(json::string(origin));
        }
    }
    if (!origins.empty()) {
        d.fields["origins"] = std::move(origins);
    }
    d.fields["source_urn"] = t.urn;
    return d;
}

}  // namespace

Result<json::object> ThreatService::Libraries(const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps_.registry.Get("threats");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    std::map<std::string, const catalog::Library*, std::less<>> newest;
    for (const auto& library : view->libraries()) {
        if (library->threats.empty()) {
            continue;
        }
        auto [it, inserted] = newest.try_emplace(library->urn, library.get());
        if (!inserted && catalog::VersionLess(it->second->version, library->version)) {
            it->second = library.get();
        }
    }
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto loaded, LoadedUrns(session, spec));
    json::array items;
    for (const auto& [urn, library] : newest) {
        const auto in_register = std::count_if(
            library->threats.begin(),
            library->threats.end(),
            [&](const catalog::Threat& t) { return loaded.contains(t.urn); }
        );
        items.push_back(json::object{
            {"urn", urn},
            {"version", library->version},
            {"name", library->name},
            {"description", library->description},
            {"threats", library->threats.size()},
            {"loaded", in_register}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> ThreatService::Load(const iam::Principal& who, const json::object& body) {
    const schema::RegisterSpec& spec = deps_.registry.Get("threats");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kCreate));
    std::vector<FieldError> errors;
    for (const auto& member : body) {
        if (member.key() != "library") {
            errors.push_back({std::string(member.key()), "unknown field; expected library"});
        }
    }
    const json::value* urn_value = body.if_contains("library");
    if (urn_value == nullptr || !urn_value->is_string() || urn_value->get_string().empty()) {
        errors.push_back({"library", "required: the URN of a threat library"});
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    const std::string urn(urn_value->get_string());
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    const catalog::Library* library = view->FindLibrary(urn);
    if (library == nullptr) {
        return Error::Invalid("library", "no library '" + urn + "' in this organization's catalog");
    }
    if (library->threats.empty()) {
        return Error::Invalid("library", "the library '" + urn + "' holds no threats");
    }
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(auto loaded, LoadedUrns(tx, spec));
    json::array created;
    std::int64_t already = 0;
    for (const catalog::Threat& t : library->threats) {
        if (loaded.contains(t.urn)) {
            ++already;
            continue;
        }
        ISMS_TRY_ASSIGN(schema::Record r, store::InsertRecord(tx, spec, Draft(spec, t)));
        loaded.insert(t.urn);
        created.push_back(json::object{
            {"id", r.id.value},
            {"ref", r.ref},
            {"name", r.fields.at("name")},
            {"source_urn", t.urn}});
    }
    ISMS_TRY(tx.Commit());
    return json::object{
        {"library", urn},
        {"version", library->version},
        {"created", created.size()},
        {"already_loaded", already},
        {"items", std::move(created)}};
}

}  // namespace isms::risk
