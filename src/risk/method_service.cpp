#include "risk/method_service.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "iam/permission.hpp"
#include "risk/method_store.hpp"
#include "risk/risk_method_json.hpp"
#include "risk/risk_scoring.hpp"
#include "schema/list_query.hpp"
#include "store/records.hpp"
#include "store/session.hpp"

namespace isms::risk {

namespace {

/// One risk whose computed fields differ under the new method.
struct Rescore {
    std::int64_t id = 0;
    std::string ref;
    json::object scored;  // the new computed fields
    json::array changes;  // [{id, ref, stage, before, after}]
};

/// Scores every live risk with `method`; problems name the risks whose values fall outside it.
Result<std::vector<Rescore>> RescoreAll(
    store::TenantScope& scope, const schema::RegisterSpec& spec, const RiskMethod& method
) {
    std::vector<Rescore> out;
    std::vector<FieldError> problems;
    ISMS_TRY_ASSIGN(auto risks, store::ListAllRecords(scope, spec));
    for (const schema::Record& risk : risks) {
        auto scored = ScoreRisk(method, risk.fields);
        if (!scored) {
            for (const FieldError& f : scored.error().fields) {
                problems.push_back(
                    {"likelihood/impact", fmt::format("{}: {} {}", risk.ref, f.field, f.message)}
                );
            }
            continue;
        }
        Rescore r{risk.id.value, risk.ref, std::move(*scored), {}};
        for (std::string_view stage : kRiskStages) {
            const std::string name = std::string(stage) + "_level";
            const json::value* before = risk.fields.if_contains(name);
            const json::value& after = r.scored.at(name);
            const json::value old = before != nullptr ? *before : json::value(nullptr);
            if (old != after) {
                r.changes.push_back(json::object{
                    {"id", risk.id.value},
                    {"ref", risk.ref},
                    {"stage", stage},
                    {"before", old},
                    {"after", after}});
            }
        }
        out.push_back(std::move(r));
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return out;
}

json::object Summary(const RiskMethod& method, const std::vector<Rescore>& rescored) {
    json::array changed;
    for (const Rescore& r : rescored) {
        for (const auto& c : r.changes) {
            changed.push_back(c);
        }
    }
    return json::object{
        {"method", MethodToJson(method)},
        {"rescored",
         json::object{
             {"risks", static_cast<std::int64_t>(rescored.size())},
             {"changed", std::move(changed)}}}};
}

}  // namespace

Result<json::object> MethodService::Current(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(RiskMethod method, CurrentMethod(session));
    return MethodToJson(method);
}

Result<json::object> MethodService::Versions(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(auto versions, MethodVersions(session));
    json::array items;
    for (const MethodVersionInfo& v : versions) {
        items.push_back(json::object{
            {"version", v.version},
            {"created_at", v.created_at ? json::value(FormatTimestamp(*v.created_at)) : nullptr},
            {"created_by", v.created_by ? json::value(v.created_by->value) : nullptr}});
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> MethodService::Version(const iam::Principal& who, int version) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(RiskMethod method, MethodVersion(session, version));
    return MethodToJson(method);
}

Result<json::object> MethodService::Change(
    const iam::Principal& who, const json::value& body, std::optional<std::int64_t> expected_version
) {
    ISMS_TRY(iam::RequireManager(who));
    ISMS_TRY_ASSIGN(RiskMethod method, MethodFromJson(body));
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(RiskMethod current, EnsureMethod(tx));
    if (expected_version && *expected_version != current.version) {
        return Error::Stale(fmt::format(
            "the risk method is at version {}, not {}", current.version, *expected_version
        ));
    }
    ISMS_TRY_ASSIGN(RiskMethod saved, SaveMethodVersion(tx, std::move(method)));
    ISMS_TRY_ASSIGN(auto rescored, RescoreAll(tx, spec, saved));
    for (const Rescore& r : rescored) {
        schema::Draft draft;
        draft.fields = r.scored;
        ISMS_TRY(store::UpdateRecord(tx, spec, RecordId{r.id}, std::nullopt, draft));
    }
    ISMS_TRY(tx.Commit());
    return Summary(saved, rescored);
}

Result<json::object> MethodService::Preview(const iam::Principal& who, const json::value& body) {
    ISMS_TRY(iam::RequireManager(who));
    ISMS_TRY_ASSIGN(RiskMethod method, MethodFromJson(body));
    const schema::RegisterSpec& spec = deps_.registry.Get("risks");
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(RiskMethod current, CurrentMethod(session));
    method.version = current.version + 1;
    ISMS_TRY_ASSIGN(auto rescored, RescoreAll(session, spec, method));
    return Summary(method, rescored);
}

Result<json::object> MethodService::Matrices(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    json::array items;
    for (const auto& library : view->libraries()) {
        for (const catalog::RiskMatrix& m : library->risk_matrices) {
            auto count = [&](std::string_view key) -> std::int64_t {
                const json::value* v = m.definition.if_contains(key);
                return v != nullptr && v->is_array()
                           ? static_cast<std::int64_t>(v->get_array().size())
                           : 0;
            };
            items.push_back(json::object{
                {"urn", m.urn},
                {"name", m.name},
                {"library", library->urn},
                {"library_version", library->version},
                {"likelihood_levels", count("probability")},
                {"impact_levels", count("impact")},
                {"risk_levels", count("risk")}});
        }
    }
    return json::object{{"items", std::move(items)}};
}

Result<json::object> MethodService::FromMatrix(const iam::Principal& who, std::string_view urn) {
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    for (const auto& library : view->libraries()) {
        for (const catalog::RiskMatrix& m : library->risk_matrices) {
            if (m.urn == urn) {
                ISMS_TRY_ASSIGN(RiskMethod method, FromRiskMatrix(m));
                return MethodToJson(method);
            }
        }
    }
    return Error::NotFound(
        "no risk matrix '" + std::string(urn) + "' in this organization's catalog"
    );
}

}  // namespace isms::risk
