// Register declarations of internal audit and improvement (ISO/IEC 27001:2022 9.2, 10.1,
// 10.2): audit programmes, audits, their checklists and findings, nonconformities with their
// root-cause analysis (five whys) and corrective actions, and the improvement log.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::assurance {

[[nodiscard]] Status DeclareAuditRegisters(schema::Registry& registry);

}  // namespace isms::assurance
