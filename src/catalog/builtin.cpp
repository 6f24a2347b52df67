#include "catalog/builtin.hpp"

#include <fmt/format.h>

#include "catalog/native_format.hpp"
#include "core/assert.hpp"

namespace isms::catalog {

const std::vector<std::shared_ptr<const Library>>& BuiltinLibraries() {
    static const std::vector<std::shared_ptr<const Library>> kLibraries = [] {
        std::vector<std::shared_ptr<const Library>> out;
        for (const auto& file : detail::EmbeddedBuiltins()) {
            auto library = ReadNativeLibrary(file.text, file.name);
            if (!library) {
                std::string problems = library.error().message;
                for (const auto& f : library.error().fields) {
                    problems += fmt::format("\n  {}: {}", f.field, f.message);
                }
                ISMS_CHECK(false, problems.c_str());
            }
            library->source = fmt::format("builtin:{}", file.name);
            out.push_back(std::make_shared<const Library>(std::move(*library)));
        }
        return out;
    }();
    return kLibraries;
}

}  // namespace isms::catalog
