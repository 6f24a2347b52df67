// The ISMS scope statement (ISO/IEC 27001:2022 4.3) as a report document: one row per
// statement, boundary, interface, dependency and exclusion, so it prints as the scope document
// an auditor asks for and opens in a spreadsheet with the same content.
#pragma once

#include "core/json.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `scope` is one scope version (context::ScopeService::Current or ::Version); its version,
/// date and comment go into the table's notes.
[[nodiscard]] Table ScopeTable(const json::object& scope);

}  // namespace isms::report
