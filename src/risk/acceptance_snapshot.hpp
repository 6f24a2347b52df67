// What a residual risk acceptance signs (ISO/IEC 27001:2022 6.1.3 f, 8.3): a frozen snapshot
// of the risk — the record, its residual level, the method version, the treatment plan — as
// canonical JSON text, its SHA-256, and the message the instance key signs. Pure functions, so
// `GET /api/v1/risk-acceptances/{id}/verify` and any offline checker recompute the same bytes.
#pragma once

#include <string>

#include "core/ids.hpp"
#include "core/json.hpp"

namespace isms::risk {

/// The snapshot object: {"risk": record JSON, "residual_level": {"id", "label"},
/// "method_version", "treatment_actions": [{"id", "ref", "title", "status", "due_date",
/// "annex_a_controls"}…]}.
[[nodiscard]] json::object AcceptanceSnapshot(
    const json::object& risk,
    const json::object& residual_level,
    int method_version,
    const json::array& treatment_actions
);

/// The bytes signed for an acceptance:
/// "isms-risk-acceptance/1\n<tenant id>\n<risk id>\n<expires_on>\n<snapshot SHA-256 hex>".
[[nodiscard]] std::string AcceptanceMessage(
    TenantId tenant, std::int64_t risk_id, const std::string& expires_on, const std::string& sha256
);

}  // namespace isms::risk
