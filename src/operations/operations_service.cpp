#include "operations/operations_service.hpp"

#include <fmt/format.h>

#include "iam/permission.hpp"
#include "operations/field_values.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"
#include "store/records_past_date.hpp"
#include "store/session.hpp"

namespace isms::operations {

Result<json::object> OperationsService::RaiseRisk(
    const iam::Principal& who, RecordId id, const json::object& body
) {
    const schema::RegisterSpec& incidents = deps_.registry.Get("incidents");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(const schema::Record incident, store::GetRecord(tx, incidents, id));
    ISMS_TRY(iam::Authorize(who, incidents, iam::Action::kUpdate, incident.owner));
    const std::string_view lessons = detail::TextOf(incident.fields, "lessons_learned");
    if (lessons.empty()) {
        return Error::Invalid(
            "lessons_learned", incident.ref + " has no lessons learned to raise as a risk yet"
        );
    }
    json::object risk = body;
    if (!risk.contains("title")) {
        risk["title"] = fmt::format(
            "Lessons from {}: {}", incident.ref, detail::TextOf(incident.fields, "title")
        );
    }
    if (!risk.contains("description")) {
        risk["description"] = lessons;
    }
    const json::value& assets = detail::FieldOf(incident.fields, "affected_assets");
    const bool has_assets = assets.is_array() && !assets.as_array().empty();
    if (!risk.contains("approach")) {
        risk["approach"] = has_assets ? "asset_based" : "event_based";
    }
    if (!risk.contains("assets") && has_assets) {
        risk["assets"] = assets;
    }
    ISMS_TRY_ASSIGN(const schema::Record created, deps_.records.CreateIn(tx, who, "risks", risk));
    json::array linked;
    const json::value& before = detail::FieldOf(incident.fields, "risks");
    if (before.is_array()) {
        linked = before.as_array();
    }
    linked.emplace_back(created.id.value);
    ISMS_TRY_ASSIGN(
        const schema::Record updated,
        deps_.records.PatchIn(
            tx, who, "incidents", id, std::nullopt, json::object{{"risks", std::move(linked)}}
        )
    );
    ISMS_TRY(tx.Commit());
    return json::object{
        {"incident", schema::RecordToJson(incidents, updated)},
        {"risk", schema::RecordToJson(deps_.registry.Get("risks"), created)}};
}

Result<json::object> OperationsService::RaiseNonconformity(
    const iam::Principal& who, RecordId id, const json::object& body
) {
    const schema::RegisterSpec& incidents = deps_.registry.Get("incidents");
    const schema::RegisterSpec& ncs = deps_.registry.Get("nonconformities");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(const schema::Record incident, store::GetRecord(tx, incidents, id));
    ISMS_TRY(iam::Authorize(who, ncs, iam::Action::kCreate));
    ISMS_TRY_ASSIGN(
        auto raised,
        tx.sql().Query(
            "SELECT ref FROM " + store::RegisterTable(ncs)
                + " WHERE tenant_id = ? AND archived_at IS NULL AND incident = ? ORDER BY id",
            {who.tenant.value, id.value}
        )
    );
    if (!raised.empty()) {
        return Error::Conflict(
            fmt::format("incident: {} was already raised as {}", incident.ref, raised[0].Text(0))
        );
    }
    json::object nc = body;
    nc["source"] = "incident";
    nc["incident"] = id.value;
    if (!nc.contains("title")) {
        nc["title"] =
            fmt::format("Incident {}: {}", incident.ref, detail::TextOf(incident.fields, "title"));
    }
    const std::string_view root_cause = detail::TextOf(incident.fields, "root_cause");
    if (!nc.contains("description") && !root_cause.empty()) {
        nc["description"] = root_cause;
    }
    if (!nc.contains("status")) {
        nc["status"] = "open";
    }
    if (!nc.contains("detected_on")) {
        nc["detected_on"] = FormatDate(Today(deps_.clock));
    }
    ISMS_TRY_ASSIGN(
        const schema::Record created, deps_.records.CreateIn(tx, who, "nonconformities", nc)
    );
    ISMS_TRY(tx.Commit());
    return json::object{
        {"incident", schema::RecordToJson(incidents, incident)},
        {"nonconformity", schema::RecordToJson(ncs, created)}};
}

Result<json::object> OperationsService::Expired(const iam::Principal& who) {
    const schema::RegisterSpec& spec = deps_.registry.Get("exceptions");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    const Date today = Today(deps_.clock);
    ISMS_TRY_ASSIGN(
        auto expired,
        store::RecordsPastDate(session, spec, "expires_on", today, {{"status", "approved"}})
    );
    json::array items;
    for (const auto& [r, days] : expired) {
        const json::value* approver = r.fields.if_contains("approver");
        items.push_back(json::object{
            {"id", r.id.value},
            {"ref", r.ref},
            {"title", StringOr(r.fields, "title")},
            {"expires_on", StringOr(r.fields, "expires_on")},
            {"days_expired", days},
            {"approver", approver != nullptr ? *approver : json::value(nullptr)}});
    }
    return json::object{{"as_of", FormatDate(today)}, {"items", std::move(items)}};
}

}  // namespace isms::operations
