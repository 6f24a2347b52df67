// AssessmentService: the results of a compliance assessment — one per assessable requirement
// of its framework, stored in `assessment_results` (one ledger event per change) — with the
// results inferred through mapping sets from the assessments it names in `infer_from`
// (inference.hpp), progress and compliance score per assessment and per section.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "compliance/compliance_deps.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "store/session.hpp"

namespace isms::compliance {

/// Filters of the results list; empty strings filter nothing.
struct ResultsQuery {
    std::string section;  // ref_id or URN of a top-level node: "A.5", "6"
    std::string result;   // effective result
    std::string source;   // manual, inferred, none
    std::int64_t limit = 500;
    std::int64_t offset = 0;
};

struct ResultsState;

class AssessmentService {
public:
    explicit AssessmentService(const ComplianceDeps& deps) : deps_(deps) {}

    /// {"assessment", "framework", "summary", "sections", "total", "items": [result…]} as JSON
    /// text: the summary and sections count every requirement, the items are filtered and
    /// paged.
    [[nodiscard]] Result<std::string> Results(
        const iam::Principal& who, RecordId assessment, const ResultsQuery& query
    );
    /// One requirement's result, by URN or ref_id.
    [[nodiscard]] Result<json::object> ResultOf(
        const iam::Principal& who, RecordId assessment, const std::string& requirement
    );
    /// {"assessment", "framework", "summary", "sections"} as JSON text.
    [[nodiscard]] Result<std::string> Summary(const iam::Principal& who, RecordId assessment);
    /// Sets results in one transaction: {"results": [{"requirement", "result", "score",
    /// "notes", "evidence", "applied_controls", "audit_result"}]}; all or nothing, problems
    /// named "results[i].field". A result back to not_assessed with nothing else removes it.
    /// Returns {"changed", "items": [the results as now]}.
    [[nodiscard]] Result<json::object> SetResults(
        const iam::Principal& who, RecordId assessment, const json::object& body
    );

private:
    /// The assessment's results state, cached until the tenant's assessments, results or
    /// catalog change.
    [[nodiscard]] Result<std::shared_ptr<const ResultsState>> State(
        store::TenantScope& scope, RecordId assessment
    );

    ComplianceDeps deps_;
    // by (tenant, assessment)
    StampedCache<
        std::pair<std::int64_t, std::int64_t>,
        CatalogStamp,
        std::shared_ptr<const ResultsState>,
        1024>
        states_;
};

}  // namespace isms::compliance
