// "What is past its date": the live records of a register whose date field lies before a given
// day — stale evidence, expired exceptions, overdue risk reviews and treatment actions — in one
// query, longest past first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "schema/record.hpp"
#include "schema/register_spec.hpp"
#include "store/session.hpp"

namespace isms::store {

/// A record whose date field lies `days_past` days before the day asked about.
struct PastDateRecord {
    schema::Record record;
    std::int64_t days_past = 0;
};

/// Live records of `spec` whose date field `date_field` is before `day` and that match
/// `filters` (list query parameters, e.g. {{"status", "approved"}}), oldest date first, then by
/// id. A record without a date is never past it.
[[nodiscard]] Result<std::vector<PastDateRecord>> RecordsPastDate(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    std::string_view date_field,
    Date day,
    std::vector<std::pair<std::string, std::string>> filters = {}
);

}  // namespace isms::store
