// AcceptanceService: residual risk acceptance (ISO/IEC 27001:2022 6.1.3 f, 8.3). The risk
// owner approves the treatment plan and accepts the residual risk: the decision freezes a
// snapshot of the risk (acceptance_snapshot.hpp), signs it with the instance key, records
// approver, time, comment and expiry, is written to the ledger, and marks the risk accepted
// until the expiry. Only the risk's owner may accept, and only at a residual level the method
// lets their role accept. A new acceptance supersedes the risk's earlier ones; an acceptance
// past its expiry is "expired" and due for a new decision; any acceptance can be revoked.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "risk/risk_deps.hpp"

namespace isms::risk {

class AcceptanceService {
public:
    explicit AcceptanceService(const RiskDeps& deps) : deps_(deps) {}

    /// Accepts the residual risk of `risk`. `body`: {"comment": text (required, ≤ 2,000
    /// characters), "expires_on": "YYYY-MM-DD" (after today, at most three years ahead)}.
    /// Returns the acceptance (see ToJson in the .cpp: id, risk_id, risk_ref, level,
    /// level_label, method_version, approver, accepted_at, comment, expires_on, state,
    /// snapshot, snapshot_sha256, signature, key_id, revoked_*).
    [[nodiscard]] Result<json::object> Accept(
        const iam::Principal& who, RecordId risk, const json::object& body
    );
    /// {"items": [acceptance…]} of one risk, newest first.
    [[nodiscard]] Result<json::object> ForRisk(const iam::Principal& who, RecordId risk);
    /// {"items": [acceptance…]} of the organization, newest first; `state` filters: "active",
    /// "expired" (= due for a new decision), "revoked", "due" (same as expired) or "" for all.
    [[nodiscard]] Result<json::object> List(const iam::Principal& who, std::string_view state);
    [[nodiscard]] Result<json::object> Get(const iam::Principal& who, std::int64_t id);
    /// Revokes an acceptance (whoever may change the risk: an admin, an ISMS manager, its owner
    /// with a role that has owner rights); `body`:
    /// {"reason": text (required)}. The risk leaves the accepted state.
    [[nodiscard]] Result<json::object> Revoke(
        const iam::Principal& who, std::int64_t id, const json::object& body
    );
    /// Recomputes the snapshot hash and checks the signature: {"valid", "snapshot_sha256",
    /// "key_id"}.
    [[nodiscard]] Result<json::object> Verify(const iam::Principal& who, std::int64_t id);

private:
    RiskDeps deps_;
};

}  // namespace isms::risk
