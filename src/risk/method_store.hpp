// The versions of a tenant's risk method, kept in table risk_methods (one immutable row per
// version) and recorded in the ledger (subject "risk_methods", record id = version). A tenant
// that never chose a method uses the built-in DefaultMethod() as version 1; the first write
// that needs a method stores that default, so version 1 keeps its meaning even if a later
// release ships another default.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "risk/risk_method.hpp"
#include "store/session.hpp"

namespace isms::risk {

/// Who saved a version and when; null user and time for the implicit default.
struct MethodVersionInfo {
    int version = 0;
    std::optional<Timestamp> created_at;
    std::optional<UserId> created_by;
};

/// The newest saved version, or the built-in default as version 1 when none is saved.
[[nodiscard]] Result<RiskMethod> CurrentMethod(store::TenantScope& scope);
/// One version; kNotFound when it does not exist (version 1 always exists).
[[nodiscard]] Result<RiskMethod> MethodVersion(store::TenantScope& scope, int version);
/// Every version, oldest first (at least version 1).
[[nodiscard]] Result<std::vector<MethodVersionInfo>> MethodVersions(store::TenantScope& scope);

/// CurrentMethod(), storing the default as version 1 first when nothing is stored yet.
[[nodiscard]] Result<RiskMethod> EnsureMethod(store::WriteTx& tx);
/// Stores `method` (validated by the caller) as the version after the newest, returns it with
/// that version set, and appends the ledger event "changed" with before and after.
[[nodiscard]] Result<RiskMethod> SaveMethodVersion(store::WriteTx& tx, RiskMethod method);

}  // namespace isms::risk
