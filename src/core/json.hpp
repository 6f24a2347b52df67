// Boost.JSON glue: parsing with an error that says where (line and column), limits on depth,
// and a deterministic serializer (object keys in insertion order) used for ledger hashing.
#pragma once

#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "core/error.hpp"

namespace isms {

namespace json = boost::json;

/// Parses one JSON document. Malformed input yields kMalformedInput with
/// "malformed JSON at line L, column C: reason". Nesting deeper than 64 is refused.
[[nodiscard]] Result<json::value> ParseJson(std::string_view text);

/// Parses a document that must be a JSON object.
[[nodiscard]] Result<json::object> ParseJsonObject(std::string_view text);

/// Serializes with keys in insertion order; equal values built the same way give equal bytes.
[[nodiscard]] std::string ToJsonText(const json::value& v);

/// Returns the member as a string, or "" when absent or not a string.
[[nodiscard]] std::string_view StringOr(
    const json::object& o, std::string_view key, std::string_view fallback = ""
);

}  // namespace isms
