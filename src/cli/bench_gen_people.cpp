#include "cli/bench_gen_people.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr std::int64_t kPeoplePerDocument = 50;
constexpr std::size_t kPeoplePerCampaign = 100;
constexpr const char* kRoles[] = {"Engineer", "Analyst", "System administrator", "Manager"};
constexpr const char* kCompetences[] = {"Secure coding", "Phishing awareness", "Incident handling"};
constexpr const char* kTopics[] = {"Phishing", "Passwords and MFA", "Clean desk", "Reporting"};
/// What is communicated, when, to whom and how (7.4).
struct Communication {
    const char* subject;
    const char* timing;
    const char* audience;
    const char* channel;
    const char* direction;
};
constexpr Communication kCommunications[] = {
    {"ISMS performance and risks", "quarterly", "management board", "board meeting", "internal"},
    {"Security policy changes", "on publication", "all staff", "intranet and e-mail", "internal"},
    {"Incident notification", "within 24 hours", "affected customers", "e-mail", "external"},
    {"Awareness campaign results", "after each campaign", "department heads", "report", "internal"},
};

/// The ids of every live person of the organization, oldest first.
Result<std::vector<std::int64_t>> PeopleIds(app::App& app, const iam::Principal& who) {
    std::vector<std::int64_t> ids;
    for (std::int64_t offset = 0;; offset += 500) {
        ISMS_TRY_ASSIGN(
            json::object page,
            app.records().List(
                who,
                "people",
                {{"limit", "500"}, {"offset", std::to_string(offset)}, {"sort", "id"}}
            )
        );
        const auto& items = page.at("items").as_array();
        for (const auto& p : items) {
            ids.push_back(p.at("id").as_int64());
        }
        if (items.size() < 500) {
            return ids;
        }
    }
}

Status CreateInBatches(
    app::App& app,
    const iam::Principal& who,
    const char* register_name,
    std::vector<json::object>& all
) {
    for (std::size_t done = 0; done < all.size(); done += kBatch) {
        const std::size_t end = std::min(all.size(), done + static_cast<std::size_t>(kBatch));
        std::vector<json::object> batch(
            all.begin() + static_cast<std::ptrdiff_t>(done),
            all.begin() + static_cast<std::ptrdiff_t>(end)
        );
        ISMS_TRY(app.records().CreateMany(who, register_name, batch));
    }
    return {};
}

}  // namespace

Result<BenchPeople> GeneratePeople(
    app::App& app, const iam::Principal& who, std::int64_t count, std::mt19937_64& rng
) {
    BenchPeople made;
    if (count <= 0) {
        return made;
    }
    ISMS_TRY_ASSIGN(json::object existing, app.records().List(who, "role_competences", {}));
    if (existing.at("total").as_int64() == 0) {
        std::vector<json::object> required;
        for (const char* role : kRoles) {
            for (const char* competence : kCompetences) {
                required.push_back(json::object{{"role", role}, {"competence", competence}});
            }
        }
        ISMS_TRY(CreateInBatches(app, who, "role_competences", required));
    }
    std::vector<json::object> people;
    for (std::int64_t i = 0; i < count; ++i) {
        people.push_back(json::object{
            {"name", "Generated person " + std::to_string(i + 1)},
            {"email", "person" + std::to_string(i + 1) + "@people.bench.local"},
            {"job_role", kRoles[rng() % std::size(kRoles)]},
            {"department", "Department " + std::to_string(rng() % 20 + 1)}});
    }
    ISMS_TRY(CreateInBatches(app, who, "people", people));
    made.people = count;
    ISMS_TRY_ASSIGN(std::vector<std::int64_t> ids, PeopleIds(app, who));
    const std::vector<std::int64_t> fresh(ids.end() - count, ids.end());
    std::vector<json::object> training;
    for (const std::int64_t person : fresh) {
        for (int k = 0; k < 2; ++k) {
            const bool expired = rng() % 5 == 0;
            training.push_back(json::object{
                {"person", person},
                {"course", "Generated course " + std::to_string(rng() % 40 + 1)},
                {"competence", kCompetences[rng() % std::size(kCompetences)]},
                {"completed_on", expired ? "2023-05-10" : "2025-09-15"},
                {"expires_on", expired ? "2024-05-10" : "2027-09-15"}});
        }
    }
    ISMS_TRY(CreateInBatches(app, who, "training_records", training));
    for (std::size_t first = 0; first < fresh.size();
         first += static_cast<std::size_t>(kPeoplePerDocument)) {
        const std::size_t end =
            std::min(fresh.size(), first + static_cast<std::size_t>(kPeoplePerDocument));
        json::array distribution;
        for (std::size_t i = first; i < end; ++i) {
            distribution.push_back(fresh[i]);
        }
        ISMS_TRY_ASSIGN(
            json::object document,
            app.records().Create(
                who,
                "documents",
                {{"title", "Generated policy " + std::to_string(made.documents + 1)},
                 {"kind", "policy"},
                 {"classification", "internal"},
                 {"approver", who.user.value},
                 {"review_interval_months", 12},
                 {"distribution", distribution},
                 {"owner", who.user.value}}
            )
        );
        ISMS_TRY_ASSIGN(
            json::object version,
            app.records().Create(
                who,
                "document_versions",
                {{"document", document.at("id")},
                 {"body",
                  "# Generated policy\n\nEveryone follows the rules of department "
                      + std::to_string(made.documents + 1) + "."}}
            )
        );
        const RecordId version_id{version.at("id").as_int64()};
        auto& lifecycle = app.documents().service;
        ISMS_TRY(lifecycle.Submit(who, version_id));
        ISMS_TRY(lifecycle.Approve(who, version_id, {}));
        ISMS_TRY(lifecycle.Publish(who, version_id));
        std::vector<json::object> acknowledgements;
        for (const json::value& person : distribution) {
            if (rng() % 5 != 0) {
                acknowledgements.push_back(json::object{
                    {"person", person}, {"document_version", version_id.value}});
            }
        }
        ISMS_TRY(CreateInBatches(app, who, "acknowledgements", acknowledgements));
        ++made.documents;
    }
    const Date today = Today(app.clock());
    std::vector<json::object> campaigns;
    for (std::size_t first = 0; first < fresh.size(); first += kPeoplePerCampaign) {
        const std::size_t end = std::min(fresh.size(), first + kPeoplePerCampaign);
        json::array participants;
        json::array completed;
        for (std::size_t i = first; i < end; ++i) {
            participants.push_back(fresh[i]);
            if (rng() % 4 != 0) {
                completed.push_back(fresh[i]);
            }
        }
        const auto starts = today - std::chrono::days{static_cast<int>(rng() % 300)};
        campaigns.push_back(json::object{
            {"title", "Generated campaign " + std::to_string(campaigns.size() + 1)},
            {"topic", kTopics[rng() % std::size(kTopics)]},
            {"audience", "Department " + std::to_string(campaigns.size() % 20 + 1)},
            {"starts_on", FormatDate(starts)},
            {"ends_on", FormatDate(starts + std::chrono::days{30})},
            {"participants", std::move(participants)},
            {"completed_by", std::move(completed)}});
    }
    ISMS_TRY(CreateInBatches(app, who, "awareness_campaigns", campaigns));
    made.campaigns = static_cast<std::int64_t>(campaigns.size());
    std::vector<json::object> plan;
    for (const Communication& c : kCommunications) {
        plan.push_back(json::object{
            {"subject", c.subject},
            {"timing", c.timing},
            {"audience", c.audience},
            {"channel", c.channel},
            {"communicator", fresh.front()},
            {"direction", c.direction}});
    }
    ISMS_TRY(CreateInBatches(app, who, "communication_plan", plan));
    return made;
}

}  // namespace isms::cli
