// The registers of the organization's context and leadership (ISO/IEC 27001:2022 4.1, 4.2,
// 5.3, 6.2, 6.3; A.5.31): context_issues, interested_parties, party_requirements,
// obligations, responsibilities, objectives and isms_changes. The scope statement (4.3) is a
// versioned document, not a register (scope_service.hpp).
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::context {

[[nodiscard]] Status DeclareContextRegisters(schema::Registry& registry);

}  // namespace isms::context
