// OSCAL XML read into the shape of OSCAL JSON, so that one importer reads both: attributes
// become members, repeated elements become the JSON arrays ("prop" → "props", "with-id" →
// "with-ids"), prose markup becomes the Markdown-like text OSCAL JSON carries ("prose",
// "{{ insert: param, id }}"), and each converted element remembers its line for problem
// locations.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/json/value.hpp>

#include "core/error.hpp"

namespace isms::catalog {

/// An OSCAL XML document in its JSON form.
struct OscalXmlDocument {
    /// {"<root element>": {…}}, as the OSCAL JSON of the same document would be shaped.
    boost::json::value document;
    /// The XML line of every element converted to a JSON object, by that object's JSON path
    /// ("$.catalog.groups[0].controls[3]" → 86).
    std::unordered_map<std::string, int> line_of_path;

    /// "line N" of the element a JSON path points into: the path itself or its nearest
    /// converted ancestor ("$.catalog.groups[0].controls[3].title" → the control's line).
    [[nodiscard]] std::string LocationOf(std::string_view json_path) const;
};

/// Parses OSCAL XML (any model; the root element's name becomes the root key) into its JSON
/// form. Element names are taken without namespace prefix. Malformed XML yields kMalformedInput
/// "malformed XML at line L, column C: reason".
[[nodiscard]] Result<OscalXmlDocument> ReadOscalXml(std::string_view text);

}  // namespace isms::catalog
