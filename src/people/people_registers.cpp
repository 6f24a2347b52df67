#include "people/people_registers.hpp"

namespace isms::people {

namespace {

using namespace schema;  // NOLINT(google-build-using-namespace): declarations read as a table

RegisterSpec People() {
    RegisterSpec s;
    s.name = "people";
    s.title = "People";
    s.ref_prefix = "PER";
    s.clause = "7.2";
    s.description =
        "The staff and contractors whose competence and awareness the ISMS relies on. A person "
        "need not be a user of isms; `member` links one who is. Their job role decides the "
        "competences they need (role_competences).";
    s.fields = {
        Text("name").Required().Searchable().MaxLength(200).Label("Name"),
        Text("email").MaxLength(254).Pattern("[^@\\s]+@[^@\\s]+").Searchable().Label("E-mail"),
        Text("job_role")
            .Searchable()
            .MaxLength(200)
            .Label("Job role")
            .Describe("Matched with role_competences.role to find the competences required."),
        Text("department").Searchable().MaxLength(200).Label("Department"),
        User("member").Label("Member").Describe("The isms user this person is, if any."),
        Enum("status", {"active", "left"}).Label("Status").Describe("active when not given."),
        DateField("started_on").Label("Started on"),
    };
    return s;
}

RegisterSpec RoleCompetences() {
    RegisterSpec s;
    s.name = "role_competences";
    s.title = "Required competences";
    s.ref_prefix = "RCP";
    s.clause = "7.2";
    s.description =
        "What a job role must be competent in (7.2 a): one row per role and competence. A "
        "person of that role without a current training record for it has a competence gap.";
    s.fields = {
        Text("role").Required().Searchable().MaxLength(200).Label("Job role"),
        Text("competence").Required().Searchable().MaxLength(200).Label("Competence"),
        Markdown("description").Label("What it means"),
    };
    return s;
}

RegisterSpec TrainingRecords() {
    RegisterSpec s;
    s.name = "training_records";
    s.title = "Training records";
    s.ref_prefix = "TRN";
    s.clause = "7.2";
    s.description =
        "Evidence of competence (7.2 d): who completed which course, giving which competence, "
        "when, until when it counts, and the certificate or attendance list as evidence.";
    s.fields = {
        Reference("person", "people").Required().Label("Person"),
        Text("course").Required().Searchable().MaxLength(200).Label("Course"),
        Text("competence").Required().Searchable().MaxLength(200).Label("Competence gained"),
        Text("provider").MaxLength(200).Label("Provider"),
        DateField("completed_on").Required().Label("Completed on"),
        DateField("expires_on")
            .Label("Expires on")
            .Describe("No longer current after this day.")
            .Reminds("training expires"),
        Reference("evidence", "evidence").Label("Evidence"),
    };
    return s;
}

RegisterSpec AwarenessCampaigns() {
    RegisterSpec s;
    s.name = "awareness_campaigns";
    s.title = "Awareness campaigns";
    s.ref_prefix = "AWR";
    s.clause = "7.3";
    s.description =
        "Awareness activities (7.3): the audience, the dates, who took part and who completed "
        "it; the completion percentage is computed from the two lists.";
    s.fields = {
        Text("title").Required().Searchable().MaxLength(200).Label("Title"),
        Markdown("topic").Searchable().Label("Topic"),
        Text("audience").Required().MaxLength(200).Label("Audience"),
        DateField("starts_on").Required().Label("Starts on"),
        DateField("ends_on").Label("Ends on"),
        ReferenceList("participants", "people").Label("Participants"),
        ReferenceList("completed_by", "people").Label("Completed by"),
        Int("completion_percent").Computed().Label("Completion (%)"),
    };
    return s;
}

RegisterSpec CommunicationPlan() {
    RegisterSpec s;
    s.name = "communication_plan";
    s.title = "Communication plan";
    s.ref_prefix = "COM";
    s.clause = "7.4";
    s.description =
        "Internal and external communication on the ISMS (7.4): on what, when, with whom, who "
        "communicates and how.";
    s.fields = {
        Text("subject").Required().Searchable().MaxLength(200).Label("What"),
        Text("timing").Required().MaxLength(200).Label("When"),
        Text("audience").Required().Searchable().MaxLength(200).Label("With whom"),
        Reference("communicator", "people").Label("Who communicates"),
        Text("channel").Required().MaxLength(200).Label("How"),
        Enum("direction", {"internal", "external"}).Label("Internal or external"),
        Markdown("notes").Label("Notes"),
    };
    return s;
}

}  // namespace

Status DeclarePeopleRegisters(schema::Registry& registry) {
    for (RegisterSpec spec :
         {People(),
          RoleCompetences(),
          TrainingRecords(),
          AwarenessCampaigns(),
          CommunicationPlan()}) {
        ISMS_TRY(registry.Add(std::move(spec)));
    }
    return {};
}

}  // namespace isms::people
