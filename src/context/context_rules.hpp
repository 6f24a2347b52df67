// The workflow rules of the context registers, hooked to their writes by ContextServices:
//  - party_requirements: an addressed requirement says how, one not addressed says why (4.2 c);
//  - obligations: (partially) compliant names the applied controls that meet it; not
//    applicable is justified (A.5.31);
//  - responsibilities: a row names a member or a person (people register), not both; a
//    person who has left takes no new role; each activity has at most one accountable, and
//    one holder — a person linked to a member being that member — holds one RACI role per
//    activity (5.3);
//  - objectives: every objective has an owner (6.2 g); achieved needs the measured value and
//    the day it was achieved (6.2 b, j);
//  - isms_changes: approval needs consequences, resources and a responsible member (6.3 a–d);
//    done needs its completion day; done, rejected and cancelled are final.
// Refusals name the field (422) or the conflicting record (409) and change nothing.
#pragma once

#include "records/record_rules.hpp"
#include "schema/registry.hpp"

namespace isms::context {

class PartyRequirementRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class ObligationRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class ResponsibilityRules final : public records::RecordRules {
public:
    explicit ResponsibilityRules(const schema::Registry& registry) : registry_(registry) {}

    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    const schema::Registry& registry_;
};

class ObjectiveRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class IsmsChangeRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

}  // namespace isms::context
