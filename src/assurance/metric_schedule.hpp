// When a metric is measured next (ISO/IEC 27001:2022 9.1 c): a frequency added to the date of
// its latest measurement, calendar months kept (31 January + monthly = 28 or 29 February).
#pragma once

#include <optional>
#include <string_view>

#include "core/clock.hpp"

namespace isms::assurance {

/// `last` plus one period of `frequency` (daily … annual); nullopt for an unknown frequency.
[[nodiscard]] std::optional<Date> NextDue(Date last, std::string_view frequency);

}  // namespace isms::assurance
