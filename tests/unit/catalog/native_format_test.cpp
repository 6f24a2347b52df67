#include "catalog/native_format.hpp"

#include <gtest/gtest.h>

#include "core/json.hpp"

namespace isms::catalog {
namespace {

constexpr std::string_view kSmall = R"({
  "format": "isms-library/1", "urn": "urn:test:library:demo", "version": "2",
  "name": "Demo", "dependencies": [],
  "frameworks": [{
    "urn": "urn:test:framework:demo", "name": "Demo framework",
    "groups": [{"id": "all", "name": "All", "roots": ["1"]}],
    "attribute_vocabularies": [{"id": "control_type", "name": "Control type", "values": ["preventive"]}],
    "nodes": [
      {"ref_id": "1", "name": "One", "kind": "clause"},
      {"ref_id": "1.1", "parent": "1", "name": "One one", "assessable": true, "new": true,
       "attributes": {"control_type": ["preventive"]}, "properties": {"label": "x"}},
      {"urn": "urn:test:explicit", "ref_id": "1.2", "parent": "urn:test:framework:demo:1", "name": "One two", "withdrawn": true}
    ]}],
  "mapping_sets": [{
    "urn": "urn:test:mapping:self", "name": "Self", "source_framework": "urn:test:framework:demo",
    "target_framework": "urn:test:framework:demo",
    "pairs": [{"source": "1.1", "target": "urn:test:explicit", "relationship": "subset", "strength": 7, "rationale": "why"}]}]
})";

TEST(NativeFormat, ReadsNodesWithDefaultUrnsDepthsAndParents) {
    auto lib = ReadNativeLibrary(kSmall, "demo.json");
    ASSERT_TRUE(lib) << lib.error().message;
    ASSERT_EQ(lib->frameworks.size(), 1U);
    const Framework& fw = lib->frameworks[0];
    ASSERT_EQ(fw.nodes.size(), 3U);
    EXPECT_EQ(fw.nodes[1].urn, "urn:test:framework:demo:1.1");
    EXPECT_EQ(fw.nodes[1].parent_urn, "urn:test:framework:demo:1");
    EXPECT_EQ(fw.nodes[1].depth, 2);
    EXPECT_TRUE(fw.nodes[1].is_new);
    EXPECT_EQ(fw.nodes[1].attributes.at("control_type").at(0), "preventive");
    EXPECT_EQ(fw.nodes[2].urn, "urn:test:explicit");
    EXPECT_TRUE(fw.nodes[2].withdrawn);
    EXPECT_EQ(fw.groups[0].roots.at(0), "urn:test:framework:demo:1");
    const MappingPair& pair = lib->mapping_sets.at(0).pairs.at(0);
    EXPECT_EQ(pair.source_urn, "urn:test:framework:demo:1.1");
    EXPECT_EQ(pair.relationship, Relationship::kSubset);
    EXPECT_EQ(pair.strength, 7);
}

TEST(NativeFormat, WritesWhatItReadsBackEqual) {
    auto lib = ReadNativeLibrary(kSmall, "demo.json");
    ASSERT_TRUE(lib);
    lib->format = Format::kCisoAssistant;  // a stored import keeps its format
    const json::object written = WriteNativeLibrary(*lib);
    auto again = ReadNativeLibrary(json::value(written), "stored");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->format, Format::kCisoAssistant);
    EXPECT_EQ(ToJsonText(WriteNativeLibrary(*again)), ToJsonText(written));
}

TEST(NativeFormat, ReportsEveryProblemByJsonPath) {
    constexpr std::string_view kBroken = R"({
  "format": "isms-library/1", "urn": "urn:test:broken", "version": "1", "name": "Broken",
  "colour": "blue",
  "frameworks": [{
    "urn": "urn:test:fw", "name": "F",
    "nodes": [
      {"ref_id": "1", "name": "One"},
      {"ref_id": "1", "name": "Again"},
      {"ref_id": "2", "parent": "9", "name": "Orphan"},
      {"ref_id": "3", "parent": "4", "name": "Before its parent"},
      {"ref_id": "4", "parent": "3", "name": "Cycle"},
      {"ref_id": 5, "name": "Wrong type"}
    ]}],
  "mapping_sets": [{"urn": "urn:test:m", "name": "M", "source_framework": "urn:test:fw",
    "target_framework": "urn:test:fw",
    "pairs": [{"source": "1", "target": "1", "relationship": "similar"},
              {"source": "1", "target": "1", "relationship": "equal", "strength": 11}]}]
})";
    auto lib = ReadNativeLibrary(kBroken, "broken.json");
    ASSERT_FALSE(lib);
    EXPECT_EQ(lib.error().code, ErrorCode::kInvalidArgument);
    std::vector<std::string> where;
    for (const auto& f : lib.error().fields) {
        where.push_back(f.field + " " + f.message);
    }
    auto has = [&](std::string_view text) {
        return std::any_of(where.begin(), where.end(), [&](const std::string& w) {
            return w.find(text) != std::string::npos;
        });
    };
    EXPECT_TRUE(has("broken.json:$.colour unknown field"));
    EXPECT_TRUE(has("broken.json:$.frameworks[0].nodes[1].ref_id duplicate ref_id"));
    EXPECT_TRUE(has("broken.json:$.frameworks[0].nodes[2].parent parent \"9\""));
    EXPECT_TRUE(has("broken.json:$.frameworks[0].nodes[3].parent"));
    EXPECT_TRUE(has("broken.json:$.frameworks[0].nodes[5].ref_id expected a string"));
    EXPECT_TRUE(
        has("broken.json:$.mapping_sets[0].pairs[0].relationship unknown relationship \"similar\"")
    );
    EXPECT_TRUE(has("broken.json:$.mapping_sets[0].pairs[1].strength"));
    EXPECT_GE(where.size(), 7U);
}

TEST(NativeFormat, MalformedJsonNamesLineAndColumn) {
    auto lib = ReadNativeLibrary(std::string_view("{\n  \"urn\": \"x\",\n  oops\n}"), "bad.json");
    ASSERT_FALSE(lib);
    EXPECT_EQ(lib.error().code, ErrorCode::kMalformedInput);
    EXPECT_NE(lib.error().message.find("bad.json"), std::string::npos);
    EXPECT_NE(lib.error().message.find("line 3"), std::string::npos);
}

TEST(NativeFormat, RefusesAnEmptyLibraryAndAWrongFormatTag) {
    auto empty = ReadNativeLibrary(
        std::string_view(R"({"format": "isms-library/1", "urn": "u", "version": "1", "name": "n"})"
        ),
        "e.json"
    );
    ASSERT_FALSE(empty);
    auto tagged = ReadNativeLibrary(
        std::string_view(
            R"({"format": "other/9", "urn": "u", "version": "1", "name": "n", "threats": [{"urn": "urn:t", "name": "T"}]})"
        ),
        "t.json"
    );
    ASSERT_FALSE(tagged);
    EXPECT_EQ(tagged.error().fields.at(0).field, "t.json:$.format");
}

}  // namespace
}  // namespace isms::catalog
