// The internal audit use cases beyond the generic register endpoints (ISO/IEC 27001:2022 9.2):
// the coverage of an audit programme, the checklist generated from an audit's scope, and the
// data of the audit report.
#pragma once

#include "assurance/audit_deps.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

class AuditService {
public:
    explicit AuditService(const AuditDeps& deps) : deps_(deps) {}

    /// What the audits of programme `id` (cancelled ones left out) cover and miss: every
    /// assessable clause requirement of ISO/IEC 27001:2022 (4.1 … 10.2) and every Annex A
    /// control the live SoA marks applicable. {"programme", "audits", "clauses": {"required",
    /// "covered", "gaps": [{"ref_id", "name"}]}, "controls": {…}, "complete"}. Every member
    /// may read.
    [[nodiscard]] Result<json::object> Coverage(const iam::Principal& who, RecordId id);

    /// Creates one checklist item (result not_audited) per requirement in audit `id`'s scope
    /// that has none yet, in one transaction; refused (409) for an audit without clauses or
    /// controls in scope, or closed or cancelled. {"audit", "created", "already", "items"}.
    [[nodiscard]] Result<json::object> GenerateChecklist(const iam::Principal& who, RecordId id);

    /// The audit, its checklist items in requirement order and its findings, as records, with
    /// "auditors" (names of lead auditor and team), each item's "evidence_refs" and each raised
    /// finding's "nonconformity_ref": what the audit report is made of. Every member may read.
    [[nodiscard]] Result<json::object> ReportData(const iam::Principal& who, RecordId id);

private:
    AuditDeps deps_;
};

}  // namespace isms::assurance
