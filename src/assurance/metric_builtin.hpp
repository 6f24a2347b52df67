// The built-in automatic metrics (ISO/IEC 27001:2022 9.1): values isms computes from its own
// data — Annex A implementation, overdue treatment, stale evidence, risks above acceptance,
// nonconformity closing time and training completion (competences held). Registers of
// other modules are read by name through the store, never through their headers.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "assurance/metric_deps.hpp"
#include "core/error.hpp"
#include "iam/principal.hpp"

namespace isms::assurance {

/// One built-in metric: its `automatic` value and what a metric created for it says.
struct BuiltinMetric {
    const char* kind;
    const char* name;
    const char* measured;
    const char* formula;
    const char* unit;
    const char* direction;  // the usual target direction
    double target;          // a usual target
    const char* needs;      // the register it reads that another module declares, or nullptr
};

/// Every built-in metric, in a stable order.
[[nodiscard]] std::span<const BuiltinMetric> BuiltinMetrics();
/// The built-in metric named `kind`, or nullptr.
[[nodiscard]] const BuiltinMetric* FindBuiltin(std::string_view kind);

/// A computed value and how it was reached ("42 of 50 applicable controls implemented").
struct BuiltinValue {
    double value = 0;
    std::string note;
};

/// Computes `kind` for `who`'s organization as of the clock's day. kConflict when the value
/// cannot be computed yet, saying why (no register, nothing to measure).
[[nodiscard]] Result<BuiltinValue> ComputeBuiltin(
    const MonitoringDeps& deps, const iam::Principal& who, std::string_view kind
);

}  // namespace isms::assurance
