// The .apitest parser: a scenario file read into steps (directives, requests, expectations).
#include <cstdint>
#include <string_view>

#include "apitest/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static_cast<void>(isms::apitest::ParseScenario(text, "fuzz.apitest"));
    return 0;
}
