// Every register this build declares, gathered from the domain modules in one place.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::app {

[[nodiscard]] Result<schema::Registry> BuildRegistry();

}  // namespace isms::app
