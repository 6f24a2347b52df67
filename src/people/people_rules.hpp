// Rules of the people registers: a person is active unless marked as having left; a role needs
// each competence once; a training record expires no earlier than it was completed, and not in
// the future; a campaign ends no earlier than it starts, only its participants can complete it,
// and its completion percentage is computed.
#pragma once

#include "records/record_rules.hpp"

namespace isms::people {

class PersonRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class RoleCompetenceRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class TrainingRecordRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class AwarenessCampaignRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

}  // namespace isms::people
