// The guided start: the path through ISO/IEC 27001:2022 as ten steps — scope, policy, assets,
// risk method, risk assessment, treatment, SoA, controls and evidence, internal audit,
// management review — each with plain guidance, its progress computed from the organization's
// live data and the UI route where it is done. Registers of other modules are looked up by name,
// never by header.
#pragma once

#include "compliance/compliance_deps.hpp"
#include "compliance/readiness.hpp"
#include "compliance/soa_service.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::compliance {

class GuideService {
public:
    GuideService(const ComplianceDeps& deps, ReadinessService& readiness, SoaService& soa)
        : deps_(deps), readiness_(readiness), soa_(soa) {}

    /// {"as_of", "summary": {"steps", "done", "in_progress", "not_started", "next"}, "steps":
    /// [{"id", "clause", "title", "guidance", "status", "progress": {"done",
    /// "total", "counts"}, "detail", "link"}]} in the order of the path; "status" is
    /// not_started, in_progress or done, "next" the id of the first step not done
    /// (null when all are). Every member may read.
    [[nodiscard]] Result<json::object> Steps(const iam::Principal& who);

private:
    ComplianceDeps deps_;
    ReadinessService& readiness_;
    SoaService& soa_;
};

}  // namespace isms::compliance
