// The catalogs compiled into isms (src/catalog/data/*.json, isms library JSON): ISO/IEC
// 27001:2022, ISO/IEC 27001:2013 Annex A and the 2013→2022 correspondence. Identifiers and
// titles are facts of the standards; every description is the project's own wording.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "catalog/model.hpp"

namespace isms::catalog {

inline constexpr std::string_view kIso27001_2022 = "urn:isms:framework:iso27001-2022";
inline constexpr std::string_view kIso27001_2013 = "urn:isms:framework:iso27001-2013";

/// The built-in libraries, parsed on first use and shared by every tenant. A built-in that does
/// not parse is a bug in the shipped data and stops the program with the problem list.
[[nodiscard]] const std::vector<std::shared_ptr<const Library>>& BuiltinLibraries();

namespace detail {
struct EmbeddedFile {
    std::string_view name;
    std::string_view text;
};
/// The data files as compiled in (generated source).
[[nodiscard]] const std::vector<EmbeddedFile>& EmbeddedBuiltins();
}  // namespace detail

}  // namespace isms::catalog
