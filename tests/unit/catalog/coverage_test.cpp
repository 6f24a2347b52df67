#include "catalog/coverage.hpp"

#include <gtest/gtest.h>

#include "catalog/framework_diff.hpp"
#include "catalog/native_format.hpp"
#include "core/json.hpp"

namespace isms::catalog {
namespace {

// Three frameworks: X maps to Y (one equal, one subset pair), Y maps to Z, and Z' is an alias
// copy of Z published under another URN.
constexpr std::string_view kChain = R"({
  "format": "isms-library/1", "urn": "urn:t:lib", "version": "1", "name": "Chain",
  "frameworks": [
    {"urn": "urn:t:x", "name": "X", "nodes": [
      {"ref_id": "x1", "name": "x1", "assessable": true},
      {"ref_id": "x2", "name": "x2", "assessable": true}]},
    {"urn": "urn:t:y", "name": "Y", "nodes": [
      {"ref_id": "y1", "name": "y1", "assessable": true},
      {"ref_id": "y2", "name": "y2", "assessable": true}]},
    {"urn": "urn:t:z", "name": "Z", "aliases": ["urn:t:z-copy"], "nodes": [
      {"ref_id": "z1", "name": "z1", "assessable": true},
      {"ref_id": "z2", "name": "z2", "assessable": true},
      {"ref_id": "z3", "name": "z3", "assessable": true}]},
    {"urn": "urn:t:z-copy", "name": "Z copy", "nodes": [
      {"ref_id": "z1", "name": "z1", "assessable": true}]}
  ],
  "mapping_sets": [
    {"urn": "urn:t:x-y", "name": "X to Y", "source_framework": "urn:t:x", "target_framework": "urn:t:y",
     "pairs": [{"source": "x1", "target": "y1", "relationship": "equal"},
               {"source": "x2", "target": "y2", "relationship": "subset"}]},
    {"urn": "urn:t:y-z", "name": "Y to Z", "source_framework": "urn:t:y", "target_framework": "urn:t:z",
     "pairs": [{"source": "y1", "target": "z1", "relationship": "superset"},
               {"source": "y2", "target": "z2", "relationship": "equal"}]}
  ]
})";

Catalog Build() {
    auto lib = ReadNativeLibrary(kChain, "chain.json");
    EXPECT_TRUE(lib) << (lib ? "" : lib.error().message);
    return Catalog({std::make_shared<const Library>(std::move(*lib))});
}

const json::object& Item(const json::object& result, std::string_view ref) {
    for (const auto& r : result.at("requirements").as_array()) {
        if (r.at("ref_id").as_string() == ref) {
            return r.as_object();
        }
    }
    throw std::runtime_error("no requirement " + std::string(ref));
}

TEST(Coverage, FollowsChainsAndNamesThePath) {
    const Catalog catalog = Build();
    CoverageQuery q{
        catalog.FindFramework("urn:t:x")->framework,
        catalog.FindFramework("urn:t:z")->framework,
        nullptr,
        3};
    const json::object result = Coverage(catalog, q);
    EXPECT_EQ(Item(result, "z1").at("coverage").as_string(), "full");     // equal then superset
    EXPECT_EQ(Item(result, "z2").at("coverage").as_string(), "partial");  // subset on the way
    EXPECT_EQ(Item(result, "z3").at("coverage").as_string(), "none");
    const auto& path = Item(result, "z1").at("path").as_array();
    ASSERT_EQ(path.size(), 2U);
    EXPECT_EQ(path[0].at("mapping_set").as_string(), "urn:t:x-y");
    EXPECT_EQ(path[0].at("from").at("ref_id").as_string(), "x1");
    EXPECT_EQ(path[1].at("mapping_set").as_string(), "urn:t:y-z");
    EXPECT_EQ(path[1].at("to").at("ref_id").as_string(), "z1");
    EXPECT_EQ(result.at("summary").at("full").as_int64(), 1);
    EXPECT_EQ(result.at("summary").at("partial").as_int64(), 1);
    EXPECT_EQ(result.at("summary").at("none").as_int64(), 1);
}

TEST(Coverage, RespectsHopLimitSatisfiedSetAndReverseDirection) {
    const Catalog catalog = Build();
    const Framework* x = catalog.FindFramework("urn:t:x")->framework;
    const Framework* z = catalog.FindFramework("urn:t:z")->framework;
    EXPECT_EQ(Coverage(catalog, {x, z, nullptr, 1}).at("summary").at("none").as_int64(), 3);

    const std::unordered_set<std::string> only_x2{"urn:t:x:x2"};
    const json::object some = Coverage(catalog, {x, z, &only_x2, 3});
    EXPECT_EQ(Item(some, "z1").at("coverage").as_string(), "none");
    EXPECT_EQ(Item(some, "z2").at("coverage").as_string(), "partial");

    // Walking Z → X uses the pairs backwards: superset becomes subset, so only partial.
    const json::object back = Coverage(catalog, {z, x, nullptr, 3});
    EXPECT_EQ(Item(back, "x1").at("coverage").as_string(), "partial");
    EXPECT_EQ(Item(back, "x1").at("path").at(0).at("direction").as_string(), "reverse");
}

TEST(Coverage, AliasCopiesOfOneStandardAreEqual) {
    const Catalog catalog = Build();
    const json::object result = Coverage(
        catalog,
        {catalog.FindFramework("urn:t:x")->framework,
         catalog.FindFramework("urn:t:z-copy")->framework,
         nullptr,
         3}
    );
    EXPECT_EQ(Item(result, "z1").at("coverage").as_string(), "full");
    const auto& path = Item(result, "z1").at("path").as_array();
    EXPECT_EQ(path.back().at("direction").as_string(), "alias");
}

Node Named(std::string urn, std::string ref_id, std::string name) {
    Node n;
    n.urn = std::move(urn);
    n.ref_id = std::move(ref_id);
    n.name = std::move(name);
    return n;
}

TEST(FrameworkDiff, ReportsAddedRemovedAndChanged) {
    Framework before;
    before.urn = "urn:f";
    before.nodes = {Named("urn:f:1", "1", "One"), Named("urn:f:2", "2", "Two")};
    Framework after = before;
    after.nodes[0].name = "One, renamed";
    after.nodes.erase(after.nodes.begin() + 1);
    after.nodes.push_back(Named("urn:f:3", "3", "Three"));
    const json::object d = DiffFrameworks(before, after);
    ASSERT_EQ(d.at("added").as_array().size(), 1U);
    EXPECT_EQ(d.at("added").at(0).at("ref_id").as_string(), "3");
    ASSERT_EQ(d.at("removed").as_array().size(), 1U);
    EXPECT_EQ(d.at("removed").at(0).at("ref_id").as_string(), "2");
    ASSERT_EQ(d.at("changed").as_array().size(), 1U);
    EXPECT_EQ(d.at("changed").at(0).at("fields").at(0).as_string(), "name");
    EXPECT_EQ(d.at("unchanged").as_int64(), 0);
}

TEST(VersionOrder, ComparesNumbersNumerically) {
    EXPECT_TRUE(VersionLess("2", "10"));
    EXPECT_TRUE(VersionLess("5.0.1", "5.1.1+u4"));
    EXPECT_FALSE(VersionLess("1.0", "1.0"));
    EXPECT_TRUE(VersionLess("1.0", "1.0.1"));
}

}  // namespace
}  // namespace isms::catalog
