// Request JSON decoding: a body parsed as JSON, then validated as a create and as a patch of
// every register (the same calls the register routes make).
#include <cstdint>
#include <string_view>

#include "app/registers.hpp"
#include "core/json.hpp"
#include "schema/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const isms::schema::Registry registry = isms::app::BuildRegistry().value();
    auto body = isms::ParseJsonObject(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!body) {
        return 0;
    }
    for (const auto& spec : registry.All()) {
        for (const auto mode :
             {isms::schema::InputMode::kCreate, isms::schema::InputMode::kPatch}) {
            static_cast<void>(isms::schema::ValidateInput(spec, {}, *body, mode));
        }
    }
    return 0;
}
