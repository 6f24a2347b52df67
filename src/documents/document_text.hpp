// Reading the declared fields of a record's JSON without ceremony.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/json.hpp"

namespace isms::documents {

/// The text of field `name`, "" when absent, null or not text.
[[nodiscard]] std::string_view FieldText(const json::object& fields, std::string_view name);
/// The integer of field `name` (an id, a number), 0 when absent, null or not an integer.
[[nodiscard]] std::int64_t FieldInt(const json::object& fields, std::string_view name);

}  // namespace isms::documents
