#include "app/demo_people.hpp"

#include <chrono>

namespace isms::app {

namespace {

struct DemoPerson {
    const char* name;
    const char* email;
    const char* job_role;
    const char* department;
};

Result<std::int64_t> Create(
    App& app, const iam::Principal& admin, const char* name, json::object body
) {
    ISMS_TRY_ASSIGN(json::object created, app.records().Create(admin, name, std::move(body)));
    return created.at("id").as_int64();
}

}  // namespace

Result<std::vector<std::int64_t>> SeedDemoPeople(App& app, const iam::Principal& admin) {
    const Date today = Today(app.clock());
    auto day = [&](int offset) {
        return FormatDate(today + std::chrono::days{offset});
    };
    const DemoPerson staff[] = {
        {"Dana Admin", "admin@demo.isms.local", "ISMS manager", "Management"},
        {"Sam Sysadmin", "sam@demo.isms.local", "System administrator", "IT"},
        {"Dev Developer", "dev@demo.isms.local", "Developer", "Engineering"},
        {"Pat Developer", "pat@demo.isms.local", "Developer", "Engineering"},
        {"Hana HR", "hana@demo.isms.local", "HR officer", "People"},
    };
    std::vector<std::int64_t> ids;
    for (const DemoPerson& p : staff) {
        json::object body{
            {"name", p.name},
            {"email", p.email},
            {"job_role", p.job_role},
            {"department", p.department},
            {"started_on", day(-700)}};
        if (ids.empty()) {
            body["member"] = admin.user.value;
        }
        ISMS_TRY_ASSIGN(const std::int64_t id, Create(app, admin, "people", std::move(body)));
        ids.push_back(id);
    }
    const char* const required[][2] = {
        {"ISMS manager", "ISO/IEC 27001 lead implementer"},
        {"System administrator", "Secure configuration"},
        {"System administrator", "Incident handling"},
        {"Developer", "Secure coding"},
    };
    for (const auto& r : required) {
        ISMS_TRY(Create(app, admin, "role_competences", {{"role", r[0]}, {"competence", r[1]}}));
    }
    struct Training {
        std::size_t person;
        const char* course;
        const char* competence;
        int completed;
        int expires;
    };
    const Training training[] = {
        {0, "ISO/IEC 27001:2022 Lead Implementer", "ISO/IEC 27001 lead implementer", -400, 700},
        {1, "CIS benchmarks hands-on", "Secure configuration", -120, 600},
        {1, "Incident response refresher", "Incident handling", -340, 25},  // expires soon
        {2, "OWASP Top 10 for developers", "Secure coding", -60, 670},
        {3, "OWASP Top 10 for developers", "Secure coding", -60, 670},
    };
    for (const Training& t : training) {
        ISMS_TRY(Create(
            app,
            admin,
            "training_records",
            {{"person", ids[t.person]},
             {"course", t.course},
             {"competence", t.competence},
             {"completed_on", day(t.completed)},
             {"expires_on", day(t.expires)}}
        ));
    }
    ISMS_TRY(Create(
        app,
        admin,
        "awareness_campaigns",
        {{"title", "Phishing awareness month"},
         {"topic", "Spotting phishing mails, reporting them with the *Report* button."},
         {"audience", "all staff"},
         {"starts_on", day(-10)},
         {"ends_on", day(20)},
         {"participants", json::array{ids[0], ids[1], ids[2], ids[3], ids[4]}},
         {"completed_by", json::array{ids[0], ids[2]}}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "communication_plan",
        {{"subject", "ISMS performance and risks"},
         {"timing", "quarterly"},
         {"audience", "management board"},
         {"communicator", ids[0]},
         {"channel", "board meeting"},
         {"direction", "internal"}}
    ));
    ISMS_TRY(Create(
        app,
        admin,
        "communication_plan",
        {{"subject", "Personal data breach"},
         {"timing", "within 72 hours of becoming aware"},
         {"audience", "supervisory authority and affected customers"},
         {"communicator", ids[0]},
         {"channel", "authority portal and e-mail"},
         {"direction", "external"}}
    ));
    return ids;
}

}  // namespace isms::app
