// The registers of people (ISO/IEC 27001:2022 7.2, 7.3, 7.4): `people`, `role_competences`,
// `training_records`, `awareness_campaigns` and `communication_plan`.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::people {

[[nodiscard]] Status DeclarePeopleRegisters(schema::Registry& registry);

}  // namespace isms::people
