// JSON form of a tenant's risk method (ISO/IEC 27001:2022 6.1.2 a–b), as the HTTP API and the
// store exchange it:
//   {"version":1,
//    "likelihood":{"levels":[{"value":1,"label":"Rare","description":"…","frequency":"…"}]},
//    "impact":{"levels":[{"value":1,"label":"…","criteria":{"confidentiality":"…"}}]},
//    "levels":[{"id":"low","label":"Low","colour":"#2e7d32","order":0}],
//    "grid":[["low","medium"],…],  // grid[likelihood - 1][impact - 1]
//    "acceptance":{"low":{"acceptable_without_treatment":true,"roles":["risk_owner"]}},
//    "extra_asset_properties":["authenticity"]}
// Decoding refuses unknown fields and only ever yields a method that passes Validate().
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"
#include "risk/risk_method.hpp"

namespace isms::risk {

/// The method in the form above. Empty "description", "frequency" and "criteria" are left
/// out; keys come in a fixed order, so equal methods serialize to equal text.
[[nodiscard]] json::object MethodToJson(const RiskMethod& method);

/// Reads a method in the form above. "version" (default 1), "description", "frequency",
/// "criteria" and "extra_asset_properties" (default none) may be left out; everything else is
/// required. Every type or shape problem (wrong type, missing or unknown field, unknown impact
/// dimension) is reported at its JSON path, together with the Validate() problems of the fields
/// that did decode, as one kInvalidArgument with a FieldError each. A non-object document is
/// reported at "$".
[[nodiscard]] Result<RiskMethod> MethodFromJson(const json::value& value);

}  // namespace isms::risk
