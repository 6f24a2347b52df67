// The list query language of the generic register endpoints, parsed and typed against the
// register declaration:  ?status=open  ?status.in=open,closed  ?likelihood.gte=3
// ?depends_on=12 (list contains)  ?tag=pci  ?q=payroll  ?sort=-updated_at  ?limit=50&offset=100
// ?archived=true|false|any. Only declared or common columns can be named, so the store can
// build SQL from a ListQuery without further checks.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/json.hpp"
#include "schema/register_spec.hpp"

namespace isms::schema {

enum class FilterOp { kEq, kNe, kIn, kGt, kGte, kLt, kLte, kContains, kIsNull, kNotNull };

struct Filter {
    std::string column;  // declared field or common column; validated
    FieldType type = FieldType::kText;
    FilterOp op = FilterOp::kEq;
    std::vector<json::value> values;  // typed: int64, double, bool or string
};

enum class ArchivedFilter { kExclude, kOnly, kAny };

struct ListQuery {
    std::vector<Filter> filters;
    std::string text;  // `q`: case-insensitive substring over searchable fields
    std::string sort_column = "id";
    bool descending = false;
    std::int64_t limit = 50;
    std::int64_t offset = 0;
    ArchivedFilter archived = ArchivedFilter::kExclude;
};

inline constexpr std::int64_t kMaxPageSize = 500;

/// Parses query parameters; errors name the parameter ("likelihood.gte: must be an integer").
[[nodiscard]] Result<ListQuery> ParseListQuery(
    const RegisterSpec& spec, const std::vector<std::pair<std::string, std::string>>& params
);

}  // namespace isms::schema
