// The operations registers of Annex A: incidents and their timeline (A.5.24–A.5.28), suppliers
// and their assessments (A.5.19–A.5.22), and exceptions (waivers from a control).
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::operations {

[[nodiscard]] Status DeclareOperationsRegisters(schema::Registry& registry);

}  // namespace isms::operations
