// CSV import: a tabular catalog file parsed, then imported as a framework with its mappings.
#include <cstdint>
#include <string_view>

#include "catalog/tabular_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto table = isms::catalog::ParseCsv(text, "fuzz.csv");
    if (table) {
        static_cast<void>(isms::catalog::ImportTabular(*table, "fuzz.csv"));
    }
    return 0;
}
