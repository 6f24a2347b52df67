// ReviewService (ISO/IEC 27001:2022 9.3): a management review's inputs — previewed live, then
// compiled once into a frozen snapshot in `review_snapshots` (whole, SHA-256, signed with the
// instance key, a ledger event, the hash on the review record) — and what its minutes show:
// the review, its inputs and the actions it decided.
#pragma once

#include "assurance/metric_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

class ReviewService {
public:
    explicit ReviewService(const MonitoringDeps& deps) : deps_(deps) {}

    /// The frozen inputs {"frozen": true, "inputs", "sha256", "signature", "key_id",
    /// "compiled_at", "compiled_by", "valid" (hash and signature checked now)}, or before they
    /// are compiled a live preview {"frozen": false, "inputs"}. Every member may read.
    [[nodiscard]] Result<json::object> Inputs(const iam::Principal& who, RecordId review);

    /// Compiles and freezes the inputs (whoever may change the review); kConflict when they
    /// are compiled already. Returns what Inputs returns.
    [[nodiscard]] Result<json::object> Compile(const iam::Principal& who, RecordId review);

    /// {"review": the record, "inputs": Inputs(…), "actions": the review's actions} for the
    /// minutes export.
    [[nodiscard]] Result<json::object> Minutes(const iam::Principal& who, RecordId review);

private:
    MonitoringDeps deps_;
};

}  // namespace isms::assurance
