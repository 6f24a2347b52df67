// Severity of the security events IamService::SecurityEvents reads back from the ledger
// (ISO/IEC 27001:2022 A.8.15 logging, A.8.16 monitoring).
#pragma once

#include <string_view>

namespace isms::iam {

/// The severity isms gives a security event: "warning", "notice" or "info".
[[nodiscard]] const char* SecuritySeverity(std::string_view action);

}  // namespace isms::iam
