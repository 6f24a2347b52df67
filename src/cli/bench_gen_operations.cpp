#include "cli/bench_gen_operations.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/crypto.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr const char* kSeverities[] = {"low", "medium", "high", "critical"};
constexpr const char* kCategories[] = {
    "malware", "phishing", "unauthorized_access", "data_breach", "loss_or_theft", "other"};
constexpr const char* kCriticality[] = {"low", "medium", "high", "critical"};
constexpr const char* kResults[] = {"acceptable", "acceptable_with_conditions", "unacceptable"};
constexpr const char* kWaivedControls[] = {"A.5.15", "A.8.5", "A.8.8", "A.8.13", "A.8.24"};
constexpr std::int64_t kSuppliersPerException = 5;

template <std::size_t N>
const char* Pick(const char* const (&list)[N], std::mt19937_64& rng) {
    return list[rng() % N];
}

/// A day `lo`..`hi` days from today.
std::string DayAround(const Date today, int lo, int hi, std::mt19937_64& rng) {
    const auto span = static_cast<std::uint64_t>(hi - lo + 1);
    return FormatDate(today + std::chrono::days{lo + static_cast<int>(rng() % span)});
}

/// Creates records in batches of kBatch; `make(i)` gives the i-th body. Returns the new ids.
template <class Make>
Result<std::vector<std::int64_t>> CreateBatches(
    app::App& app, const iam::Principal& who, std::string_view name, std::int64_t count, Make make
) {
    for (std::int64_t done = 0; done < count; done += kBatch) {
        const std::int64_t n = std::min(kBatch, count - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            bodies.push_back(make(done + i));
        }
        ISMS_TRY(app.records().CreateMany(who, name, bodies));
    }
    std::vector<std::int64_t> ids;
    for (std::int64_t offset = 0; offset < count; offset += 500) {
        ISMS_TRY_ASSIGN(
            json::object page,
            app.records().List(
                who, name, {{"limit", "500"}, {"offset", std::to_string(offset)}, {"sort", "id"}}
            )
        );
        for (const auto& r : page.at("items").as_array()) {
            ids.push_back(r.at("id").as_int64());
        }
    }
    return ids;
}

}  // namespace

Result<OperationsCounts> GenerateOperations(
    app::App& app,
    const iam::Principal& who,
    std::int64_t incidents,
    std::int64_t suppliers,
    std::mt19937_64& rng
) {
    const Date today = Today(app.clock());
    const auto now = app.clock().Now();
    ISMS_TRY_ASSIGN(
        auto incident_ids,
        CreateBatches(
            app,
            who,
            "incidents",
            incidents,
            [&](std::int64_t i) {
                const auto detected = now - std::chrono::hours{static_cast<int>(rng() % 8760) + 48};
                const bool closed = i % 3 == 0;
                json::object body{
                    {"title", "Incident " + std::to_string(i + 1)},
                    {"severity", Pick(kSeverities, rng)},
                    {"category", Pick(kCategories, rng)},
                    {"status", closed ? "closed" : "triaged"},
                    {"detected_at", FormatTimestamp(detected)},
                    {"review_due", DayAround(today, -30, 60, rng)},
                    {"owner", who.user.value}};
                if (closed) {
                    body["resolved_at"] = FormatTimestamp(detected + std::chrono::hours{24});
                    body["lessons_learned"] = "Lessons of incident " + std::to_string(i + 1);
                }
                return body;
            }
        )
    );
    std::size_t next = 0;
    ISMS_TRY(CreateBatches(app, who, "incident_timeline", incidents, [&](std::int64_t i) {
        ISMS_ASSERT(next < incident_ids.size(), "one timeline entry per generated incident");
        return json::object{
            {"incident", incident_ids[next++]},
            {"at", FormatTimestamp(now)},
            {"kind", "note"},
            {"entry", "Timeline entry " + std::to_string(i + 1)}};
    }));
    ISMS_TRY_ASSIGN(
        auto supplier_ids,
        CreateBatches(
            app,
            who,
            "suppliers",
            suppliers,
            [&](std::int64_t i) {
                return json::object{
                    {"name", "Supplier " + std::to_string(i + 1)},
                    {"criticality", Pick(kCriticality, rng)},
                    {"status", "active"},
                    {"contract_start", DayAround(today, -900, -30, rng)},
                    {"contract_end", DayAround(today, -10, 700, rng)},
                    {"owner", who.user.value}};
            }
        )
    );
    next = 0;
    ISMS_TRY(CreateBatches(app, who, "supplier_assessments", suppliers, [&](std::int64_t) {
        return json::object{
            {"supplier", supplier_ids[next++]},
            {"assessed_on", DayAround(today, -360, -1, rng)},
            {"result", Pick(kResults, rng)},
            {"next_due", DayAround(today, 1, 365, rng)}};
    }));
    // exceptions need an approver other than the requester: half of them are approved
    const std::int64_t exceptions = suppliers / kSuppliersPerException;
    if (exceptions == 0) {
        return OperationsCounts{incidents, suppliers, 0};
    }
    ISMS_TRY_ASSIGN(
        const auto approver,
        app.ProvisionUser(
            who.tenant,
            "approver@organization-" + std::to_string(who.tenant.value) + ".bench",
            crypto::RandomToken(16),
            "isms_manager",
            ""
        )
    );
    ISMS_TRY_ASSIGN(
        const auto exception_ids,
        CreateBatches(
            app,
            who,
            "exceptions",
            exceptions,
            [&](std::int64_t i) {
                return json::object{
                    {"title", "Exception " + std::to_string(i + 1)},
                    {"controls", json::array{Pick(kWaivedControls, rng)}},
                    {"justification", "Generated waiver " + std::to_string(i + 1) + "."},
                    {"approver", approver.user.value},
                    {"expires_on", DayAround(today, 1, 365, rng)},
                    {"owner", who.user.value}};
            }
        )
    );
    ISMS_TRY_ASSIGN(
        const iam::Principal decider, app.iam().PrincipalFor(who.tenant, approver.user)
    );
    for (std::size_t i = 0; i < exception_ids.size(); i += 2) {
        ISMS_TRY(app.records().Patch(
            decider,
            "exceptions",
            RecordId{exception_ids[i]},
            std::nullopt,
            {{"status", "approved"}}
        ));
    }
    return OperationsCounts{incidents, suppliers, exceptions};
}

}  // namespace isms::cli
