#include "assurance/audit_service.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "assurance/audit_records.hpp"
#include "assurance/audit_scope.hpp"
#include "iam/permission.hpp"
#include "store/records.hpp"

namespace isms::assurance {

namespace {

std::vector<std::string> ScopeRefs(const json::object& fields) {
    std::vector<std::string> refs = StringList(fields, "scope_clauses");
    const std::vector<std::string> controls = StringList(fields, "scope_controls");
    refs.insert(refs.end(), controls.begin(), controls.end());
    return refs;
}

json::object Gaps(std::int64_t required, std::int64_t covered, json::array gaps) {
    return json::object{{"required", required}, {"covered", covered}, {"gaps", std::move(gaps)}};
}

Result<std::string> UserName(store::TenantScope& scope, std::int64_t id) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT u.name, u.email FROM users u JOIN memberships m ON m.user_id = u.id "
            "WHERE m.tenant_id = ? AND u.id = ?",
            {scope.tenant().value, id}
        )
    );
    if (rows.empty()) {
        return fmt::format("user {}", id);
    }
    return fmt::format("{} <{}>", rows[0].Text(0), rows[0].Text(1));
}

}  // namespace

Result<json::object> AuditService::Coverage(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("audit_programmes");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(json::object soa, deps_.soa.Get(who));
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    ISMS_TRY_ASSIGN(const catalog::Framework* framework, AuditFramework(*view));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record programme, store::GetRecord(session, spec, id));
    ISMS_TRY_ASSIGN(
        auto audits, RecordsPointingTo(session, deps_.registry, "audits", "programme", id.value)
    );
    std::set<std::string, std::less<>> covered;  // requirement ref ids
    std::int64_t counted = 0;
    for (const schema::Record& audit : audits) {
        if (TextOf(audit.fields, "status") == "cancelled") {
            continue;
        }
        ++counted;
        for (const catalog::Node* node : RequirementsInScope(*framework, ScopeRefs(audit.fields))) {
            covered.insert(node->ref_id);
        }
    }
    json::array clause_gaps;
    std::int64_t clauses = 0;
    for (const catalog::Node* node : GroupNodes(*framework, ScopeGroup::kClauses)) {
        if (!node->assessable || node->withdrawn) {
            continue;
        }
        ++clauses;
        if (!covered.contains(node->ref_id)) {
            clause_gaps.push_back(json::object{{"ref_id", node->ref_id}, {"name", node->name}});
        }
    }
    json::array control_gaps;
    std::int64_t controls = 0;
    for (const auto& entry : soa.at("controls").as_array()) {
        const json::object& control = entry.as_object();
        if (!control.at("applicable").is_bool() || !control.at("applicable").as_bool()) {
            continue;
        }
        ++controls;
        const std::string ref(control.at("ref_id").as_string());
        if (!covered.contains(ref)) {
            control_gaps.push_back(json::object{{"ref_id", ref}, {"name", control.at("name")}});
        }
    }
    const bool complete = clause_gaps.empty() && control_gaps.empty();
    const auto clause_gap_count = static_cast<std::int64_t>(clause_gaps.size());
    const auto control_gap_count = static_cast<std::int64_t>(control_gaps.size());
    return json::object{
        {"programme",
         json::object{
             {"id", programme.id.value},
             {"ref", programme.ref},
             {"name", programme.fields.at("name")}}},
        {"audits", counted},
        {"clauses", Gaps(clauses, clauses - clause_gap_count, std::move(clause_gaps))},
        {"controls", Gaps(controls, controls - control_gap_count, std::move(control_gaps))},
        {"complete", complete}};
}

Result<json::object> AuditService::GenerateChecklist(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& items_spec = deps_.registry.Get("audit_checklist_items");
    ISMS_TRY(iam::Authorize(who, items_spec, iam::Action::kCreate));
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(who.tenant));
    ISMS_TRY_ASSIGN(const catalog::Framework* framework, AuditFramework(*view));
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record audit, store::GetRecord(tx, deps_.registry.Get("audits"), id));
    const std::string status = TextOf(audit.fields, "status");
    if (status == "closed" || status == "cancelled") {
        return Error::Conflict(fmt::format(
            "status: audit {} is {}; its checklist can no longer grow", audit.ref, status
        ));
    }
    const auto requirements = RequirementsInScope(*framework, ScopeRefs(audit.fields));
    if (requirements.empty()) {
        return Error::Conflict(fmt::format(
            "scope_clauses: audit {} has no clauses or Annex A controls in scope (set "
            "scope_clauses or scope_controls first)",
            audit.ref
        ));
    }
    ISMS_TRY_ASSIGN(
        auto existing,
        RecordsPointingTo(tx, deps_.registry, "audit_checklist_items", "audit", id.value)
    );
    std::set<std::string, std::less<>> present;
    for (const schema::Record& item : existing) {
        present.insert(TextOf(item.fields, "requirement"));
    }
    json::array created;
    std::int64_t already = 0;
    for (const catalog::Node* node : requirements) {
        if (present.contains(node->urn)) {
            ++already;
            continue;
        }
        schema::Draft draft;
        draft.fields = {
            {"audit", id.value},
            {"requirement", node->urn},
            {"requirement_ref", node->ref_id},
            {"requirement_name", node->name},
            {"result", "not_audited"}};
        ISMS_TRY_ASSIGN(schema::Record item, store::InsertRecord(tx, items_spec, draft));
        created.push_back(json::object{
            {"id", item.id.value}, {"ref", item.ref}, {"requirement_ref", node->ref_id}});
    }
    ISMS_TRY(tx.Commit());
    const auto count = static_cast<std::int64_t>(created.size());
    return json::object{
        {"audit", audit.ref},
        {"created", count},
        {"already", already},
        {"items", std::move(created)}};
}

Result<json::object> AuditService::ReportData(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& spec = deps_.registry.Get("audits");
    ISMS_TRY(iam::Authorize(who, spec, iam::Action::kRead));
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(deps_.db, who.tenant));
    ISMS_TRY_ASSIGN(schema::Record audit, store::GetRecord(session, spec, id));
    json::array auditors;
    const json::value* lead = audit.fields.if_contains("lead_auditor");
    if (lead != nullptr && lead->is_int64()) {
        ISMS_TRY_ASSIGN(std::string name, UserName(session, lead->as_int64()));
        auditors.push_back(json::value(name + " (lead)"));
    }
    for (const std::string& member : StringList(audit.fields, "team")) {
        ISMS_TRY_ASSIGN(std::string name, UserName(session, std::stoll(member)));
        auditors.push_back(json::value(name));
    }
    const schema::RegisterSpec& evidence_spec = deps_.registry.Get("evidence");
    std::map<std::int64_t, std::string> evidence_refs;
    ISMS_TRY_ASSIGN(
        auto items,
        RecordsPointingTo(
            session, deps_.registry, "audit_checklist_items", "audit", id.value, "requirement_ref"
        )
    );
    json::array item_rows;
    for (const schema::Record& item : items) {
        json::object row = schema::RecordToJson(deps_.registry.Get("audit_checklist_items"), item);
        json::array refs;
        const json::value* evidence = item.fields.if_contains("evidence");
        for (const auto& e :
             evidence != nullptr && evidence->is_array() ? evidence->get_array() : json::array{}) {
            const std::int64_t eid = e.to_number<std::int64_t>();
            if (!evidence_refs.contains(eid)) {
                auto found = store::GetRecord(session, evidence_spec, RecordId{eid});
                evidence_refs[eid] = found ? found->ref + " " + TextOf(found->fields, "name")
                                           : fmt::format("evidence {}", eid);
            }
            refs.push_back(json::value(evidence_refs[eid]));
        }
        row["evidence_refs"] = std::move(refs);
        item_rows.push_back(std::move(row));
    }
    ISMS_TRY_ASSIGN(
        auto findings,
        RecordsPointingTo(session, deps_.registry, "audit_findings", "audit", id.value)
    );
    json::array finding_rows;
    for (const schema::Record& finding : findings) {
        json::object row = schema::RecordToJson(deps_.registry.Get("audit_findings"), finding);
        const json::value* raised = finding.fields.if_contains("nonconformity");
        if (raised != nullptr && !raised->is_null()) {
            auto nc = store::GetRecord(
                session,
                deps_.registry.Get("nonconformities"),
                RecordId{raised->to_number<std::int64_t>()}
            );
            row["nonconformity_ref"] = nc ? nc->ref : std::string();
        }
        finding_rows.push_back(std::move(row));
    }
    return json::object{
        {"audit", schema::RecordToJson(spec, audit)},
        {"auditors", std::move(auditors)},
        {"items", std::move(item_rows)},
        {"findings", std::move(finding_rows)}};
}

}  // namespace isms::assurance
