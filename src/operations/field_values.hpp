// Reading the fields a record will have after a write (records::FieldsAfter), for the rules of
// the operations registers.
#pragma once

#include <optional>
#include <string_view>

#include "core/json.hpp"

namespace isms::operations::detail {

/// The field's value, or null when absent.
[[nodiscard]] inline const json::value& FieldOf(const json::object& fields, std::string_view name) {
    static const json::value kNull;
    const json::value* v = fields.if_contains(name);
    return v != nullptr ? *v : kNull;
}

/// A text, date or enum field's value; empty when null.
[[nodiscard]] inline std::string_view TextOf(const json::object& fields, std::string_view name) {
    const json::value& v = FieldOf(fields, name);
    return v.is_string() ? std::string_view(v.get_string()) : std::string_view();
}

/// A reference or user field's id.
[[nodiscard]] inline std::optional<std::int64_t> IdOf(
    const json::object& fields, std::string_view name
) {
    const json::value& v = FieldOf(fields, name);
    if (v.is_int64()) {
        return v.get_int64();
    }
    return std::nullopt;
}

}  // namespace isms::operations::detail
