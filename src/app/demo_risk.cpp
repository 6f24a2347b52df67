#include "app/demo_risk.hpp"

#include <map>
#include <string>

#include "core/clock.hpp"
#include "risk/threat_service.hpp"

namespace isms::app {

namespace {

/// A date `days` from today by the app's clock, "YYYY-MM-DD".
std::string DaysFromToday(const App& app, int days) {
    return FormatDate(Today(app.clock()) + std::chrono::days{days});
}

json::object Pert(double min, double most_likely, double max) {
    return json::object{{"type", "pert"}, {"min", min}, {"most_likely", most_likely}, {"max", max}};
}

json::object Lognormal(double low, double high) {
    return json::object{{"type", "lognormal"}, {"low", low}, {"high", high}};
}

json::object Model(json::object frequency, json::object magnitude) {
    return json::object{{"frequency", std::move(frequency)}, {"magnitude", std::move(magnitude)}};
}

}  // namespace

Status SeedDemoRisks(
    App& app, const iam::Principal& admin, const DemoAssets& assets, const DemoControls& controls
) {
    ISMS_TRY_ASSIGN(
        json::object loaded,
        app.risk().threats.Load(admin, {{"library", risk::kStarterThreatLibrary}})
    );
    std::map<std::string, std::int64_t, std::less<>> threat;  // starter slug → record id
    for (const auto& item : loaded.at("items").as_array()) {
        const std::string urn(item.at("source_urn").as_string());
        threat[urn.substr(urn.rfind(':') + 1)] = item.at("id").as_int64();
    }
    ISMS_TRY_ASSIGN(
        json::object unpatched,
        app.records().Create(
            admin,
            "vulnerabilities",
            {{"name", "Backups reachable from the production network"},
             {"description",
              "The nightly database backups land on a share that production servers can write "
              "to, so ransomware on a server could encrypt them too."},
             {"category", "network"},
             {"assets", json::array{assets.customer_database}},
             {"severity", "high"},
             {"status", "open"}}
        )
    );
    const std::int64_t owner = admin.user.value;
    const std::string review = DaysFromToday(app, 180);
    struct DemoRisk {
        json::object body;
        std::int64_t id = 0;
    };
    std::vector<DemoRisk> risks = {
        {{{"title", "Ransomware encrypts the customer database and its backups"},
          {"approach", "asset_based"},
          {"assets", json::array{assets.customer_database}},
          {"threat", threat.at("malware")},
          {"vulnerabilities", json::array{unpatched.at("id")}},
          {"consequences", "Orders stop for days; customer data may be published."},
          {"existing_controls", "Endpoint protection on servers; nightly backups."},
          {"inherent_likelihood", 4},
          {"inherent_impact", 5},
          {"current_likelihood", 3},
          {"current_impact", 5},
          {"residual_likelihood", 2},
          {"residual_impact", 3},
          {"treatment", "modify"},
          {"treatment_justification", "Offline backups and MFA cut both likelihood and impact."},
          {"review_date", review},
          {"status", "treatment_planned"},
          {"owner", owner}}},
        {{{"title", "Phishing exposes payroll records"},
          {"approach", "asset_based"},
          {"assets", json::array{assets.payroll_records, assets.cloud_email}},
          {"threat", threat.at("social-engineering")},
          {"inherent_likelihood", 4},
          {"inherent_impact", 4},
          {"current_likelihood", 3},
          {"current_impact", 4},
          {"residual_likelihood", 2},
          {"residual_impact", 2},
          {"treatment", "modify"},
          {"review_date", review},
          {"status", "treatment_planned"},
          {"owner", owner}}},
        {{{"title", "A stolen laptop exposes customer data"},
          {"approach", "asset_based"},
          {"assets", json::array{assets.corporate_laptops}},
          {"threat", threat.at("theft-of-equipment")},
          {"existing_controls", "Full-disk encryption on every laptop."},
          {"inherent_likelihood", 3},
          {"inherent_impact", 4},
          {"current_likelihood", 1},
          {"current_impact", 3},
          {"residual_likelihood", 1},
          {"residual_impact", 3},
          {"treatment", "modify"},
          {"review_date", review},
          {"owner", owner}}},
        {{{"title", "The e-mail provider is down for a working day"},
          {"approach", "asset_based"},
          {"assets", json::array{assets.cloud_email}},
          {"threat", threat.at("supplier-service-failure")},
          {"inherent_likelihood", 2},
          {"inherent_impact", 3},
          {"residual_likelihood", 2},
          {"residual_impact", 3},
          {"treatment", "retain"},
          {"treatment_justification", "The provider's SLA and history make this rare and short."},
          {"review_date", DaysFromToday(app, 10)},  // due soon
          {"status", "assessed"},
          {"owner", owner}}},
        {{{"title", "The lead developer leaves during the platform migration"},
          {"approach", "event_based"},
          {"threat", threat.at("staff-unavailability")},
          {"consequences", "The migration stalls; nobody else knows the deployment."},
          {"inherent_likelihood", 3},
          {"inherent_impact", 3},
          {"residual_likelihood", 2},
          {"residual_impact", 2},
          {"treatment", "modify"},
          {"review_date", review},
          {"owner", owner}}},
        {{{"title", "Fire at the head office"},
          {"approach", "asset_based"},
          {"assets", json::array{assets.head_office}},
          {"threat", threat.at("fire")},
          {"inherent_likelihood", 1},
          {"inherent_impact", 5},
          {"residual_likelihood", 1},
          {"residual_impact", 4},
          {"treatment", "share"},
          {"treatment_justification", "Insured; staff can work from home."},
          {"review_date", review},
          {"owner", owner}}},
    };
    for (DemoRisk& r : risks) {
        ISMS_TRY_ASSIGN(json::object created, app.records().Create(admin, "risks", r.body));
        r.id = created.at("id").as_int64();
    }
    const std::vector<json::object> actions = {
        {{"title", "Offline, immutable backups of the customer database"},
         {"risks", json::array{risks[0].id}},
         {"annex_a_controls", json::array{"A.8.13"}},
         {"applied_controls", json::array{controls.offline_backups}},
         {"status", "in_progress"},
         {"due_date", DaysFromToday(app, 30)},
         {"cost", 8000},
         {"effort_days", 5},
         {"owner", owner}},
        {{"title", "Phishing-resistant multi-factor authentication for all staff"},
         {"risks", json::array{risks[0].id, risks[1].id}},
         {"annex_a_controls", json::array{"A.5.17", "A.8.5"}},
         {"applied_controls", json::array{controls.sso_mfa}},
         {"status", "planned"},
         {"due_date", DaysFromToday(app, 7)},  // due soon
         {"cost", 12000},
         {"effort_days", 10},
         {"owner", owner}},
        {{"title", "Security awareness campaign on phishing"},
         {"risks", json::array{risks[1].id}},
         {"annex_a_controls", json::array{"A.6.3"}},
         {"applied_controls", json::array{controls.awareness}},
         {"status", "planned"},
         {"due_date", DaysFromToday(app, 60)},
         {"effort_days", 4},
         {"owner", owner}},
        {{"title", "Full-disk encryption on every laptop"},
         {"risks", json::array{risks[2].id}},
         {"annex_a_controls", json::array{"A.8.1", "A.8.24"}},
         {"applied_controls", json::array{controls.disk_encryption}},
         {"status", "done"},
         {"due_date", DaysFromToday(app, -30)},
         {"completed_on", DaysFromToday(app, -35)},
         {"cost", 1500},
         {"owner", owner}},
        {{"title", "Document the deployment and pair a second developer"},
         {"risks", json::array{risks[4].id}},
         {"annex_a_controls", json::array{"A.5.37"}},
         {"status", "in_progress"},
         {"due_date", DaysFromToday(app, 45)},
         {"effort_days", 6},
         {"owner", owner}},
    };
    for (const json::object& action : actions) {
        ISMS_TRY(app.records().Create(admin, "treatment_actions", action));
    }
    const std::vector<std::pair<std::size_t, json::object>> models = {
        {0,
         {{"before", Model(Pert(0.1, 0.3, 1), Lognormal(50000, 2000000))},
          {"after", Model(Pert(0.02, 0.1, 0.3), Lognormal(20000, 400000))}}},
        {1,
         {{"before", Model(Pert(0.5, 1, 4), Lognormal(5000, 150000))},
          {"after", Model(Pert(0.1, 0.3, 1), Lognormal(5000, 150000))}}},
        {2, {{"before", Model(Pert(1, 2, 5), Lognormal(1000, 20000))}}},
        {5, {{"before", Model(Pert(0.005, 0.01, 0.05), Lognormal(100000, 3000000))}}},
    };
    for (const auto& [index, model] : models) {
        ISMS_TRY(app.risk().quant.PutModel(admin, RecordId{risks[index].id}, model));
    }
    ISMS_TRY(app.risk().acceptance.Accept(
        admin,
        RecordId{risks[2].id},
        {{"comment", "Laptops are encrypted; the remaining exposure is low and accepted."},
         {"expires_on", DaysFromToday(app, 365)}}
    ));
    return {};
}

}  // namespace isms::app
