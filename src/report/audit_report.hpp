// The internal audit report (ISO/IEC 27001:2022 9.2.2 f, results reported to management) as a
// table: the audit's scope, criteria, dates, auditors and conclusion as notes, then one row per
// checklist item and one per finding. Rendered as CSV, XLSX or printable HTML like the other
// exports (export_file.hpp).
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "report/export_file.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `data` is what assurance::AuditService::ReportData returns.
[[nodiscard]] Table AuditReportTable(const json::object& data);

/// The report file the API serves and `isms audit report` writes: AuditReportTable(data) as
/// `format` (html, csv, xlsx; csv when empty), named "audit-report-<ref>-<date>.<format>".
[[nodiscard]] Result<ExportFile> AuditReportFile(
    const json::object& data, std::string_view format, const std::string& date
);

}  // namespace isms::report
