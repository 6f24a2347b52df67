#include "assurance/metric_registers.hpp"

#include "assurance/metric_builtin.hpp"

namespace isms::assurance {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

const std::vector<std::string> kFrequencies = {
    "daily", "weekly", "monthly", "quarterly", "semiannual", "annual"};

RegisterSpec Metrics() {
    RegisterSpec s;
    s.name = "metrics";
    s.title = "Metrics";
    s.ref_prefix = "MET";
    s.clause = "9.1";
    s.description =
        "What the organization monitors and measures (ISO/IEC 27004): the attribute measured, "
        "the method and formula, how often, the target and its direction, who owns the metric "
        "and who analyses the results when. Automatic metrics are computed by isms from its own "
        "data.";
    std::vector<std::string> kinds;
    for (const BuiltinMetric& b : BuiltinMetrics()) {
        kinds.emplace_back(b.kind);
    }
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Markdown("description").Searchable().Label("Description"),
        Text("measured")
            .MaxLength(500)
            .Label("What is measured")
            .Describe("The object and attribute measured, e.g. 'Annex A controls: implemented'."),
        Markdown("method").Label("Measurement method"),
        Text("formula").MaxLength(500).Label("Formula"),
        Text("unit").MaxLength(40).Label("Unit").Describe("e.g. %, days, count."),
        Enum("frequency", kFrequencies).Label("Measurement frequency"),
        Decimal("target").Range(-1e12, 1e12).Label("Target"),
        Enum("direction", {"at_least", "at_most"})
            .Label("Target direction")
            .Describe("at_least: a value below the target breaches it; at_most: one above."),
        User("analyst").Label("Analysed by"),
        Enum("analysis_frequency", kFrequencies).Label("Analysed how often"),
        Enum("automatic", kinds)
            .Label("Automatic source")
            .Describe("A built-in metric isms computes from its own data; empty: measured by "
                      "hand."),
    };
    return s;
}

RegisterSpec Measurements() {
    RegisterSpec s;
    s.name = "measurements";
    s.title = "Measurements";
    s.ref_prefix = "MSR";
    s.clause = "9.1";
    s.description =
        "The values of a metric over time, each compared with the metric's target when it was "
        "recorded.";
    s.fields = {
        Reference("metric", "metrics").Required().Label("Metric"),
        DateField("measured_on").Required().Label("Measured on"),
        Decimal("value").Required().Range(-1e12, 1e12).Label("Value"),
        Markdown("note").Searchable().Label("Note"),
        Enum("source", {"manual", "automatic"})
            .Computed()
            .Label("Source")
            .Describe("automatic: computed by isms from its own data."),
        Decimal("target").Computed().Label("Target then"),
        Enum("direction", {"at_least", "at_most"}).Computed().Label("Target direction then"),
        Bool("breach").Computed().Label("Target breached"),
    };
    return s;
}

RegisterSpec ManagementReviews() {
    RegisterSpec s;
    s.name = "management_reviews";
    s.title = "Management reviews";
    s.ref_prefix = "MRV";
    s.clause = "9.3";
    s.description =
        "Top management's review of the ISMS at planned intervals: the inputs 9.3.2 lists, "
        "compiled by isms as a frozen, signed snapshot, and the decisions on improvement and "
        "changes (9.3.3), whose actions are tracked in review_actions.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(300).Label("Title"),
        DateField("meeting_date").Required().Label("Meeting date"),
        Enum("status", {"planned", "held", "closed"})
            .Label("Status")
            .Describe("held and closed need the compiled inputs; closed also the decisions."),
        TextList("participants").MaxLength(200).Label("Participants"),
        Markdown("decisions")
            .Searchable()
            .Label("Decisions")
            .Describe("On continual improvement opportunities and any changes to the ISMS."),
        Markdown("resource_needs").Label("Resource needs"),
        Markdown("conclusions").Searchable().Label("Conclusions"),
        Reference("previous_review", "management_reviews")
            .Computed()
            .Label("Previous review")
            .Describe("The latest earlier review, set when the inputs are compiled."),
        Text("inputs_sha256").Computed().Label("Inputs SHA-256"),
        DateTimeField("inputs_compiled_at").Computed().Label("Inputs compiled at"),
    };
    return s;
}

RegisterSpec ReviewActions() {
    RegisterSpec s;
    s.name = "review_actions";
    s.title = "Management review actions";
    s.ref_prefix = "RVA";
    s.clause = "9.3.3";
    s.description =
        "What a management review decided to do, with an owner (the record's owner) and a due "
        "date; the next review's first input reports their status.";
    s.fields = {
        Reference("review", "management_reviews").Required().Label("Review"),
        Text("title").Required().Searchable().MaxLength(300).Label("Action"),
        Markdown("description").Searchable().Label("Description"),
        Enum("kind", {"improvement", "isms_change", "resource"}).Label("Kind"),
        DateField("due_date")
            .Required()
            .Label("Due")
            .Reminds("management review action due")
            .SettledWhen("status", {"done", "cancelled"}),
        Enum("status", {"open", "in_progress", "done", "cancelled"}).Label("Status"),
        DateField("completed_on").Label("Completed on"),
        Markdown("outcome").Label("Outcome"),
        Reference("change", "isms_changes")
            .Label("ISMS change")
            .Describe("The planned change (6.3) that carries out an isms_change action."),
        Reference("improvement", "improvements")
            .Label("Improvement")
            .Describe("The improvement logged for an improvement action."),
    };
    return s;
}

}  // namespace

Status DeclareMonitoringRegisters(schema::Registry& registry) {
    ISMS_TRY(registry.Add(Metrics()));
    ISMS_TRY(registry.Add(Measurements()));
    ISMS_TRY(registry.Add(ManagementReviews()));
    return registry.Add(ReviewActions());
}

}  // namespace isms::assurance
