// The services and register rules of monitoring and management review, built once by the
// composition root.
#pragma once

#include "assurance/measurement_rules.hpp"
#include "assurance/metric_deps.hpp"
#include "assurance/metric_rules.hpp"
#include "assurance/metric_service.hpp"
#include "assurance/review_action_rules.hpp"
#include "assurance/review_rules.hpp"
#include "assurance/review_service.hpp"
#include "records/record_service.hpp"

namespace isms::assurance {

struct MonitoringServices {
    explicit MonitoringServices(const MonitoringDeps& deps)
        : measurement_rules(deps.registry, deps.clock),
          action_rules(deps.clock),
          metrics(deps, measurement_rules),
          reviews(deps) {}

    /// Hooks the rules to the writes of metrics, measurements, reviews and review actions.
    void HookRules(records::RecordService& records) {
        records.SetRules("metrics", metric_rules);
        records.SetRules("measurements", measurement_rules);
        records.SetRules("management_reviews", review_rules);
        records.SetRules("review_actions", action_rules);
    }

    MetricRules metric_rules;
    MeasurementRules measurement_rules;
    ManagementReviewRules review_rules;
    ReviewActionRules action_rules;
    MetricService metrics;
    ReviewService reviews;
};

}  // namespace isms::assurance
