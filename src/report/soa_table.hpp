// The Statement of Applicability as a report table (ISO/IEC 27001:2022 6.1.3 d): one row per
// Annex A control with the columns a certification auditor checks — applicability, reasons for
// inclusion, justification of exclusion, implementation, and what the decision rests on.
#pragma once

#include "core/json.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `soa` is the live SoA (compliance::SoaService::Get) or an issued version (::Version); an
/// issued one adds its version, date and SHA-256 to the table's notes.
[[nodiscard]] Table SoaTable(const json::object& soa);

}  // namespace isms::report
