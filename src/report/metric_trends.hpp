// Metric trends for the dashboard: the latest measurements of each metric, when this build
// declares a `measurements` register (looked up by name) with a reference to `metrics`, a
// numeric field `value` and a date field.
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::report {

/// Measurements kept per metric, the newest.
inline constexpr std::size_t kTrendPoints = 12;

/// {"available": false, "detail"} without such a register; else {"available": true,
/// "series": [{"metric": {"id", "ref", "name"}, "points": [{"date", "value"}]}]}, points
/// oldest first, series by metric id. Every member may read.
[[nodiscard]] Result<json::object> MetricTrends(
    store::Database& db, const schema::Registry& registry, const iam::Principal& who
);

}  // namespace isms::report
