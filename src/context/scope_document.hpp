// The ISMS scope statement (ISO/IEC 27001:2022 4.3) as a document: what the ISMS covers and
// where it ends, the interfaces and dependencies with what lies outside, and what is excluded
// and why. Pure: decoding and comparing, no I/O.
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"

namespace isms::context {

/// Decodes a PUT body into the content of a scope version: {"statement", "in_scope",
/// "out_of_scope", "interfaces", "dependencies", "exclusions": [{"what", "reason"}],
/// "comment"}. `statement` is required; the lists default to empty; every error names its field
/// ("exclusions[1].reason") and all are reported at once. Unknown members are refused.
[[nodiscard]] Result<json::object> DecodeScope(const json::object& body);

/// True when two scope contents say the same (the comment and version data aside).
[[nodiscard]] bool SameScope(const json::object& a, const json::object& b);

}  // namespace isms::context
