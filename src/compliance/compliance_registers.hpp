// Register declarations of the compliance module (ISO/IEC 27001:2022 6.1.3, 8.1): the
// organization's applied controls — its own measures, each implementing requirements of any
// framework in the catalog (one control can answer ISO/IEC 27001 A.8.5 and NIST CSF PR.AA-03).
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::compliance {

[[nodiscard]] Status DeclareComplianceRegisters(schema::Registry& registry);

}  // namespace isms::compliance
