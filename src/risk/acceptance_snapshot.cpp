#include "risk/acceptance_snapshot.hpp"

#include <fmt/format.h>

namespace isms::risk {

json::object AcceptanceSnapshot(
    const json::object& risk,
    const json::object& residual_level,
    int method_version,
    const json::array& treatment_actions
) {
    return json::object{
        {"risk", risk},
        {"residual_level", residual_level},
        {"method_version", method_version},
        {"treatment_actions", treatment_actions}};
}

std::string AcceptanceMessage(
    TenantId tenant, std::int64_t risk_id, const std::string& expires_on, const std::string& sha256
) {
    return fmt::format(
        "isms-risk-acceptance/1\n{}\n{}\n{}\n{}", tenant.value, risk_id, expires_on, sha256
    );
}

}  // namespace isms::risk
