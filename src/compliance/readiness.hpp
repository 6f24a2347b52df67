// The readiness checklist: the documented information ISO/IEC 27001:2022 requires, computed
// from live data, each item present, stale or missing with what it rests on and a link. Items
// whose registers isms does not have yet (scope, policy, objectives, competence, documents,
// metrics, management review, nonconformities) show as missing and say so.
#pragma once

#include "compliance/compliance_deps.hpp"
#include "compliance/soa_service.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::compliance {

class ReadinessService {
public:
    ReadinessService(const ComplianceDeps& deps, SoaService& soa) : deps_(deps), soa_(soa) {}

    /// {"as_of", "summary": {"items", "present", "stale", "missing"}, "items": [{"clause",
    /// "title", "status", "detail", "count", "available", "link"}]} in clause order; "available"
    /// is false for what isms does not record yet. Every member may read.
    [[nodiscard]] Result<json::object> Checklist(const iam::Principal& who);

private:
    ComplianceDeps deps_;
    SoaService& soa_;
};

}  // namespace isms::compliance
