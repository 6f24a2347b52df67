// Use cases of the operations registers beyond their generic endpoints: an incident's lessons
// learned raised as a risk in one transaction (A.5.27 → 6.1.2), an incident raised as a
// nonconformity (A.5.26 → 10.2), and the approved exceptions past their expiry.
#pragma once

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "records/record_service.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::operations {

struct OperationsDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    records::RecordService& records;
};

class OperationsService {
public:
    explicit OperationsService(const OperationsDeps& deps) : deps_(deps) {}

    /// Creates a risk from incident `id`'s lessons learned — title "Lessons from INC-n: …"
    /// unless `body` names one, the lessons as its scenario, the affected assets — and links it
    /// in the incident's `risks`, in one transaction: {"incident": record, "risk": record}.
    /// `body` may hold any risk field; the incident needs its lessons learned first.
    [[nodiscard]] Result<json::object> RaiseRisk(
        const iam::Principal& who, RecordId id, const json::object& body
    );

    /// Raises incident `id` as a nonconformity (10.2) — source incident, `incident` set, status
    /// open, detected today, title "Incident INC-n: …" and the incident's root cause as its
    /// description unless `body` gives them; `body` may hold any nonconformity field — in one
    /// transaction: {"incident": record, "nonconformity": record}. Needs the right to create
    /// nonconformities; 409 when a nonconformity of the incident exists already.
    [[nodiscard]] Result<json::object> RaiseNonconformity(
        const iam::Principal& who, RecordId id, const json::object& body
    );

    /// Approved exceptions whose expiry day has passed: {"as_of", "items": [{id, ref, title,
    /// expires_on, days_expired, approver}]}, longest expired first.
    [[nodiscard]] Result<json::object> Expired(const iam::Principal& who);

private:
    OperationsDeps deps_;
};

}  // namespace isms::operations
