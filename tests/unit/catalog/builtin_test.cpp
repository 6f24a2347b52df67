#include "catalog/builtin.hpp"

#include <chrono>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "catalog/catalog.hpp"

namespace isms::catalog {
namespace {

// The 11 Annex A controls ISO/IEC 27001:2022 introduced.
const std::set<std::string> kNewIn2022 = {
    "A.5.7",
    "A.5.23",
    "A.5.30",
    "A.7.4",
    "A.8.9",
    "A.8.10",
    "A.8.11",
    "A.8.12",
    "A.8.16",
    "A.8.23",
    "A.8.28"};

const Framework& BuiltinFramework(std::string_view urn) {
    for (const auto& library : BuiltinLibraries()) {
        for (const Framework& fw : library->frameworks) {
            if (fw.urn == urn) {
                return fw;
            }
        }
    }
    throw std::runtime_error("no built-in framework " + std::string(urn));
}

/// Top-level ancestor's ref_id of every node.
std::map<std::string, std::string> RootRefs(const Framework& fw) {
    std::map<std::string, std::string> root_of;  // urn -> root ref_id
    for (const Node& n : fw.nodes) {
        root_of[n.urn] = n.parent_urn.empty() ? n.ref_id : root_of.at(n.parent_urn);
    }
    return root_of;
}

TEST(Builtin, Iso27001_2022HasEveryClauseAndTheAnnexAControls) {
    const Framework& fw = BuiltinFramework(kIso27001_2022);
    const auto root_of = RootRefs(fw);
    std::map<std::string, int> controls_per_theme;
    int clause_rows = 0;
    std::set<std::string> new_controls;
    for (const Node& n : fw.nodes) {
        const std::string& root = root_of.at(n.urn);
        if (root.rfind("A.", 0) == 0) {
            if (n.kind == "control") {
                ++controls_per_theme[root];
                EXPECT_TRUE(n.assessable) << n.ref_id;
            }
        } else {
            ++clause_rows;
        }
        if (n.is_new) {
            new_controls.insert(n.ref_id);
        }
        EXPECT_FALSE(n.description.empty()) << n.ref_id << " has no description";
    }
    EXPECT_EQ(clause_rows, 41);  // clauses 4-10 and their 34 sub-clauses
    EXPECT_EQ(controls_per_theme["A.5"], 37);
    EXPECT_EQ(controls_per_theme["A.6"], 8);
    EXPECT_EQ(controls_per_theme["A.7"], 14);
    EXPECT_EQ(controls_per_theme["A.8"], 34);
    EXPECT_EQ(new_controls, kNewIn2022);
    for (const char* sub :
         {"6.1.1",
          "6.1.2",
          "6.1.3",
          "6.3",
          "7.5.1",
          "7.5.2",
          "7.5.3",
          "9.2.1",
          "9.2.2",
          "9.3.1",
          "9.3.2",
          "9.3.3",
          "10.2"}) {
        EXPECT_TRUE(std::any_of(fw.nodes.begin(), fw.nodes.end(), [&](const Node& n) {
            return n.ref_id == sub && n.assessable;
        })) << sub;
    }
    ASSERT_EQ(fw.groups.size(), 2U);
    EXPECT_EQ(fw.groups[0].id, "clauses");
    EXPECT_EQ(fw.groups[1].id, "annex-a");
    EXPECT_EQ(fw.groups[1].roots.size(), 4U);
    // ISO/IEC 27002 attribute vocabularies are built in; the per-control values are not.
    std::map<std::string, std::size_t> sizes;
    for (const auto& v : fw.attribute_vocabularies) {
        sizes[v.id] = v.values.size();
    }
    EXPECT_EQ(sizes["control_type"], 3U);
    EXPECT_EQ(sizes["information_security_properties"], 3U);
    EXPECT_EQ(sizes["cybersecurity_concepts"], 5U);
    EXPECT_EQ(sizes["operational_capabilities"], 15U);
    EXPECT_EQ(sizes["security_domains"], 4U);
    EXPECT_TRUE(std::none_of(fw.nodes.begin(), fw.nodes.end(), [](const Node& n) {
        return !n.attributes.empty();
    }));
}

TEST(Builtin, TitlesFollowTheStandardNotThePublicCopies) {
    const Framework& fw = BuiltinFramework(kIso27001_2022);
    std::map<std::string, std::string> title;
    for (const Node& n : fw.nodes) {
        title[n.ref_id] = n.name;
    }
    EXPECT_EQ(title["6.1.2"], "Information security risk assessment");
    EXPECT_EQ(title["6.3"], "Planning of changes");
    EXPECT_EQ(title["A.8.1"], "User endpoint devices");
    EXPECT_EQ(title["A.5.14"], "Information transfer");
    EXPECT_EQ(title["A.8.22"], "Segregation of networks");
    EXPECT_EQ(title["A.8.23"], "Web filtering");
}

TEST(Builtin, Iso27001_2013AnnexAHas114ControlsIn14Domains) {
    const Framework& fw = BuiltinFramework(kIso27001_2013);
    std::map<std::string, int> per_kind;
    for (const Node& n : fw.nodes) {
        if (n.ref_id.rfind("A.", 0) == 0) {
            ++per_kind[n.kind];
        }
    }
    EXPECT_EQ(per_kind["domain"], 14);
    EXPECT_EQ(per_kind["objective"], 35);
    EXPECT_EQ(per_kind["control"], 114);
}

TEST(Builtin, CorrespondenceMapsEvery2013ControlAndLeavesOnlyTheNewOnes) {
    const Catalog catalog(BuiltinLibraries());
    const Framework& old_fw = BuiltinFramework(kIso27001_2013);
    const Framework& new_fw = BuiltinFramework(kIso27001_2022);
    const MappingSet* correspondence = nullptr;
    for (const MappingSet* set : catalog.MappingSets()) {
        if (set->source_framework_urn == kIso27001_2013
            && set->target_framework_urn == kIso27001_2022) {
            correspondence = set;
        }
    }
    ASSERT_NE(correspondence, nullptr);
    std::set<std::string> sources;
    std::set<std::string> targets;
    for (const MappingPair& p : correspondence->pairs) {
        sources.insert(p.source_urn);
        targets.insert(p.target_urn);
        ASSERT_NE(catalog.FindNode(p.source_urn), nullptr) << p.source_urn;
        ASSERT_NE(catalog.FindNode(p.target_urn), nullptr) << p.target_urn;
    }
    for (const Node& n : old_fw.nodes) {
        if (n.kind == "control") {
            EXPECT_TRUE(sources.contains(n.urn)) << n.ref_id << " is not mapped";
        }
    }
    std::set<std::string> untargeted;
    for (const Node& n : new_fw.nodes) {
        if (n.kind == "control" && !targets.contains(n.urn)) {
            untargeted.insert(n.ref_id);
        }
    }
    EXPECT_EQ(untargeted, kNewIn2022);
    // The public copies send A.13.2.1-3 to 8.14; information transfer is 5.14.
    for (const MappingPair& p : correspondence->pairs) {
        if (p.source_urn == "urn:isms:framework:iso27001-2013:a.13.2.1") {
            EXPECT_EQ(p.target_urn, "urn:isms:framework:iso27001-2022:a.5.14");
        }
    }
}

}  // namespace
}  // namespace isms::catalog
