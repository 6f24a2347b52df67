// Micro-benchmarks of the catalog (issue targets in bench/RESULTS.md): importing NIST's 3.2 MB
// SP 800-53 OSCAL catalog, CISO Assistant's 1.4 MB SP 800-53 YAML, and parsing every built-in
// catalog as the server does at start. The real files come from ../shared/reference
// (ISMS_REFERENCE_DIR overrides); benchmarks that need them skip when it is absent.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "catalog/builtin.hpp"
#include "catalog/catalog.hpp"
#include "catalog/ciso_assistant_import.hpp"
#include "catalog/native_format.hpp"
#include "catalog/oscal_import.hpp"

namespace {

using namespace isms;  // NOLINT(google-build-using-namespace): benchmark file

std::string ReferenceFile(const std::string& relative) {
    const char* env = std::getenv("ISMS_REFERENCE_DIR");
    const std::filesystem::path dir = env != nullptr ? env : ISMS_REFERENCE_DIR;
    std::ifstream in(dir / relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void BM_ImportOscal80053Catalog(benchmark::State& state) {
    const std::string text =
        ReferenceFile("nist-oscal-content/sp800-53-rev5/NIST_SP-800-53_rev5_catalog.json");
    if (text.empty()) {
        state.SkipWithError("reference data not found");
        return;
    }
    const catalog::OscalCatalogResolver none = [](std::string_view) -> Result<catalog::Library> {
        return Error::NotFound("no catalogs");
    };
    for (auto _ : state) {
        auto library = catalog::ImportOscal(text, "NIST_SP-800-53_rev5_catalog.json", none);
        benchmark::DoNotOptimize(library);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ImportOscal80053Catalog)->Unit(benchmark::kMillisecond);

void BM_ImportCisoAssistant80053Yaml(benchmark::State& state) {
    const std::string text = ReferenceFile("ciso-assistant/nist-sp-800-53-rev5.yaml");
    if (text.empty()) {
        state.SkipWithError("reference data not found");
        return;
    }
    for (auto _ : state) {
        auto library = catalog::ImportCisoAssistant(text, "nist-sp-800-53-rev5.yaml");
        benchmark::DoNotOptimize(library);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ImportCisoAssistant80053Yaml)->Unit(benchmark::kMillisecond);

// What start-up does: parse every embedded built-in and index them into one catalog.
void BM_LoadBuiltins(benchmark::State& state) {
    for (auto _ : state) {
        std::vector<std::shared_ptr<const catalog::Library>> libraries;
        for (const auto& file : catalog::detail::EmbeddedBuiltins()) {
            libraries.push_back(std::make_shared<const catalog::Library>(
                catalog::ReadNativeLibrary(file.text, file.name).value()
            ));
        }
        catalog::Catalog indexed(std::move(libraries));
        benchmark::DoNotOptimize(indexed);
    }
}
BENCHMARK(BM_LoadBuiltins)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
