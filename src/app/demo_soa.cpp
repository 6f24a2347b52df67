#include "app/demo_soa.hpp"

#include <map>
#include <string>

namespace isms::app {

Status SeedDemoSoa(App& app, const iam::Principal& admin) {
    const std::map<std::string, std::string, std::less<>> excluded = {
        {"A.8.30", "No development is outsourced: all software is built by our own staff."},
        {"A.7.12",
         "The head office holds no equipment rooms or cabling we own; the landlord runs the "
         "building's cabling."},
    };
    ISMS_TRY_ASSIGN(json::object soa, app.compliance().soa.Get(admin));
    json::array decisions;
    for (const auto& item : soa.at("controls").as_array()) {
        const json::object& c = item.as_object();
        if (!c.at("applicable").is_null()) {
            continue;  // selected by risk treatment
        }
        const std::string ref(c.at("ref_id").as_string());
        if (const auto it = excluded.find(ref); it != excluded.end()) {
            decisions.push_back(json::object{
                {"control", ref}, {"applicable", false}, {"justification", it->second}});
        } else {
            decisions.push_back(json::object{
                {"control", ref}, {"applicable", true}, {"reasons", json::array{"business_need"}}});
        }
    }
    ISMS_TRY(app.compliance().soa.Decide(admin, {{"decisions", std::move(decisions)}}));
    ISMS_TRY(app.compliance().soa.Issue(
        admin, {{"comment", "First Statement of Applicability, approved by the management board."}}
    ));
    return {};
}

}  // namespace isms::app
