// The composition root: opens the data directory (store, keys), builds the services and the
// router, and answers HTTP requests. `isms serve`, the CLI commands and the apitest in-process
// transport all go through an App, so tests exercise exactly what production runs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assurance/audit_services.hpp"
#include "assurance/metric_services.hpp"
#include "catalog/catalog_service.hpp"
#include "compliance/compliance_services.hpp"
#include "context/context_services.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "documents/documents_services.hpp"
#include "evidence/evidence_services.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "iam/iam_service.hpp"
#include "notifications/notification_services.hpp"
#include "operations/operations_services.hpp"
#include "people/people_services.hpp"
#include "records/record_service.hpp"
#include "risk/risk_services.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::app {

struct AppOptions {
    Config config;
    /// The clock every service uses; SystemClock when null. Must outlive the App.
    const Clock* clock = nullptr;
};

/// A user created for a tenant, with a bearer token when one was asked for.
struct ProvisionedUser {
    TenantId tenant;
    UserId user;
    std::string token;  // empty unless requested
};

class App {
public:
    /// Opens (creating when missing) the data directory named by options.config.data_dir,
    /// runs pending migrations and loads or creates the instance signing key.
    [[nodiscard]] static Result<std::unique_ptr<App>> Open(AppOptions options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Answers one request; thread-safe. Never throws: internal failures become 500 problems.
    [[nodiscard]] http::Response Handle(http::Request request);

    /// Creates an organization; `slug` is its short name ("acme"). Recorded in the ledger.
    [[nodiscard]] Result<TenantId> CreateTenant(const std::string& name, const std::string& slug);
    /// Finds an organization by slug.
    [[nodiscard]] Result<TenantId> FindTenant(const std::string& slug);
    /// Creates the user if the e-mail is new (else reuses it) and gives them `role` in `tenant`;
    /// with `token_name` non-empty also issues an API token (admin scope for admins,
    /// read-write otherwise) and returns it.
    [[nodiscard]] Result<ProvisionedUser> ProvisionUser(
        TenantId tenant,
        const std::string& email,
        const std::string& password,
        const std::string& role,
        const std::string& token_name
    );

    [[nodiscard]] const Config& config() const;
    [[nodiscard]] const Clock& clock() const;
    [[nodiscard]] iam::IamService& iam();
    [[nodiscard]] records::RecordService& records();
    [[nodiscard]] catalog::CatalogService& catalog();
    [[nodiscard]] risk::RiskServices& risk();
    [[nodiscard]] evidence::EvidenceServices& evidence();
    [[nodiscard]] compliance::ComplianceServices& compliance();
    [[nodiscard]] context::ContextServices& context();
    [[nodiscard]] people::PeopleServices& people();
    [[nodiscard]] documents::DocumentServices& documents();
    [[nodiscard]] assurance::MonitoringServices& monitoring();
    [[nodiscard]] operations::OperationsServices& operations();
    [[nodiscard]] notifications::NotificationServices& notifications();
    [[nodiscard]] assurance::AuditServices& audit();
    [[nodiscard]] store::Database& database();
    [[nodiscard]] const schema::Registry& registry() const;
    [[nodiscard]] const store::LedgerKey& ledger_key() const;
    /// Every route the App answers, in the order added (the permission matrix check reads it).
    [[nodiscard]] std::vector<http::RouteInfo> routes() const;

private:
    struct Impl;
    explicit App(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace isms::app
