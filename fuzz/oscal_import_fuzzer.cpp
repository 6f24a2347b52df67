// OSCAL import: a catalog or profile in JSON or XML; profile imports resolve to nothing.
#include <cstdint>
#include <string_view>

#include "catalog/oscal_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const isms::catalog::OscalCatalogResolver resolve = [](std::string_view href
                                                        ) -> isms::Result<isms::catalog::Library> {
        return isms::Error::NotFound("no catalog at " + std::string(href));
    };
    static_cast<void>(isms::catalog::ImportOscal(text, "fuzz.oscal", resolve));
    return 0;
}
