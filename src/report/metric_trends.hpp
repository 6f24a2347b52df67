// Metric trends for the dashboard: the latest measurements of each metric (the `metrics` and
// `measurements` registers of src/assurance/, read through the store by name).
#pragma once

#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::report {

/// Measurements kept per metric, the newest.
inline constexpr std::size_t kTrendPoints = 12;

/// {"series": [{"metric": {"id", "ref", "name"}, "points": [{"date", "value"}]}]}, points
/// oldest first, series by metric id. Every member may read.
[[nodiscard]] Result<json::object> MetricTrends(
    store::Database& db, const schema::Registry& registry, const iam::Principal& who
);

}  // namespace isms::report
