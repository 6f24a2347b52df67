#include "cli/bench_gen.hpp"

#include <chrono>
#include <ostream>
#include <random>

#include "cli/bench_gen_assessments.hpp"
#include "cli/bench_gen_audit.hpp"
#include "cli/bench_gen_context.hpp"
#include "cli/bench_gen_controls.hpp"
#include "cli/bench_gen_monitoring.hpp"
#include "cli/bench_gen_operations.hpp"
#include "cli/bench_gen_people.hpp"
#include "cli/bench_gen_risks.hpp"
#include "core/crypto.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;

const char* const kKinds[] = {"primary", "supporting"};
const char* const kCategories[] = {
    "information",
    "business_process",
    "software",
    "hardware",
    "service",
    "network",
    "people",
    "site",
    "supplier"};
const char* const kClasses[] = {"public", "internal", "confidential", "restricted"};
const char* const kWords[] = {
    "Payroll",
    "Customer",
    "Billing",
    "Backup",
    "Identity",
    "Laptop",
    "Firewall",
    "Ledger",
    "Research",
    "Supplier",
    "Archive",
    "Portal"};

/// A generated framework of `count` requirements in sections of 50, each mapped to one Annex A
/// control of the built-in ISO/IEC 27001:2022, as one isms library file.
catalog::ImportFile GeneratedFramework(
    std::int64_t count, std::mt19937_64& rng, const std::string& slug
) {
    static const int kThemeSizes[] = {37, 8, 14, 34};
    const std::string fw = "urn:bench:framework:" + slug;
    json::array nodes;
    json::array pairs;
    for (std::int64_t i = 0; i < count; ++i) {
        if (i % 50 == 0) {
            nodes.push_back(json::object{
                {"ref_id", "S" + std::to_string(i / 50 + 1)},
                {"name", std::string(kWords[rng() % std::size(kWords)]) + " section"},
                {"kind", "section"}});
        }
        const std::string ref = "R-" + std::to_string(i + 1);
        nodes.push_back(json::object{
            {"ref_id", ref},
            {"parent", "S" + std::to_string(i / 50 + 1)},
            {"name",
             std::string(kWords[rng() % std::size(kWords)]) + " requirement "
                 + std::to_string(i + 1)},
            {"description", "Generated requirement for the catalog benchmarks."},
            {"assessable", true}});
        const std::size_t theme = rng() % 4;
        const std::string target =
            "urn:isms:framework:iso27001-2022:a." + std::to_string(theme + 5) + "."
            + std::to_string(rng() % static_cast<unsigned>(kThemeSizes[theme]) + 1);
        pairs.push_back(json::object{
            {"source", ref},
            {"target", target},
            {"relationship", rng() % 3 == 0 ? "equal" : "intersect"}});
    }
    const json::object library{
        {"format", "isms-library/1"},
        {"urn", "urn:bench:library:" + slug},
        {"version", "1"},
        {"name", "Bench framework"},
        {"frameworks",
         json::array{
             json::object{{"urn", fw}, {"name", "Bench framework"}, {"nodes", std::move(nodes)}}}},
        {"mapping_sets",
         json::array{json::object{
             {"urn", "urn:bench:mapping:" + slug},
             {"name", "Bench framework → ISO/IEC 27001:2022"},
             {"source_framework", fw},
             {"target_framework", "urn:isms:framework:iso27001-2022"},
             {"pairs", std::move(pairs)}}}}};
    return {"bench-framework.json", json::serialize(library)};
}

}  // namespace

Result<json::object> GenerateBenchData(
    app::App& app, const BenchGenOptions& options, std::ostream& progress
) {
    const auto start = std::chrono::steady_clock::now();
    std::mt19937_64 rng(options.seed);
    auto pick = [&rng](auto& list) {
        return list[rng() % (sizeof(list) / sizeof(list[0]))];
    };
    json::array tokens;
    std::int64_t total = 0;
    std::int64_t risks = 0;
    std::int64_t controls = 0;
    std::int64_t evidence = 0;
    std::int64_t context = 0;
    std::int64_t results = 0;
    std::int64_t people = 0;
    std::int64_t documents = 0;
    std::int64_t measurements = 0;
    std::int64_t incidents = 0;
    std::int64_t suppliers = 0;
    std::int64_t nonconformities = 0;
    std::int64_t checklist_items = 0;
    std::int64_t findings = 0;
    std::int64_t improvements = 0;
    std::int64_t campaigns = 0;
    std::int64_t exceptions = 0;
    for (int t = 0; t < options.tenants; ++t) {
        const std::string slug = "bench-" + std::to_string(t + 1);
        auto tenant = app.FindTenant(slug);
        if (!tenant) {
            tenant = app.CreateTenant("Bench organization " + std::to_string(t + 1), slug);
        }
        if (!tenant) {
            return tenant.error();
        }
        ISMS_TRY_ASSIGN(
            auto admin,
            app.ProvisionUser(
                *tenant, "admin@" + slug + ".bench", crypto::RandomToken(16), "admin", "bench"
            )
        );
        tokens.push_back(json::object{{"organization", slug}, {"token", admin.token}});
        ISMS_TRY_ASSIGN(iam::Principal who, app.iam().PrincipalFor(*tenant, admin.user));
        for (std::int64_t done = 0; done < options.assets_per_tenant; done += kBatch) {
            const std::int64_t n = std::min(kBatch, options.assets_per_tenant - done);
            std::vector<json::object> bodies;
            bodies.reserve(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) {
                bodies.push_back(json::object{
                    {"name",
                     std::string(pick(kWords)) + " " + pick(kWords) + " "
                         + std::to_string(done + i + 1)},
                    {"kind", pick(kKinds)},
                    {"category", pick(kCategories)},
                    {"classification", pick(kClasses)},
                    {"confidentiality", static_cast<std::int64_t>(rng() % 5 + 1)},
                    {"integrity", static_cast<std::int64_t>(rng() % 5 + 1)},
                    {"availability", static_cast<std::int64_t>(rng() % 5 + 1)},
                    {"in_scope", rng() % 10 != 0},
                    {"owner", admin.user.value}});
            }
            ISMS_TRY_ASSIGN(std::int64_t made, app.records().CreateMany(who, "assets", bodies));
            total += made;
        }
        progress << "bench gen: " << slug << " has " << options.assets_per_tenant << " assets\n";
        ISMS_TRY_ASSIGN(
            std::int64_t made_risks, GenerateRisks(app, who, options.risks_per_tenant, rng)
        );
        risks += made_risks;
        progress << "bench gen: " << slug << " has " << made_risks << " risks\n";
        ISMS_TRY_ASSIGN(
            std::int64_t made_controls, GenerateControls(app, who, options.controls_per_tenant, rng)
        );
        controls += made_controls;
        progress << "bench gen: " << slug << " has " << made_controls << " applied controls\n";
        ISMS_TRY_ASSIGN(
            const BenchPeople made_people, GeneratePeople(app, who, options.people_per_tenant, rng)
        );
        people += made_people.people;
        documents += made_people.documents;
        campaigns += made_people.campaigns;
        progress << "bench gen: " << slug << " has " << made_people.people << " people, "
                 << made_people.documents << " published documents and " << made_people.campaigns
                 << " awareness campaigns\n";
        ISMS_TRY_ASSIGN(
            std::int64_t made_context, GenerateContext(app, who, options.context_per_tenant, rng)
        );
        context += made_context;
        progress << "bench gen: " << slug << " has " << made_context << " context records\n";
        if (options.requirements > 0) {
            const catalog::ImportFile file = GeneratedFramework(options.requirements, rng, slug);
            ISMS_TRY(app.catalog().Import(who, {file}, {}));
            progress << "bench gen: " << slug << " has a framework of " << options.requirements
                     << " requirements\n";
            ISMS_TRY_ASSIGN(
                std::int64_t made_results,
                GenerateAssessments(
                    app,
                    who,
                    "urn:bench:framework:" + slug,
                    options.assessments_per_tenant,
                    options.results_per_tenant,
                    rng
                )
            );
            results += made_results;
            progress << "bench gen: " << slug << " has " << options.assessments_per_tenant
                     << " assessments with " << made_results << " results\n";
        }
        ISMS_TRY_ASSIGN(
            std::int64_t made_evidence, GenerateEvidence(app, who, options.evidence_per_tenant, rng)
        );
        evidence += made_evidence;
        progress << "bench gen: " << slug << " has " << made_evidence << " evidence records\n";
        ISMS_TRY_ASSIGN(
            std::int64_t made_measurements,
            GenerateMonitoring(app, who, options.measurements_per_tenant, rng)
        );
        measurements += made_measurements;
        progress << "bench gen: " << slug << " has " << made_measurements << " measurements\n";
        ISMS_TRY_ASSIGN(
            OperationsCounts made_operations,
            GenerateOperations(
                app, who, options.incidents_per_tenant, options.suppliers_per_tenant, rng
            )
        );
        incidents += made_operations.incidents;
        suppliers += made_operations.suppliers;
        exceptions += made_operations.exceptions;
        progress << "bench gen: " << slug << " has " << made_operations.incidents << " incidents, "
                 << made_operations.suppliers << " suppliers and " << made_operations.exceptions
                 << " exceptions\n";
        ISMS_TRY_ASSIGN(
            const AuditCounts made_audits,
            GenerateAudits(
                app, who, options.audits_per_tenant, options.nonconformities_per_tenant, rng
            )
        );
        checklist_items += made_audits.checklist_items;
        findings += made_audits.findings;
        nonconformities += made_audits.nonconformities;
        improvements += made_audits.improvements;
        progress << "bench gen: " << slug << " has " << options.audits_per_tenant << " audits ("
                 << made_audits.checklist_items << " checklist items, " << made_audits.findings
                 << " findings), " << made_audits.nonconformities << " nonconformities and "
                 << made_audits.improvements << " improvements\n";
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return json::object{
        {"tenants", options.tenants},
        {"assets", total},
        {"risks", risks},
        {"controls", controls},
        {"evidence", evidence},
        {"context", context},
        {"assessments", options.assessments_per_tenant * options.tenants},
        {"results", results},
        {"people", people},
        {"documents", documents},
        {"awareness_campaigns", campaigns},
        {"measurements", measurements},
        {"incidents", incidents},
        {"suppliers", suppliers},
        {"exceptions", exceptions},
        {"audits", options.audits_per_tenant * options.tenants},
        {"checklist_items", checklist_items},
        {"findings", findings},
        {"nonconformities", nonconformities},
        {"improvements", improvements},
        {"requirements", options.requirements},
        {"framework", "urn:bench:framework:bench-1"},
        {"seconds", seconds},
        {"tokens", std::move(tokens)}};
}

}  // namespace isms::cli
