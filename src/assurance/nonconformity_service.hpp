// The recurrence check of a nonconformity (ISO/IEC 27001:2022 10.2 b 3): the other
// nonconformities (open or closed, not archived) that are similar to it, and why — the same
// root_cause_category, the same applied_control, the same requirement, or text similarity
// (nonconformity_similarity.hpp) of title, description and root cause at or above 0.3.
#pragma once

#include "assurance/audit_deps.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

class NonconformityService {
public:
    explicit NonconformityService(const AuditDeps& deps) : deps_(deps) {}

    /// {"nonconformity": {"id", "ref"}, "items": [{"id", "ref", "title", "status",
    /// "closed_on", "reasons": [text…], "similarity"}]}, most reasons first, then most
    /// similar. Every member may read.
    [[nodiscard]] Result<json::object> Similar(const iam::Principal& who, RecordId id);

private:
    AuditDeps deps_;
};

}  // namespace isms::assurance
