// The isms library JSON format ("isms-library/1"): how built-in catalogs are written, how
// imported libraries are stored, and a format users can import directly. docs/catalog.md
// describes it. Reading checks the whole document and reports every problem by JSON path.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

inline constexpr std::string_view kNativeFormatTag = "isms-library/1";

/// Reads a parsed isms library document. Node URNs default to framework URN + ":" +
/// lowercase(ref_id); "parent" and mapping endpoints may be a ref_id of the framework or a URN.
/// Problems (missing fields, wrong types, unknown keys, duplicate URNs or ref_ids, parents
/// that do not resolve or form a cycle, unknown relationships) are all reported, with
/// locations "source:$.frameworks[0].nodes[3].ref_id".
[[nodiscard]] Result<Library> ReadNativeLibrary(
    const boost::json::value& document, std::string_view source_name
);

/// Parses JSON text, then reads it as above.
[[nodiscard]] Result<Library> ReadNativeLibrary(
    std::string_view text, std::string_view source_name
);

/// The document ReadNativeLibrary reads back into an equal Library, with every URN explicit.
/// Notices are not part of it.
[[nodiscard]] boost::json::object WriteNativeLibrary(const Library& library);

/// The URN a node gets when its document gives none: "<framework urn>:<lowercase ref_id>".
[[nodiscard]] std::string DefaultNodeUrn(std::string_view framework_urn, std::string_view ref_id);

}  // namespace isms::catalog
