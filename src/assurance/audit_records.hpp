// Reading the audit and improvement registers inside one store scope: the live records of a
// register whose reference field points to one record (an audit's checklist items, a
// nonconformity's corrective actions), in a given order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "schema/record.hpp"
#include "schema/registry.hpp"
#include "store/session.hpp"

namespace isms::assurance {

/// Live records of `register_name` whose `field` is `id`, sorted by `sort` (a column name).
[[nodiscard]] Result<std::vector<schema::Record>> RecordsPointingTo(
    store::TenantScope& scope,
    const schema::Registry& registry,
    std::string_view register_name,
    std::string_view field,
    std::int64_t id,
    std::string sort = "id"
);

/// Nonconformity `id`, unless it is closed: then kConflict "nonconformity: NC-1 is closed; " and
/// `consequence`. For the rules of what hangs on a nonconformity (whys, corrective actions).
[[nodiscard]] Result<schema::Record> OpenNonconformity(
    store::TenantScope& scope,
    const schema::Registry& registry,
    std::int64_t id,
    std::string_view consequence
);

/// The text of a field, "" when absent or not text.
[[nodiscard]] std::string TextOf(const json::object& fields, std::string_view key);

}  // namespace isms::assurance
