// `isms bench gen`: fills a data directory with generated organizations, users, assets, risks
// (bench_gen_risks.hpp), applied controls (bench_gen_controls.hpp), an imported framework
// (mapped to ISO/IEC 27001:2022), evidence and assessments of it (bench_gen_assessments.hpp),
// metrics, measurements and management reviews (bench_gen_monitoring.hpp) for
// the load benchmarks in bench/. Records and the import go through the normal write path
// (validation, ledger) in large transactions, so the generated store verifies like a real one.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "app/app.hpp"
#include "core/json.hpp"

namespace isms::cli {

struct BenchGenOptions {
    int tenants = 1;
    std::int64_t assets_per_tenant = 10'000;
    std::int64_t requirements = 1'000;         // a generated framework mapped to ISO 27001:2022
    std::int64_t risks_per_tenant = 1'000;     // scored risks, treatment actions, loss models
    std::int64_t controls_per_tenant = 1'000;  // applied controls implementing Annex A
    std::int64_t evidence_per_tenant = 1'000;  // evidence links on applied controls
    std::int64_t assessments_per_tenant = 10;  // of the generated framework
    std::int64_t results_per_tenant = 2'000;   // requirement results across the assessments
    std::int64_t context_per_tenant = 200;     // of each context register (bench_gen_context.hpp)
    std::int64_t people_per_tenant = 1'000;    // people with training records; documents, acks
    std::int64_t measurements_per_tenant = 1'000;     // over twenty metrics; four reviews
    std::int64_t incidents_per_tenant = 1'000;        // incidents, each with a timeline entry
    std::int64_t suppliers_per_tenant = 200;          // suppliers, each with an assessment
    std::int64_t audits_per_tenant = 20;              // audits in one programme
    std::int64_t nonconformities_per_tenant = 1'000;  // with whys and corrective actions
    std::uint64_t seed = 42;
};

/// Returns a summary: tenants, assets, seconds, and a read-write token per tenant admin.
[[nodiscard]] Result<json::object> GenerateBenchData(
    app::App& app, const BenchGenOptions& options, std::ostream& progress
);

}  // namespace isms::cli
