// Small text helpers shared by the catalog's importers: ASCII case folding and URN slugs.
#pragma once

#include <string>
#include <string_view>

namespace isms::catalog {

/// ASCII letters lowered; every other byte (UTF-8 included) kept as it is.
[[nodiscard]] std::string AsciiLowercase(std::string_view text);

/// Lowercase ASCII letters and digits (and '.' when keep_dots), every other run of characters
/// as one '-', no '-' at either end: "NIST Cybersecurity Framework 2.0" →
/// "nist-cybersecurity-framework-2-0". Used to make URN segments from titles.
[[nodiscard]] std::string Slug(std::string_view text, bool keep_dots = false);

}  // namespace isms::catalog
