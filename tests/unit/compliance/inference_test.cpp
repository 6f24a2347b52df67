#include "compliance/inference.hpp"

#include <gtest/gtest.h>

#include "catalog/native_format.hpp"

namespace isms::compliance {
namespace {

// S maps to T with every relationship; T maps on to U, so U is two hops from S. The pair
// s5 → t5 is written from T's side (t5 subset s5), so it is walked backwards as superset.
constexpr std::string_view kLibrary = R"({
  "format": "isms-library/1", "urn": "urn:t:lib", "version": "1", "name": "Inference",
  "frameworks": [
    {"urn": "urn:t:s", "name": "S", "nodes": [
      {"ref_id": "s1", "name": "s1", "assessable": true},
      {"ref_id": "s2", "name": "s2", "assessable": true},
      {"ref_id": "s3", "name": "s3", "assessable": true},
      {"ref_id": "s4", "name": "s4", "assessable": true},
      {"ref_id": "s5", "name": "s5", "assessable": true},
      {"ref_id": "s6", "name": "s6", "assessable": true}]},
    {"urn": "urn:t:t", "name": "T", "nodes": [
      {"ref_id": "T", "name": "group"},
      {"ref_id": "t1", "name": "t1", "parent": "T", "assessable": true},
      {"ref_id": "t2", "name": "t2", "parent": "T", "assessable": true},
      {"ref_id": "t3", "name": "t3", "parent": "T", "assessable": true},
      {"ref_id": "t4", "name": "t4", "parent": "T", "assessable": true},
      {"ref_id": "t5", "name": "t5", "parent": "T", "assessable": true},
      {"ref_id": "t6", "name": "t6", "parent": "T", "assessable": true}]},
    {"urn": "urn:t:u", "name": "U", "nodes": [
      {"ref_id": "u1", "name": "u1", "assessable": true}]}
  ],
  "mapping_sets": [
    {"urn": "urn:t:s-t", "name": "S to T", "source_framework": "urn:t:s", "target_framework": "urn:t:t",
     "pairs": [{"source": "s1", "target": "t1", "relationship": "equal"},
               {"source": "s2", "target": "t2", "relationship": "subset"},
               {"source": "s3", "target": "t3", "relationship": "intersect"},
               {"source": "s4", "target": "t4", "relationship": "not_related"},
               {"source": "s6", "target": "t2", "relationship": "superset"}]},
    {"urn": "urn:t:t-s", "name": "T to S", "source_framework": "urn:t:t", "target_framework": "urn:t:s",
     "pairs": [{"source": "t5", "target": "s5", "relationship": "subset"}]},
    {"urn": "urn:t:t-u", "name": "T to U", "source_framework": "urn:t:t", "target_framework": "urn:t:u",
     "pairs": [{"source": "t1", "target": "u1", "relationship": "equivalent"}]}
  ]
})";

class InferenceTest : public ::testing::Test {
protected:
    InferenceTest() {
        auto lib = catalog::ReadNativeLibrary(kLibrary, "inference.json");
        EXPECT_TRUE(lib) << (lib ? "" : lib.error().message);
        catalog_ = std::make_unique<catalog::Catalog>(std::vector{
            std::make_shared<const catalog::Library>(std::move(*lib))});
    }

    std::unordered_map<std::string, InferredResult> Infer(
        std::string_view target, const std::vector<SourceResult>& sources, int hops = 2
    ) {
        return InferResults(*catalog_, *catalog_->FindFramework(target)->framework, sources, hops);
    }

    static SourceResult Source(std::string_view ref, std::string result) {
        return {1, "ASM-1", "urn:t:s:" + std::string(ref), std::move(result)};
    }

    std::unique_ptr<catalog::Catalog> catalog_;
};

TEST_F(InferenceTest, EqualCarriesTheResultAndNamesThePath) {
    const auto out = Infer("urn:t:t", {Source("s1", "non_compliant")});
    ASSERT_TRUE(out.contains("urn:t:t:t1"));
    const InferredResult& t1 = out.at("urn:t:t:t1");
    EXPECT_EQ(t1.result, "non_compliant");
    ASSERT_EQ(t1.sources.size(), 1U);
    EXPECT_EQ(t1.sources[0].effect, PathEffect::kCarries);
    ASSERT_EQ(t1.sources[0].path.size(), 1U);
    EXPECT_EQ(t1.sources[0].path[0].from_urn, "urn:t:s:s1");
    EXPECT_EQ(t1.sources[0].path[0].edge->set->urn, "urn:t:s-t");
    EXPECT_FALSE(out.contains("urn:t:t:T"));  // groups are never assessed
}

TEST_F(InferenceTest, SubsetGivesAtMostPartial) {
    EXPECT_EQ(
        Infer("urn:t:t", {Source("s2", "compliant")}).at("urn:t:t:t2").result, "partially_compliant"
    );
    EXPECT_EQ(
        Infer("urn:t:t", {Source("s2", "non_compliant")}).at("urn:t:t:t2").result, "non_compliant"
    );
    EXPECT_FALSE(Infer("urn:t:t", {Source("s2", "not_applicable")}).contains("urn:t:t:t2"));
}

TEST_F(InferenceTest, IntersectOnlySuggestsAndNotRelatedIsNeverWalked) {
    const auto out = Infer("urn:t:t", {Source("s3", "compliant"), Source("s4", "compliant")});
    const InferredResult& t3 = out.at("urn:t:t:t3");
    EXPECT_EQ(t3.result, "");
    ASSERT_EQ(t3.suggestions.size(), 1U);
    EXPECT_EQ(t3.suggestions[0].effect, PathEffect::kSuggests);
    EXPECT_EQ(t3.suggestions[0].result, "compliant");
    EXPECT_FALSE(out.contains("urn:t:t:t4"));
}

TEST_F(InferenceTest, APairWalkedBackwardsInvertsItsRelationship) {
    // t5 subset s5, read from s5: s5 superset t5 — the result carries.
    const auto out = Infer("urn:t:t", {Source("s5", "compliant")});
    const InferredResult& t5 = out.at("urn:t:t:t5");
    EXPECT_EQ(t5.result, "compliant");
    EXPECT_TRUE(t5.sources[0].path[0].edge->reverse);
}

TEST_F(InferenceTest, TheWeakestCarriedResultWins) {
    // s6 superset t2 carries compliant; s2 subset t2 gives non_compliant.
    const auto out = Infer("urn:t:t", {Source("s6", "compliant"), Source("s2", "non_compliant")});
    EXPECT_EQ(out.at("urn:t:t:t2").result, "non_compliant");
    EXPECT_EQ(out.at("urn:t:t:t2").sources.size(), 2U);
    const auto applicable =
        Infer("urn:t:t", {Source("s6", "not_applicable"), Source("s2", "compliant")});
    EXPECT_EQ(applicable.at("urn:t:t:t2").result, "partially_compliant");
    const auto none = Infer("urn:t:t", {Source("s6", "not_applicable")});
    EXPECT_EQ(none.at("urn:t:t:t2").result, "not_applicable");
}

TEST_F(InferenceTest, ChainsStopAtTheHopLimit) {
    const auto two = Infer("urn:t:u", {Source("s1", "compliant")}, 2);
    ASSERT_TRUE(two.contains("urn:t:u:u1"));
    EXPECT_EQ(two.at("urn:t:u:u1").result, "compliant");
    EXPECT_EQ(two.at("urn:t:u:u1").sources[0].path.size(), 2U);
    EXPECT_FALSE(Infer("urn:t:u", {Source("s1", "compliant")}, 1).contains("urn:t:u:u1"));
}

}  // namespace
}  // namespace isms::compliance
