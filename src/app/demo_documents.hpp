// The demo organization's documented information (ISO/IEC 27001:2022 5.2, 7.5): the
// information security policy approved, signed and published to all staff with most
// acknowledgements in, its version 2 in review; an access control procedure published; a
// business continuity plan still a draft.
#pragma once

#include <vector>

#include "app/app.hpp"

namespace isms::app {

/// Seeds documents, versions and acknowledgements; `people` from SeedDemoPeople.
[[nodiscard]] Status SeedDemoDocuments(
    App& app, const iam::Principal& admin, const std::vector<std::int64_t>& people
);

}  // namespace isms::app
