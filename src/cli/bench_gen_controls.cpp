#include "cli/bench_gen_controls.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/builtin.hpp"
#include "catalog/catalog.hpp"

namespace isms::cli {

namespace {

constexpr std::int64_t kBatch = 2000;
constexpr const char* kStatus[] = {
    "planned", "in_progress", "implemented", "operating", "operating", "degraded", "retired"};
constexpr const char* kTypes[] = {"preventive", "detective", "corrective"};
constexpr const char* kCategories[] = {"organizational", "people", "physical", "technological"};

}  // namespace

Result<std::int64_t> GenerateControls(
    app::App& app, const iam::Principal& who, std::int64_t controls, std::mt19937_64& rng
) {
    ISMS_TRY_ASSIGN(auto view, app.catalog().View(who.tenant));
    const catalog::FrameworkEntry* iso = view->FindFramework(catalog::kIso27001_2022);
    ISMS_CHECK(iso != nullptr, "ISO/IEC 27001:2022 is built in");
    std::vector<std::string> annex_a;
    for (const catalog::Node& n : iso->framework->nodes) {
        if (n.assessable && n.ref_id.starts_with("A.")) {
            annex_a.push_back(n.urn);
        }
    }
    auto pick = [&rng](const auto& list) {
        return list[rng() % std::size(list)];
    };
    for (std::int64_t done = 0; done < controls; done += kBatch) {
        const std::int64_t n = std::min(kBatch, controls - done);
        std::vector<json::object> bodies;
        bodies.reserve(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) {
            json::array requirements;
            const std::size_t count = rng() % 3 + 1;
            while (requirements.size() < count) {
                const json::value urn(json::string(pick(annex_a)));
                if (std::find(requirements.begin(), requirements.end(), urn)
                    == requirements.end()) {
                    requirements.push_back(urn);
                }
            }
            bodies.push_back(json::object{
                {"name", "Generated control " + std::to_string(done + i + 1)},
                {"status", pick(kStatus)},
                {"control_type", pick(kTypes)},
                {"category", pick(kCategories)},
                {"requirements", std::move(requirements)},
                {"owner", who.user.value}});
        }
        ISMS_TRY(app.records().CreateMany(who, "applied_controls", bodies));
    }
    return controls;
}

}  // namespace isms::cli
