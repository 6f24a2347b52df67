// Register declarations of the risk module (ISO/IEC 27001:2022 6.1.2, 8.2; ISO/IEC 27005).
// The foundation declares `assets` (A.5.9 inventory of information and other associated
// assets); the risk issue adds threats, vulnerabilities, risks and treatment actions here.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::risk {

[[nodiscard]] Status DeclareRiskRegisters(schema::Registry& registry);

}  // namespace isms::risk
