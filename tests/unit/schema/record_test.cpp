#include "schema/record.hpp"

#include <gtest/gtest.h>

namespace isms::schema {
namespace {

TEST(ReferenceIds, ReadsTheIdsOfAReferenceList) {
    const json::value list = json::array{3, 7, 11};
    EXPECT_EQ(ReferenceIds(&list), (std::vector<std::int64_t>{3, 7, 11}));
    const json::value null = nullptr;
    EXPECT_TRUE(ReferenceIds(&null).empty());
    EXPECT_TRUE(ReferenceIds(nullptr).empty());
    const json::value text = "3";
    EXPECT_TRUE(ReferenceIds(&text).empty());
}

}  // namespace
}  // namespace isms::schema
