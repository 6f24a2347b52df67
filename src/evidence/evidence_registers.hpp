// The evidence register (ISO/IEC 27001:2022 7.5, 8): files and links that show a control works.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::evidence {

[[nodiscard]] Status DeclareEvidenceRegisters(schema::Registry& registry);

}  // namespace isms::evidence
