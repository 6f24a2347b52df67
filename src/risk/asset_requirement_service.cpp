#include "risk/asset_requirement_service.hpp"

#include <string>
#include <vector>

#include "iam/permission.hpp"
#include "risk/asset_requirements.hpp"
#include "risk/method_store.hpp"
#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

struct Loaded {
    std::vector<AssetNode> assets;
    std::vector<std::string> properties;
};

Result<Loaded> Load(const RiskDeps& deps, const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps.registry.Get("assets");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps.db, who.tenant));
    ISMS_TRY_ASSIGN(RiskMethod method, CurrentMethod(session));
    Loaded out;
    out.properties = {"confidentiality", "integrity", "availability"};
    out.properties.insert(
        out.properties.end(),
        method.extra_asset_properties.begin(),
        method.extra_asset_properties.end()
    );
    ISMS_TRY_ASSIGN(auto records, store::ListAllRecords(session, spec));
    for (const schema::Record& r : records) {
        AssetNode node;
        node.id = r.id.value;
        node.ref = r.ref;
        node.name = std::string(r.fields.at("name").as_string());
        for (const std::string& p : out.properties) {
            if (const json::value* v = r.fields.if_contains(p); v != nullptr && !v->is_null()) {
                node.required[p] = static_cast<int>(v->to_number<std::int64_t>());
            }
        }
        if (const json::value* list = r.fields.if_contains("depends_on");
            list != nullptr && list->is_array()) {
            for (const auto& item : list->get_array()) {
                node.depends_on.push_back(item.to_number<std::int64_t>());
            }
        }
        out.assets.push_back(std::move(node));
    }
    return out;
}

json::object Render(const Loaded& loaded, const AssetNode& asset) {
    json::array requirements;
    for (const EffectiveRequirement& r :
         EffectiveRequirements(loaded.assets, asset.id, loaded.properties)) {
        json::array path;
        for (const std::string& ref : r.path) {
            path.emplace_back(json::string(ref));
        }
        requirements.push_back(json::object{
            {"property", r.property},
            {"own", r.own ? json::value(*r.own) : nullptr},
            {"effective", r.effective ? json::value(*r.effective) : nullptr},
            {"inherited", r.effective && (!r.own || *r.effective > *r.own)},
            {"path", std::move(path)}});
    }
    return json::object{
        {"asset", json::object{{"id", asset.id}, {"ref", asset.ref}, {"name", asset.name}}},
        {"requirements", std::move(requirements)}};
}

}  // namespace

Result<json::object> AssetRequirementService::ForAsset(const iam::Principal& who, RecordId id) {
    ISMS_TRY_ASSIGN(Loaded loaded, Load(deps_, who));
    for (const AssetNode& asset : loaded.assets) {
        if (asset.id == id.value) {
            return Render(loaded, asset);
        }
    }
    return Error::NotFound("no live asset with id " + std::to_string(id.value));
}

Result<json::object> AssetRequirementService::ForAll(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(Loaded loaded, Load(deps_, who));
    json::array items;
    for (const AssetNode& asset : loaded.assets) {
        items.push_back(Render(loaded, asset));
    }
    return json::object{{"items", std::move(items)}};
}

}  // namespace isms::risk
