// The OpenAPI 3.1 document of the HTTP API, generated from the register declarations so that it
// cannot drift from what the generic endpoints accept: per register the record, input, patch
// and page schemas and the list/create/read/change/archive/history/export operations, plus the
// other routes the router passes in. Output is deterministic (same input, same bytes), so the
// document can be diffed between releases and kept as a golden file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "schema/registry.hpp"

namespace isms::schema {

/// A route that is not a generic register endpoint (auth, tokens, schema, healthz, metrics …).
/// `path` uses the router's `{name}` placeholders; each becomes a path parameter.
struct ExtraOperation {
    std::string method;  // "GET", "POST", …
    std::string path;    // "/api/v1/tokens/{id}"
    std::string summary;
    std::string tag;
    bool authenticated = true;
};

/// Builds the document. Registers come first in registry order; the extra operations follow,
/// sorted by path and method so that the order routes were added in does not matter.
[[nodiscard]] json::object BuildOpenApi(
    const Registry& registry, const std::vector<ExtraOperation>& extra, std::string_view version
);

}  // namespace isms::schema
