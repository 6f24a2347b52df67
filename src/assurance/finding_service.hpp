// Raising a nonconformity from an audit finding in one call (ISO/IEC 27001:2022 9.2.2, 10.2):
// the nonconformity is created from the finding and the finding points to it, in one
// transaction.
#pragma once

#include "assurance/audit_deps.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

class FindingService {
public:
    explicit FindingService(const AuditDeps& deps) : deps_(deps) {}

    /// Creates a nonconformity (source audit_finding, classification major or minor from the
    /// finding's kind, status open, detected today, title, description and requirement copied)
    /// and sets the finding's `nonconformity`. Needs the right to create nonconformities and to
    /// change the finding. 409 when the finding is an observation or an opportunity, or was
    /// raised already. {"nonconformity": record, "finding": record}.
    [[nodiscard]] Result<json::object> RaiseNonconformity(const iam::Principal& who, RecordId id);

private:
    AuditDeps deps_;
};

}  // namespace isms::assurance
