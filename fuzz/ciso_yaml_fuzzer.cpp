// CISO Assistant YAML import: a library file read as a framework, mappings, controls, threats.
#include <cstdint>
#include <string_view>

#include "catalog/ciso_assistant_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static_cast<void>(isms::catalog::ImportCisoAssistant(text, "fuzz.yaml"));
    return 0;
}
