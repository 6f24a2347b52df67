#include "assurance/finding_service.hpp"

#include <fmt/format.h>

#include "assurance/audit_records.hpp"
#include "iam/permission.hpp"
#include "store/records.hpp"

namespace isms::assurance {

Result<json::object> FindingService::RaiseNonconformity(const iam::Principal& who, RecordId id) {
    const schema::RegisterSpec& findings = deps_.registry.Get("audit_findings");
    const schema::RegisterSpec& ncs = deps_.registry.Get("nonconformities");
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(deps_.db, who.tenant, who.AsActor(), deps_.clock, deps_.key)
    );
    ISMS_TRY_ASSIGN(schema::Record finding, store::GetRecord(tx, findings, id));
    ISMS_TRY(iam::Authorize(who, ncs, iam::Action::kCreate));
    ISMS_TRY(iam::Authorize(who, findings, iam::Action::kUpdate, finding.owner));
    const json::value* raised = finding.fields.if_contains("nonconformity");
    if (raised != nullptr && !raised->is_null()) {
        ISMS_TRY_ASSIGN(
            schema::Record existing,
            store::GetRecord(tx, ncs, RecordId{raised->to_number<std::int64_t>()})
        );
        return Error::Conflict(fmt::format(
            "nonconformity: finding {} was already raised as {}", finding.ref, existing.ref
        ));
    }
    const std::string kind = TextOf(finding.fields, "kind");
    if (kind != "major_nonconformity" && kind != "minor_nonconformity") {
        return Error::Conflict(fmt::format(
            "kind: finding {} is an {}, not a nonconformity; log it in improvements instead",
            finding.ref,
            kind == "observation" ? "observation" : "opportunity for improvement"
        ));
    }
    ISMS_TRY_ASSIGN(
        schema::Record audit,
        store::GetRecord(
            tx,
            deps_.registry.Get("audits"),
            RecordId{finding.fields.at("audit").to_number<std::int64_t>()}
        )
    );
    schema::Draft nc_draft;
    nc_draft.fields = {
        {"title", finding.fields.at("title")},
        {"source", "audit_finding"},
        {"finding", id.value},
        {"source_reference", fmt::format("{} {}", audit.ref, finding.ref)},
        {"classification", kind == "major_nonconformity" ? "major" : "minor"},
        {"status", "open"},
        {"detected_on", FormatDate(Today(deps_.clock))}};
    for (const char* copied : {"description", "requirement"}) {
        if (const json::value* v = finding.fields.if_contains(copied)) {
            nc_draft.fields[copied] = *v;
        }
    }
    ISMS_TRY_ASSIGN(schema::Record nc, store::InsertRecord(tx, ncs, nc_draft));
    schema::Draft link;
    link.fields = {{"nonconformity", nc.id.value}};
    ISMS_TRY_ASSIGN(
        schema::Record updated, store::UpdateRecord(tx, findings, id, std::nullopt, link)
    );
    ISMS_TRY(tx.Commit());
    return json::object{
        {"nonconformity", schema::RecordToJson(ncs, nc)},
        {"finding", schema::RecordToJson(findings, updated)}};
}

}  // namespace isms::assurance
