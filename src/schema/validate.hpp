// Input validation from a register declaration. Every problem is reported with the field it
// concerns ("name", "extra.cost", "tags[3]"); all problems of one input are reported together.
// Cross-record rules (does reference 12 exist in this tenant?) are checked by the service.
#pragma once

#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/json.hpp"
#include "schema/register_spec.hpp"

namespace isms::schema {

enum class InputMode { kCreate, kPatch };

/// What validated input asks to set. For a patch, absent members are left unchanged and a
/// member set to JSON null is cleared (`fields` then holds null for it).
struct Draft {
    json::object fields;
    std::optional<std::optional<UserId>> owner;
    std::optional<json::array> tags;
    std::optional<json::object> extra;
};

/// Validates `body` against `spec` and the tenant's custom fields `extension` (checked under
/// "extra"). Unknown members, read-only members, wrong types and limits are errors.
[[nodiscard]] Result<Draft> ValidateInput(
    const RegisterSpec& spec,
    const std::vector<FieldSpec>& extension,
    const json::object& body,
    InputMode mode
);

/// Validates one value against one field; returns the normalized value (datetimes in UTC
/// "Z" form) or appends to `errors` and returns nullopt. `path` is the name to report.
[[nodiscard]] std::optional<json::value> ValidateValue(
    const FieldSpec& field,
    const json::value& value,
    const std::string& path,
    std::vector<FieldError>& errors
);

/// Parses a field declaration from JSON ({"name","type","label","required","values",…}), as
/// tenants send custom-field extensions. Errors name `path`.<member>.
[[nodiscard]] Result<FieldSpec> FieldFromJson(const json::value& value, const std::string& path);
[[nodiscard]] json::object FieldToJson(const FieldSpec& field);

}  // namespace isms::schema
