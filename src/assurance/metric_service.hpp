// MetricService (ISO/IEC 27001:2022 9.1): a metric's measurements as a series with their trend
// and target breaches, and the built-in automatic metrics computed on demand — one metric now,
// or every automatic metric whose next measurement is due by the clock (what `isms metrics
// compute` runs from cron). Each computed value is a measurement written through the ledger.
#pragma once

#include "assurance/measurement_rules.hpp"
#include "assurance/metric_deps.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

class MetricService {
public:
    MetricService(const MonitoringDeps& deps, MeasurementRules& rules)
        : deps_(deps), rules_(rules) {}

    /// {"metric": {id, ref, name, unit, target, direction, frequency, automatic}, "status":
    /// on_target | breached | no_target | no_data (the latest value against today's target),
    /// "next_due", "overdue", "trend": {points, latest, change, slope_per_30_days, direction},
    /// "series": [{id, ref, measured_on, value, target, breach, source}] oldest first,
    /// "breaches": the series' measurements that breached their target then}. Every member.
    [[nodiscard]] Result<json::object> Trend(const iam::Principal& who, RecordId metric);

    /// Computes an automatic metric now and records the value as a measurement dated today
    /// (whoever may create measurements). kConflict for a metric measured by hand, or when the
    /// value cannot be computed yet (the reason says why). Returns the measurement.
    [[nodiscard]] Result<json::object> Compute(const iam::Principal& who, RecordId metric);

    /// Computes every automatic metric that is due (never measured, or its frequency has passed
    /// since its latest measurement; with `all`, every automatic metric) and records them in one
    /// transaction: {"computed": [measurement…], "skipped": [{"metric", "ref", "reason"}]}.
    [[nodiscard]] Result<json::object> ComputeDue(const iam::Principal& who, bool all);

private:
    struct Computed {
        RecordId metric;
        double value = 0;
        std::string note;
    };
    /// Writes computed values as measurements in one transaction; returns them.
    [[nodiscard]] Result<json::array> Record(
        const iam::Principal& who, const std::vector<Computed>& values
    );

    MonitoringDeps deps_;
    MeasurementRules& rules_;
};

}  // namespace isms::assurance
