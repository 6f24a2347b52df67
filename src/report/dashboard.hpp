// The dashboard in one call: the readiness checklist, compliance per framework (the latest
// assessment of each), the risk heat map per stage (inherent and residual side by side), what
// is overdue (risk reviews, treatment actions, expired acceptances), stale evidence and metric
// trends — each read through the service that owns it.
#pragma once

#include "compliance/compliance_services.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "evidence/evidence_service.hpp"
#include "iam/principal.hpp"
#include "risk/risk_report_service.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::report {

struct DashboardDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    compliance::ComplianceServices& compliance;
    risk::RiskReportService& risk_reports;
    evidence::EvidenceService& evidence;
};

class Dashboard {
public:
    explicit Dashboard(const DashboardDeps& deps) : deps_(deps) {}

    /// {"as_of", "readiness": readiness.hpp Checklist, "compliance": [{"framework", "assessment":
    /// {"id", "ref", "name", "status", "updated_at"}, "summary"}] (per framework its most
    /// recently updated live assessment), "heat_map": risk HeatMap, "due": risk Due,
    /// "stale_evidence": evidence Stale, "metrics": metric_trends.hpp MetricTrends}. Every
    /// member may read.
    [[nodiscard]] Result<json::object> Get(const iam::Principal& who);

private:
    /// The "compliance" member.
    [[nodiscard]] Result<json::array> CompliancePerFramework(const iam::Principal& who);

    DashboardDeps deps_;
};

}  // namespace isms::report
