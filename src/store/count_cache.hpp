// Cached list totals. Counting every matching row for `total` dominated list requests; a total
// is reused while the register's version (register_versions, bumped in the same transaction as
// every record write) is unchanged. Keyed by the query and its parameters, stamped with the
// register's version; at most 10,000 totals.
#pragma once

#include <cstdint>
#include <string>

#include "core/stamped_cache.hpp"

namespace isms::store {

using CountCache = StampedCache<std::string, std::int64_t, std::int64_t, 10'000>;

}  // namespace isms::store
