// The internal audit report (ISO/IEC 27001:2022 9.2.2 f, results reported to management) as a
// table: the audit's scope, criteria, dates, auditors and conclusion as notes, then one row per
// checklist item and one per finding. Rendered as CSV, XLSX or printable HTML like the other
// exports (export_file.hpp).
#pragma once

#include "core/json.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `data` is what assurance::AuditService::ReportData returns.
[[nodiscard]] Table AuditReportTable(const json::object& data);

}  // namespace isms::report
