// The minutes of a management review (ISO/IEC 27001:2022 9.3) as a report table: the meeting,
// each input 9.3.2 lists with its one-line summary (from the frozen snapshot once compiled),
// the decisions 9.3.3 asks for, and the actions decided with owner, due date and status.
#pragma once

#include "core/json.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `minutes` is assurance::ReviewService::Minutes: {"review", "inputs", "actions"}; frozen
/// inputs add their SHA-256 and compile time to the notes.
[[nodiscard]] Table ReviewMinutesTable(const json::object& minutes);

}  // namespace isms::report
