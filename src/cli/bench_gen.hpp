// `isms bench gen`: fills a data directory with generated organizations, users and assets for
// the load benchmarks in bench/. Records go through the normal write path (validation, ledger)
// in large transactions, so the generated store verifies like a real one.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "app/app.hpp"
#include "core/json.hpp"

namespace isms::cli {

struct BenchGenOptions {
    int tenants = 1;
    std::int64_t assets_per_tenant = 10'000;
    std::uint64_t seed = 42;
};

/// Returns a summary: tenants, assets, seconds, and a read-write token per tenant admin.
[[nodiscard]] Result<json::object> GenerateBenchData(
    app::App& app, const BenchGenOptions& options, std::ostream& progress
);

}  // namespace isms::cli
