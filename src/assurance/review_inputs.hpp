// The inputs of a management review, item by item as ISO/IEC 27001:2022 9.3.2 lists them,
// compiled from live data for the period since the previous review. Registers other modules
// declare (context issues, interested parties, objectives, nonconformities, audits, …) are read
// by name through the store, never through their headers: an item whose register does not
// exist says "no register yet", and fills in once it does.
#pragma once

#include <optional>

#include "assurance/metric_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "schema/record.hpp"
#include "store/session.hpp"

namespace isms::assurance {

/// The review before `review`: the latest live one with an earlier meeting date.
[[nodiscard]] Result<std::optional<schema::Record>> PreviousReview(
    const MonitoringDeps& deps, store::TenantScope& scope, const schema::Record& review
);

/// {"review": {id, ref, title, meeting_date}, "previous_review": {…} or null, "period":
/// {"from": the previous meeting date or null, "to": now}, "compiled_at", "items": [{"clause":
/// "9.3.2 a", "key", "title", "summary": one line, "sources": [{"register", "status":
/// "compiled" | "no register yet", …}]}]} — the ten inputs in 9.3.2 order.
[[nodiscard]] Result<json::object> CompileReviewInputs(
    const MonitoringDeps& deps,
    const iam::Principal& who,
    store::TenantScope& scope,
    const schema::Record& review
);

}  // namespace isms::assurance
