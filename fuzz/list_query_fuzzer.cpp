// List query strings: a request target split into path and query, the query then read as the
// list query of every register (filters, search, sort, paging).
#include <cstdint>
#include <string>

#include "app/registers.hpp"
#include "http/message.hpp"
#include "schema/list_query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const isms::schema::Registry registry = isms::app::BuildRegistry().value();
    const std::string target =
        "/api/v1/assets?" + std::string(reinterpret_cast<const char*>(data), size);
    const auto parsed = isms::http::ParseTarget(target);
    if (!parsed) {
        return 0;
    }
    for (const auto& spec : registry.All()) {
        static_cast<void>(isms::schema::ParseListQuery(spec, parsed->query));
    }
    return 0;
}
