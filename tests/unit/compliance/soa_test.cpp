#include "compliance/soa.hpp"

#include <gtest/gtest.h>

namespace isms::compliance {
namespace {

constexpr const char* kA824 = "urn:isms:framework:iso27001-2022:a.8.24";
constexpr const char* kA55 = "urn:isms:framework:iso27001-2022:a.5.5";

SoaInputs Inputs() {
    SoaInputs in;
    in.controls = {
        {kA55, "A.5.5", "Contact with authorities", "Organizational controls"},
        {kA824, "A.8.24", "Use of cryptography", "Technological controls"}};
    in.risks[1] = {1, "RSK-1", "Stolen backup", "assessed"};
    return in;
}

TEST(DeriveSoa, RiskTreatmentSelectsAControlDirectlyOrThroughAnAppliedControl) {
    SoaInputs in = Inputs();
    in.applied_controls.push_back({{7, "CTL-7", "Encryption", "operating"}, {kA824}});
    in.actions.push_back({{3, "RTA-3", "Encrypt backups", "planned"}, {1}, {}, {7}});
    in.actions.push_back({{4, "RTA-4", "Report to the regulator", "planned"}, {1}, {"A.5.5"}, {}});
    const auto soa = DeriveSoa(in);
    ASSERT_EQ(soa.size(), 2U);
    for (const SoaEntry& e : soa) {
        EXPECT_EQ(e.applicable, true) << e.control->ref_id;
        EXPECT_EQ(e.reasons, std::vector<std::string>{"risk_treatment"});
        ASSERT_EQ(e.risks.size(), 1U);
        EXPECT_EQ(e.risks[0]->ref, "RSK-1");
    }
    EXPECT_EQ(soa[1].implementation, "implemented");
    EXPECT_EQ(soa[0].implementation, "not_implemented");
    EXPECT_EQ(soa[1].actions.at(0)->ref, "RTA-3");
}

TEST(DeriveSoa, ARiskOutsideTheLoadedSetSelectsNothing) {
    SoaInputs in = Inputs();
    in.actions.push_back({{3, "RTA-3", "For a closed risk", "done"}, {99}, {"A.8.24"}, {}});
    const auto soa = DeriveSoa(in);
    EXPECT_FALSE(soa[1].applicable.has_value()) << "closed and archived risks are not loaded";
    EXPECT_EQ(soa[1].actions.size(), 1U);
}

TEST(DeriveSoa, ImplementationFollowsTheAppliedControls) {
    auto implementation = [](std::vector<std::string> statuses) {
        SoaInputs in = Inputs();
        std::int64_t id = 1;
        for (const std::string& s : statuses) {
            in.applied_controls.push_back({{id, "CTL", "c", s}, {kA824}});
            ++id;
        }
        return DeriveSoa(in)[1].implementation;
    };
    EXPECT_EQ(implementation({}), "not_implemented");
    EXPECT_EQ(implementation({"retired"}), "not_implemented");
    EXPECT_EQ(implementation({"operating", "implemented", "retired"}), "implemented");
    EXPECT_EQ(implementation({"operating", "planned"}), "partially_implemented");
    EXPECT_EQ(implementation({"degraded"}), "partially_implemented");
    EXPECT_EQ(implementation({"planned", "in_progress"}), "planned");
}

TEST(DeriveSoa, ADecisionTakesPrecedenceAndAContradictionIsAConflict) {
    SoaInputs in = Inputs();
    in.actions.push_back({{3, "RTA-3", "Encrypt", "planned"}, {1}, {"A.8.24"}, {}});
    in.decisions[kA55] = {true, {"legal_regulatory"}, "", "2026-03-01T09:00:00Z", 2};
    in.decisions[kA824] = {false, {}, "We do not want to", "2026-03-01T09:00:00Z", 2};
    const auto soa = DeriveSoa(in);
    EXPECT_EQ(soa[0].applicable, true);
    EXPECT_EQ(soa[0].reasons, std::vector<std::string>{"legal_regulatory"});
    EXPECT_FALSE(soa[0].derived_applicable.has_value());
    EXPECT_EQ(soa[1].applicable, false);
    EXPECT_EQ(soa[1].derived_applicable, true);
    EXPECT_EQ(soa[1].conflict, "excluded, but the treatment of RSK-1 selects it");
    const json::object summary = SoaSummary(soa);
    EXPECT_EQ(summary.at("applicable"), 1);
    EXPECT_EQ(summary.at("excluded"), 1);
    EXPECT_EQ(summary.at("conflicts"), 1);
    const json::object entry = SoaEntryToJson(soa[1]);
    EXPECT_EQ(entry.at("source"), "manual");
    EXPECT_EQ(entry.at("derived").at("reasons"), (json::array{"risk_treatment"}));
    EXPECT_EQ(entry.at("decision").at("justification"), "We do not want to");
}

TEST(SoaEntryToJson, ListsAtMostTheCapOfLinkedRecordsAndCountsThemAll) {
    SoaInputs in = Inputs();
    for (std::int64_t id = 1; id <= static_cast<std::int64_t>(kMaxLinkedPerList) + 5; ++id) {
        in.applied_controls.push_back({{id, "CTL", "c", "operating"}, {kA824}});
    }
    const json::object entry = SoaEntryToJson(DeriveSoa(in)[1]);
    EXPECT_EQ(entry.at("applied_controls").as_array().size(), kMaxLinkedPerList);
    EXPECT_EQ(entry.at("linked").at("applied_controls"), kMaxLinkedPerList + 5);
    EXPECT_EQ(entry.at("linked").at("risks"), 0);
}

}  // namespace
}  // namespace isms::compliance
