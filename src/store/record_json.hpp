// A page of records as JSON text, written straight from the stored rows. A list request is
// mostly this work, so it skips what RecordToJson needs (a Record, then a json::object per row)
// and writes the same members, in the same order, with the same values: stored timestamps,
// tags, extra and lists are already in their JSON form. records_json_test holds the two equal.
#pragma once

#include <string>

#include "core/error.hpp"
#include "schema/list_query.hpp"
#include "schema/register_spec.hpp"
#include "store/count_cache.hpp"
#include "store/session.hpp"
#include "store/sql.hpp"

namespace isms::store {

/// Appends the JSON object of one row selected by RecordColumns(spec) to `out`.
void AppendRecordJson(const schema::RegisterSpec& spec, const SqlRow& row, std::string& out);

/// {"items":[…],"total":…,"limit":…,"offset":…} for one page of `query`.
[[nodiscard]] Result<std::string> ListRecordsJson(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    const schema::ListQuery& query,
    CountCache* cache = nullptr
);

}  // namespace isms::store
