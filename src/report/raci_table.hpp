// The RACI matrix (ISO/IEC 27001:2022 5.3) as a report table: one row per ISMS activity, one
// column per holder — members by e-mail, then people by name — each cell R, A, C or I.
#pragma once

#include "core/json.hpp"
#include "report/table.hpp"

namespace isms::report {

/// `matrix` is context::RaciMatrix::Get's answer.
[[nodiscard]] Table RaciTable(const json::object& matrix);

}  // namespace isms::report
