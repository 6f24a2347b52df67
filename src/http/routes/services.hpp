// What route handlers may call: the services built by the composition root (app/app.cpp).
// Handlers only parse, call one service and render (STYLE rule 11).
#pragma once

#include "assurance/audit_services.hpp"
#include "assurance/metric_services.hpp"
#include "catalog/catalog_service.hpp"
#include "compliance/compliance_services.hpp"
#include "context/context_services.hpp"
#include "core/config.hpp"
#include "documents/documents_services.hpp"
#include "evidence/evidence_services.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "iam/iam_service.hpp"
#include "iam/principal.hpp"
#include "notifications/notification_services.hpp"
#include "operations/operations_services.hpp"
#include "people/people_services.hpp"
#include "records/record_service.hpp"
#include "report/dashboard.hpp"
#include "report/risk_exports.hpp"
#include "risk/risk_services.hpp"

namespace isms::http {

using ApiRouter = Router<iam::Principal>;

struct Services {
    const Config& config;
    iam::IamService& iam;
    records::RecordService& records;
    catalog::CatalogService& catalog;
    risk::RiskServices& risk;
    compliance::ComplianceServices& compliance;
    assurance::MonitoringServices& monitoring;
    evidence::EvidenceServices& evidence;
    context::ContextServices& context;
    people::PeopleServices& people;
    documents::DocumentServices& documents;
    operations::OperationsServices& operations;
    notifications::NotificationServices& notifications;
    assurance::AuditServices& audit;
    report::RiskExports& risk_exports;
    report::Dashboard& dashboard;
    Metrics& metrics;
    const Clock& clock;
};

void AppendSystemRoutes(ApiRouter& router, Services& services);
void AppendAuthRoutes(ApiRouter& router, Services& services);
void AppendMfaRoutes(ApiRouter& router, Services& services);
void AppendCatalogRoutes(ApiRouter& router, Services& services);
void AppendRiskMethodRoutes(ApiRouter& router, Services& services);
void AppendAssetRequirementRoutes(ApiRouter& router, Services& services);
void AppendRiskAcceptanceRoutes(ApiRouter& router, Services& services);
void AppendRiskReportRoutes(ApiRouter& router, Services& services);
void AppendRiskQuantRoutes(ApiRouter& router, Services& services);
void AppendThreatRoutes(ApiRouter& router, Services& services);
void AppendSoaRoutes(ApiRouter& router, Services& services);
void AppendEvidenceRoutes(ApiRouter& router, Services& services);
void AppendAssessmentRoutes(ApiRouter& router, Services& services);
void AppendReadinessRoutes(ApiRouter& router, Services& services);
void AppendScopeRoutes(ApiRouter& router, Services& services);
void AppendResponsibilityRoutes(ApiRouter& router, Services& services);
void AppendPeopleRoutes(ApiRouter& router, Services& services);
void AppendDocumentRoutes(ApiRouter& router, Services& services);
void AppendMetricRoutes(ApiRouter& router, Services& services);
void AppendReviewRoutes(ApiRouter& router, Services& services);
void AppendOperationsRoutes(ApiRouter& router, Services& services);
void AppendNotificationRoutes(ApiRouter& router, Services& services);
void AppendAuditRoutes(ApiRouter& router, Services& services);
void AppendGuideRoutes(ApiRouter& router, Services& services);
void AppendDashboardRoutes(ApiRouter& router, Services& services);
/// Generic endpoints of every register; add after the specific routes.
void AppendRegisterRoutes(ApiRouter& router, Services& services);

}  // namespace isms::http
