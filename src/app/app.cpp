#include "app/app.hpp"

#include <chrono>
#include <filesystem>

#include <sys/stat.h>

#include "app/registers.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/secret_stream.hpp"
#include "http/metrics.hpp"
#include "http/problem.hpp"
#include "http/routes/services.hpp"
#include "http/static_files.hpp"
#include "store/ledger_verify.hpp"
#include "store/migrate.hpp"
#include "store/open_database.hpp"

namespace isms::app {

namespace {

const store::Actor kSystemActor{UserId{0}, "system"};

bool IsUnsafe(std::string_view method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string CookieValue(std::string_view header, std::string_view name) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) {
            ++pos;
        }
        const std::size_t end = std::min(header.find(';', pos), header.size());
        const std::string_view pair = header.substr(pos, end - pos);
        if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        pos = end;
    }
    return {};
}

/// What a session that must enrol in MFA first may reach: the caller, log-off, MFA status and
/// enrolment (iam::Principal::mfa_enrolment_only).
bool AllowedBeforeMfaEnrolment(std::string_view route_path) {
    return route_path == "/api/v1/auth/me" || route_path == "/api/v1/auth/logout"
           || route_path == "/api/v1/auth/mfa" || route_path == "/api/v1/auth/mfa/enrolment"
           || route_path == "/api/v1/auth/mfa/confirm";
}

/// On every response; HSTS only on those sent over TLS (RFC 6797 8.1: not over plain HTTP).
void AddSecurityHeaders(http::Response& r, bool tls) {
    r.SetHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    r.SetHeader("X-Content-Type-Options", "nosniff");
    r.SetHeader("Referrer-Policy", "no-referrer");
    r.SetHeader("X-Frame-Options", "DENY");
    if (r.Header("Cache-Control").empty()) {
        r.SetHeader("Cache-Control", "no-store");
    }
    if (tls) {
        r.SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}

}  // namespace

struct App::Impl {
    AppOptions options;
    SystemClock system_clock;
    const Clock* clock = nullptr;
    store::LedgerKey key;
    std::unique_ptr<iam::SecretBox> secrets;
    schema::Registry registry;
    std::unique_ptr<store::Database> db;
    std::unique_ptr<iam::IamService> iam;
    std::unique_ptr<records::RecordService> records;
    std::unique_ptr<catalog::CatalogService> catalog;
    std::unique_ptr<risk::RiskServices> risk;
    std::unique_ptr<evidence::EvidenceServices> evidence;
    std::unique_ptr<compliance::ComplianceServices> compliance;
    std::unique_ptr<context::ContextServices> context;
    std::unique_ptr<people::PeopleServices> people;
    std::unique_ptr<documents::DocumentServices> documents;
    std::unique_ptr<assurance::MonitoringServices> monitoring;
    std::unique_ptr<operations::OperationsServices> operations;
    std::unique_ptr<notifications::NotificationServices> notifications;
    std::unique_ptr<assurance::AuditServices> audit;
    std::unique_ptr<report::RiskExports> risk_exports;
    std::unique_ptr<report::Dashboard> dashboard;
    http::Metrics metrics;
    std::unique_ptr<http::Services> services;
    http::ApiRouter router;
    std::unique_ptr<http::StaticFiles> web;

    Result<iam::Principal> Authenticate(const http::Request& req, const http::RouteContext& ctx) {
        const std::string_view auth = req.Header("authorization");
        if (!auth.empty()) {
            if (!auth.starts_with("Bearer ")) {
                return Error::Unauthenticated("use 'Authorization: Bearer <token>'");
            }
            return iam->AuthenticateToken(std::string(auth.substr(7)), req.remote_address);
        }
        const std::string session = CookieValue(req.Header("cookie"), "isms_session");
        if (session.empty()) {
            return Error::Unauthenticated("log in or send an API token");
        }
        ISMS_TRY_ASSIGN(iam::Principal p, iam->AuthenticateSession(session));
        // Cookie sessions must prove the request came from our page (CSRF).
        if (IsUnsafe(req.method)
            && !crypto::ConstantTimeEquals(req.Header("x-csrf-token"), p.csrf_token)) {
            return Error::Denied("missing or wrong X-CSRF-Token header");
        }
        static_cast<void>(ctx);
        return p;
    }

    /// Catalog imports and evidence uploads carry files; other bodies are small.
    [[nodiscard]] std::int64_t BodyLimit(std::string_view path) const {
        if (path == "/api/v1/frameworks/import") {
            return options.config.max_import_bytes;
        }
        if (path.starts_with("/api/v1/evidence/") && path.ends_with("/file")) {
            return options.config.max_evidence_bytes;
        }
        return options.config.max_body_bytes;
    }

    http::Response Dispatch(http::Request& req, std::string_view request_id) {
        auto target = http::ParseTarget(req.target);
        if (!target) {
            return http::ProblemResponse(
                400, "malformed", "request target is not a valid URI", request_id
            );
        }
        const std::int64_t limit = BodyLimit(target->path);
        if (req.body.size() > static_cast<std::size_t>(limit)) {
            return http::ProblemResponse(
                413,
                "too-large",
                "request body over " + std::to_string(limit) + " bytes",
                request_id
            );
        }
        auto match = router.Find(req.method, target->path);
        if (match.route == nullptr) {
            if (!match.allowed.empty()) {
                std::string allow;
                for (const auto& m : match.allowed) {
                    allow += (allow.empty() ? "" : ", ") + m;
                }
                http::Response r = http::ProblemResponse(
                    405,
                    "method-not-allowed",
                    req.method + " is not allowed here; use " + allow,
                    request_id
                );
                r.SetHeader("Allow", allow);
                return r;
            }
            if (req.method == "GET" && http::StaticFiles::Owns(target->path)) {
                return web->Serve(target->path, request_id);
            }
            return http::ProblemResponse(404, "not-found", "no route " + target->path, request_id);
        }
        http::RouteContext ctx{req, *target, std::move(match.params), request_id};
        if (!match.route->info.authenticated) {
            return match.route->handler(ctx, nullptr);
        }
        auto principal = Authenticate(req, ctx);
        if (!principal) {
            Log().Log(
                principal.error().code == ErrorCode::kPermissionDenied ? Severity::kWarning
                                                                       : Severity::kNotice,
                "auth.refused",
                {{"path", target->path},
                 {"remote", req.remote_address},
                 {"reason", principal.error().message}}
            );
            return http::ProblemResponse(principal.error(), request_id);
        }
        http::Response r =
            principal->mfa_enrolment_only && !AllowedBeforeMfaEnrolment(match.route->info.pattern)
                ? http::ProblemResponse(
                    403,
                    "mfa-enrolment-required",
                    "this organization requires multi-factor authentication: enrol at "
                    "/api/v1/auth/mfa/enrolment first",
                    request_id
                )
                : match.route->handler(ctx, &*principal);
        if (r.status == 403) {
            Log().Log(
                Severity::kWarning,
                "auth.permission_denied",
                {{"user", principal->user.value}, {"method", req.method}, {"path", target->path}}
            );
            if (auto recorded = iam->RecordDenied(*principal, req.method, target->path);
                !recorded) {  // the answer stays 403; the log line above keeps the event
                Log().Log(
                    Severity::kError,
                    "auth.permission_denied_unrecorded",
                    {{"request_id", request_id}, {"why", recorded.error().message}}
                );
            }
        }
        return r;
    }
};

App::App(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
App::~App() = default;

Result<std::unique_ptr<App>> App::Open(AppOptions options) {
    namespace fs = std::filesystem;
    crypto::InitCrypto();
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    impl->clock = impl->options.clock != nullptr ? impl->options.clock : &impl->system_clock;
    const fs::path data(impl->options.config.data_dir);
    std::error_code ec;
    if (!fs::exists(data, ec)) {
        fs::create_directories(data, ec);
        if (ec || ::chmod(data.c_str(), 0700) != 0) {
            return Error::Internal("cannot create data directory " + data.string());
        }
    }
    ISMS_TRY_ASSIGN(impl->db, store::OpenDatabase(store::StoreOptionsFrom(impl->options.config)));
    if (!fs::exists(data / "keys" / "ledger.key")) {
        ISMS_TRY_ASSIGN(const bool signed_before, store::HasLedgerEvents(*impl->db));
        if (signed_before) {
            // A new key would sign over a ledger it never saw; refuse rather than hide the loss.
            return Error::Conflict((data / "keys" / "ledger.key").string()
                                   + " is missing but the database holds a ledger: restore the "
                                     "key from your backup of keys/");
        }
    }
    ISMS_TRY_ASSIGN(impl->key, store::LoadOrCreateLedgerKey((data / "keys").string()));
    ISMS_TRY_ASSIGN(auto secrets, iam::SecretBox::LoadOrCreate((data / "keys").string()));
    impl->secrets = std::make_unique<iam::SecretBox>(std::move(secrets));
    std::optional<crypto::StreamKey> blob_key;
    if (!impl->options.config.blob_key_file.empty()) {
        ISMS_TRY_ASSIGN(
            blob_key, crypto::LoadStreamKey(impl->options.config.blob_key_file, "blob_key_file")
        );
    }
    ISMS_TRY_ASSIGN(impl->registry, BuildRegistry());
    ISMS_TRY_ASSIGN(auto report, store::Migrate(*impl->db, impl->registry));
    ISMS_TRY(store::CheckSigningKey(*impl->db, impl->key));
    for (const auto& change : report.changes) {
        Log().Log(Severity::kNotice, "store.migrated", {{"change", change}});
    }
    const iam::SessionPolicy policy{
        std::chrono::minutes{impl->options.config.session_idle_minutes},
        std::chrono::hours{impl->options.config.session_absolute_hours}};
    impl->iam = std::make_unique<iam::IamService>(
        *impl->db, *impl->clock, impl->key, *impl->secrets, policy
    );
    impl->records = std::make_unique<records::RecordService>(
        *impl->db, impl->registry, *impl->clock, impl->key
    );
    impl->catalog = std::make_unique<catalog::CatalogService>(*impl->db, *impl->clock, impl->key);
    impl->risk = std::make_unique<risk::RiskServices>(risk::RiskDeps{
        *impl->db, impl->registry, *impl->clock, impl->key, *impl->catalog});
    impl->risk->HookRules(*impl->records);
    impl->evidence = std::make_unique<evidence::EvidenceServices>(
        *impl->db,
        impl->registry,
        *impl->clock,
        impl->key,
        data / "blobs",
        std::move(blob_key),
        impl->options.config.max_evidence_bytes
    );
    impl->evidence->HookRules(*impl->records);
    impl->compliance = std::make_unique<compliance::ComplianceServices>(compliance::ComplianceDeps{
        *impl->db, impl->registry, *impl->clock, impl->key, *impl->catalog});
    impl->compliance->HookRules(*impl->records);
    impl->context = std::make_unique<context::ContextServices>(context::ContextDeps{
        *impl->db, impl->registry, *impl->clock, impl->key});
    impl->context->HookRules(*impl->records);
    impl->people =
        std::make_unique<people::PeopleServices>(*impl->db, impl->registry, *impl->clock);
    impl->people->HookRules(*impl->records);
    impl->documents = std::make_unique<documents::DocumentServices>(documents::DocumentDeps{
        *impl->db, impl->registry, *impl->clock, impl->key, impl->evidence->blobs});
    impl->documents->HookRules(*impl->records);
    impl->monitoring = std::make_unique<assurance::MonitoringServices>(assurance::MonitoringDeps{
        *impl->db,
        impl->registry,
        *impl->clock,
        impl->key,
        impl->compliance->soa,
        impl->risk->method});
    impl->monitoring->HookRules(*impl->records);
    impl->operations = std::make_unique<operations::OperationsServices>(operations::OperationsDeps{
        *impl->db, impl->registry, *impl->clock, impl->key, *impl->records});
    impl->operations->HookRules(*impl->records);
    impl->notifications =
        std::make_unique<notifications::NotificationServices>(notifications::NotificationDeps{
            *impl->db,
            impl->registry,
            *impl->clock,
            impl->key,
            *impl->iam,
            impl->options.config.reminder_days});
    impl->audit = std::make_unique<assurance::AuditServices>(assurance::AuditDeps{
        *impl->db, impl->registry, *impl->clock, impl->key, *impl->catalog, impl->compliance->soa});
    impl->audit->HookRules(*impl->records);
    impl->risk_exports =
        std::make_unique<report::RiskExports>(*impl->db, impl->registry, *impl->clock);
    impl->dashboard = std::make_unique<report::Dashboard>(report::DashboardDeps{
        *impl->db,
        impl->registry,
        *impl->clock,
        *impl->compliance,
        impl->risk->reports,
        impl->evidence->service});
    impl->services = std::make_unique<http::Services>(http::Services{
        impl->options.config,
        *impl->iam,
        *impl->records,
        *impl->catalog,
        *impl->risk,
        *impl->compliance,
        *impl->monitoring,
        *impl->evidence,
        *impl->context,
        *impl->people,
        *impl->documents,
        *impl->operations,
        *impl->notifications,
        *impl->audit,
        *impl->risk_exports,
        *impl->dashboard,
        impl->metrics,
        *impl->clock});
    impl->web = std::make_unique<http::StaticFiles>(
        impl->options.config.web_root.empty() ? ISMS_WEB_DIST : impl->options.config.web_root
    );
    http::AppendSystemRoutes(impl->router, *impl->services);
    http::AppendAuthRoutes(impl->router, *impl->services);
    http::AppendMfaRoutes(impl->router, *impl->services);
    http::AppendCatalogRoutes(impl->router, *impl->services);
    http::AppendRiskMethodRoutes(impl->router, *impl->services);
    http::AppendAssetRequirementRoutes(impl->router, *impl->services);
    http::AppendRiskAcceptanceRoutes(impl->router, *impl->services);
    http::AppendRiskReportRoutes(impl->router, *impl->services);
    http::AppendRiskQuantRoutes(impl->router, *impl->services);
    http::AppendSoaRoutes(impl->router, *impl->services);
    http::AppendEvidenceRoutes(impl->router, *impl->services);
    http::AppendAssessmentRoutes(impl->router, *impl->services);
    http::AppendReadinessRoutes(impl->router, *impl->services);
    http::AppendScopeRoutes(impl->router, *impl->services);
    http::AppendResponsibilityRoutes(impl->router, *impl->services);
    http::AppendMetricRoutes(impl->router, *impl->services);
    http::AppendReviewRoutes(impl->router, *impl->services);
    http::AppendOperationsRoutes(impl->router, *impl->services);
    http::AppendNotificationRoutes(impl->router, *impl->services);
    http::AppendAuditRoutes(impl->router, *impl->services);
    http::AppendGuideRoutes(impl->router, *impl->services);
    http::AppendDashboardRoutes(impl->router, *impl->services);
    http::AppendThreatRoutes(impl->router, *impl->services);
    http::AppendPeopleRoutes(impl->router, *impl->services);
    http::AppendDocumentRoutes(impl->router, *impl->services);
    http::AppendRegisterRoutes(impl->router, *impl->services);
    return std::unique_ptr<App>(new App(std::move(impl)));
}

http::Response App::Handle(http::Request request) {
    const auto start = std::chrono::steady_clock::now();
    std::string request_id(request.Header("x-request-id"));
    if (request_id.empty()) {
        request_id = crypto::HexEncode(crypto::RandomBytes(8));
    }
    http::Response response;
    try {
        response = impl_->Dispatch(request, request_id);
    } catch (const std::exception& e) {
        Log().Log(
            Severity::kError,
            "http.internal_error",
            {{"request_id", request_id}, {"what", e.what()}}
        );
        response = http::ProblemResponse(
            500, "internal", "internal error; quote the request id", request_id
        );
    }
    if (response.status >= 500) {
        Log().Log(
            Severity::kError,
            "http.server_error",
            {{"request_id", request_id}, {"status", response.status}, {"body", response.body}}
        );
    }
    response.SetHeader("X-Request-Id", request_id);
    AddSecurityHeaders(response, request.tls);
    impl_->metrics.Record(
        response.status,
        std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - start
        )
    );
    return response;
}

Result<TenantId> App::CreateTenant(const std::string& name, const std::string& slug) {
    ISMS_TRY_ASSIGN(auto tenant, impl_->iam->CreateTenant(kSystemActor, name, slug));
    return tenant.id;
}

Result<TenantId> App::FindTenant(const std::string& slug) {
    ISMS_TRY_ASSIGN(auto tenant, impl_->iam->FindTenant(slug));
    return tenant.id;
}

Result<ProvisionedUser> App::ProvisionUser(
    TenantId tenant,
    const std::string& email,
    const std::string& password,
    const std::string& role,
    const std::string& token_name
) {
    auto parsed_role = iam::ParseRole(role);
    if (!parsed_role) {
        return Error::Invalid("role", "unknown role '" + role + "'");
    }
    ISMS_TRY_ASSIGN(UserId user, impl_->iam->EnsureUser(kSystemActor, email, "", password));
    ISMS_TRY(impl_->iam->SetMembership(kSystemActor, tenant, user, *parsed_role));
    ProvisionedUser out{tenant, user, ""};
    if (!token_name.empty()) {
        ISMS_TRY_ASSIGN(iam::Principal p, impl_->iam->PrincipalFor(tenant, user));
        const auto scope = *parsed_role == iam::Role::kAdmin ? iam::TokenScope::kAdmin
                                                             : iam::TokenScope::kReadWrite;
        ISMS_TRY_ASSIGN(auto issued, impl_->iam->CreateToken(p, token_name, scope, std::nullopt));
        out.token = issued.token;
    }
    return out;
}

const Config& App::config() const {
    return impl_->options.config;
}
const Clock& App::clock() const {
    return *impl_->clock;
}
iam::IamService& App::iam() {
    return *impl_->iam;
}
records::RecordService& App::records() {
    return *impl_->records;
}

catalog::CatalogService& App::catalog() {
    return *impl_->catalog;
}
risk::RiskServices& App::risk() {
    return *impl_->risk;
}

evidence::EvidenceServices& App::evidence() {
    return *impl_->evidence;
}

compliance::ComplianceServices& App::compliance() {
    return *impl_->compliance;
}

context::ContextServices& App::context() {
    return *impl_->context;
}
people::PeopleServices& App::people() {
    return *impl_->people;
}

documents::DocumentServices& App::documents() {
    return *impl_->documents;
}

assurance::MonitoringServices& App::monitoring() {
    return *impl_->monitoring;
}

assurance::AuditServices& App::audit() {
    return *impl_->audit;
}
store::Database& App::database() {
    return *impl_->db;
}
const schema::Registry& App::registry() const {
    return impl_->registry;
}
const store::LedgerKey& App::ledger_key() const {
    return impl_->key;
}
std::vector<http::RouteInfo> App::routes() const {
    return impl_->router.Routes();
}

operations::OperationsServices& App::operations() {
    return *impl_->operations;
}

notifications::NotificationServices& App::notifications() {
    return *impl_->notifications;
}

}  // namespace isms::app
