#include "app/demo_context.hpp"

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"

namespace isms::app {

namespace {

/// A second member of the demo, who carries out ISMS activities (no password is printed).
constexpr const char* kDemoManagerEmail = "isms.manager@demo.isms.local";

std::string DaysFromToday(const App& app, int days) {
    return FormatDate(Today(app.clock()) + std::chrono::days{days});
}

/// The ids of the first `n` live records of `register_name`, oldest first.
Result<std::vector<std::int64_t>> FirstIds(
    App& app, const iam::Principal& who, std::string_view register_name, int n
) {
    ISMS_TRY_ASSIGN(
        json::object page,
        app.records().List(who, register_name, {{"sort", "id"}, {"limit", std::to_string(n)}})
    );
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) {
        ids.push_back(item.at("id").as_int64());
    }
    return ids;
}

}  // namespace

Status SeedDemoContext(
    App& app,
    const iam::Principal& admin,
    const DemoControls& controls,
    const std::vector<std::int64_t>& people
) {
    auto create = [&](std::string_view register_name, json::object body) -> Result<std::int64_t> {
        ISMS_TRY_ASSIGN(auto created, app.records().Create(admin, register_name, body));
        return created.at("id").as_int64();
    };
    ISMS_TRY_ASSIGN(const std::vector<std::int64_t> risks, FirstIds(app, admin, "risks", 2));
    ISMS_TRY_ASSIGN(
        const std::vector<std::int64_t> actions, FirstIds(app, admin, "treatment_actions", 2)
    );
    const std::int64_t me = admin.user.value;
    const std::string review = DaysFromToday(app, 180);

    ISMS_TRY(create(
        "context_issues",
        {{"title", "Ransomware groups target mid-sized online retailers"},
         {"origin", "external"},
         {"category", "technological"},
         {"effect",
          "Backups and recovery must withstand an attacker with administrator rights; the ISMS "
          "must plan for days without the order system."},
         {"influence", "negative"},
         {"significance", "high"},
         {"risks", json::array{risks.at(0)}},
         {"status", "monitored"},
         {"review_date", review}}
    ));
    ISMS_TRY(create(
        "context_issues",
        {{"title", "Most staff work from home two days a week"},
         {"origin", "internal"},
         {"category", "organizational"},
         {"effect", "Laptops leave the office daily; awareness and device controls matter more."},
         {"influence", "mixed"},
         {"significance", "medium"},
         {"risks", json::array{risks.at(1)}},
         {"status", "open"},
         {"review_date", review}}
    ));

    ISMS_TRY_ASSIGN(
        const std::int64_t gdpr,
        create(
            "obligations",
            {{"title", "Security of processing of personal data"},
             {"kind", "legal"},
             {"source", "GDPR Art. 32"},
             {"jurisdiction", "EU"},
             {"authority", "Data protection authority"},
             {"applied_controls", json::array{controls.disk_encryption, controls.offline_backups}},
             {"status", "partially_compliant"},
             {"effective_from", "2018-05-25"},
             {"review_date", review}}
        )
    );
    ISMS_TRY_ASSIGN(
        const std::int64_t payments,
        create(
            "obligations",
            {{"title", "Card payment security clauses of the acquirer contract"},
             {"kind", "contractual"},
             {"source", "Acquiring agreement §9"},
             {"authority", "Payment acquirer"},
             {"applied_controls", json::array{controls.sso_mfa}},
             {"status", "compliant"},
             {"review_date", review}}
        )
    );
    ISMS_TRY_ASSIGN(
        const std::int64_t customers,
        create(
            "interested_parties",
            {{"name", "Online shop customers"},
             {"kind", "external"},
             {"category", "customer"},
             {"influence", "medium"},
             {"interest", "high"},
             {"review_date", review}}
        )
    );
    ISMS_TRY_ASSIGN(
        const std::int64_t board,
        create(
            "interested_parties",
            {{"name", "Management board"},
             {"kind", "internal"},
             {"category", "management"},
             {"influence", "high"},
             {"interest", "medium"},
             {"review_date", review}}
        )
    );
    ISMS_TRY(create(
        "party_requirements",
        {{"title", "Personal data is kept confidential and is not lost"},
         {"party", customers},
         {"source", "legal"},
         {"addressed", true},
         {"how_addressed", "Encryption of laptops and databases, offline backups (GDPR Art. 32)."},
         {"obligations", json::array{gdpr}},
         {"applied_controls", json::array{controls.disk_encryption, controls.offline_backups}}}
    ));
    ISMS_TRY(create(
        "party_requirements",
        {{"title", "Card payments stay possible under the acquirer's terms"},
         {"party", board},
         {"source", "contractual"},
         {"addressed", true},
         {"how_addressed", "Single sign-on with MFA for every payment back-office account."},
         {"obligations", json::array{payments}},
         {"applied_controls", json::array{controls.sso_mfa}}}
    ));
    ISMS_TRY(create(
        "party_requirements",
        {{"title", "A 24/7 staffed security operations centre"},
         {"party", board},
         {"source", "expectation"},
         {"addressed", false},
         {"reason_not_addressed",
          "Not proportionate for 40 staff; the managed detection service alerts on call."}}
    ));

    const json::object first_scope{
        {"statement",
         "The ISMS covers the online shop of Demo Organization: its customer, order and payroll "
         "information and the people, systems and offices that process it."},
        {"in_scope", json::array{"Online shop and order-to-cash process", "Head office"}},
        {"out_of_scope", json::array{"The parent company's group IT"}},
        {"interfaces", json::array{"Payment acquirer (card payments)"}},
        {"dependencies", json::array{"Cloud e-mail service", "eu-west data centre"}},
        {"exclusions", json::array{}},
        {"comment", "First scope, approved by the management board."}};
    ISMS_TRY(app.context().scope.Change(admin, first_scope, std::nullopt));
    json::object second_scope = first_scope;
    second_scope["in_scope"].as_array().emplace_back("Payroll and HR records");
    second_scope["exclusions"] = json::array{json::object{
        {"what", "Software development"},
        {"reason", "All software is bought as a service; nothing is developed in-house."}}};
    second_scope["comment"] = "Payroll brought into scope; development excluded.";
    ISMS_TRY(app.context().scope.Change(admin, second_scope, 1));
    ISMS_TRY(app.context().scope.Approve(
        admin, 2, json::object{{"comment", "Approved by the management board."}}
    ));

    const std::pair<const char*, const char*> activities[] = {
        {"6.1.2", "Risk assessment"},
        {"9.2", "Internal audit"},
        {"9.3", "Management review"},
        {"A.5.24", "Incident management"}};
    // The ISMS manager runs the activities the admin is accountable for, but incident
    // management: the system administrator runs that, with HR consulted — staff who are not
    // members. HR also runs awareness, which nobody answers for yet, so the matrix shows a gap.
    ISMS_TRY_ASSIGN(
        auto manager,
        app.ProvisionUser(
            admin.tenant, kDemoManagerEmail, crypto::RandomToken(12), "isms_manager", ""
        )
    );
    for (const auto& [clause, activity] : activities) {
        ISMS_TRY(create(
            "responsibilities",
            {{"activity", activity},
             {"clause", clause},
             {"member", me},
             {"raci", "accountable"},
             {"authority", "Approves the results and the resources needed."}}
        ));
        if (std::string_view(clause) != "A.5.24") {
            ISMS_TRY(create(
                "responsibilities",
                {{"activity", activity},
                 {"clause", clause},
                 {"member", manager.user.value},
                 {"raci", "responsible"}}
            ));
        }
    }
    struct PersonRole {
        const char* clause;
        const char* activity;
        std::size_t person;  // index into `people`: 1 the system administrator, 4 HR
        const char* raci;
    };
    const PersonRole person_roles[] = {
        {"A.5.24", "Incident management", 1, "responsible"},
        {"A.5.24", "Incident management", 4, "consulted"},
        {"7.3", "Awareness and training", 4, "responsible"}};
    for (const PersonRole& r : person_roles) {
        ISMS_TRY(create(
            "responsibilities",
            {{"activity", r.activity},
             {"clause", r.clause},
             {"person", people.at(r.person)},
             {"raci", r.raci}}
        ));
    }

    ISMS_TRY_ASSIGN(
        const std::int64_t backups,
        create(
            "objectives",
            {{"title", "Restore the order system from offline backups within 8 hours"},
             {"measure", "Quarterly restore test, timed from start to orders flowing again."},
             {"target", "≤ 8 hours in every test"},
             {"target_value", 8},
             {"current_value", 14},
             {"unit", "hours"},
             {"due_date", DaysFromToday(app, 120)},
             {"status", "at_risk"},
             {"treatment_actions", json::array{actions.at(0)}},
             {"owner", me}}
        )
    );
    ISMS_TRY(create(
        "objectives",
        {{"title", "Every member signs in with MFA"},
         {"measure", "Share of active accounts with MFA enrolled, from the identity provider."},
         {"target", "100 % of accounts"},
         {"target_value", 100},
         {"current_value", 92},
         {"unit", "%"},
         {"due_date", DaysFromToday(app, 60)},
         {"status", "on_track"},
         {"treatment_actions", json::array{actions.at(1)}},
         {"owner", me}}
    ));
    ISMS_TRY(create(
        "isms_changes",
        {{"title", "Bring payroll into the ISMS scope"},
         {"purpose", "Payroll records hold the most sensitive personal data we keep."},
         {"consequences", "Two more assets to assess; HR joins the awareness programme."},
         {"resources", "Five person-days of the ISMS manager; HR time for interviews."},
         {"responsible", me},
         {"status", "in_progress"},
         {"planned_for", DaysFromToday(app, 30)},
         {"risks", json::array{risks.at(0)}},
         {"objectives", json::array{backups}}}
    ));
    return {};
}

}  // namespace isms::app
