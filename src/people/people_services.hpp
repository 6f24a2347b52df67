// The people module's register rules and competence service, built once by the composition
// root.
#pragma once

#include "people/competence_service.hpp"
#include "people/people_rules.hpp"
#include "records/record_service.hpp"

namespace isms::people {

struct PeopleServices {
    PeopleServices(store::Database& db, const schema::Registry& registry, const Clock& clock)
        : competence(db, registry, clock) {}

    /// Hooks the rules to the writes of people, role competences, training and campaigns.
    void HookRules(records::RecordService& records) {
        records.SetRules("people", person_rules);
        records.SetRules("role_competences", role_competence_rules);
        records.SetRules("training_records", training_rules);
        records.SetRules("awareness_campaigns", campaign_rules);
    }

    PersonRules person_rules;
    RoleCompetenceRules role_competence_rules;
    TrainingRecordRules training_rules;
    AwarenessCampaignRules campaign_rules;
    CompetenceService competence;
};

}  // namespace isms::people
