#include "assurance/nonconformity_similarity.hpp"

#include <gtest/gtest.h>

namespace isms::assurance {
namespace {

TEST(SimilarityWords, LowercasesAndDropsShortAndCommonWords) {
    const auto words = SimilarityWords("The FILE server, and its backup: not tested in Q1!");
    EXPECT_EQ(words, (std::set<std::string>{"file", "server", "backup", "tested"}));
}

TEST(SimilarityWords, DigitsCountAsLetters) {
    EXPECT_EQ(SimilarityWords("in 2025 a.8.13"), (std::set<std::string>{"2025"}));
}

TEST(Jaccard, SharedOverAllWords) {
    const std::set<std::string> a{"restore", "file", "server", "tested"};
    const std::set<std::string> b{"restore", "mail", "server", "tested"};
    EXPECT_DOUBLE_EQ(Jaccard(a, b), 3.0 / 5.0);
    EXPECT_DOUBLE_EQ(Jaccard(a, a), 1.0);
    EXPECT_DOUBLE_EQ(Jaccard(a, {}), 0.0);
    EXPECT_DOUBLE_EQ(Jaccard({}, {}), 0.0);
}

TEST(Jaccard, UnrelatedTextsStayBelowTheThreshold) {
    const auto a = SimilarityWords("Restores of the file server are not tested");
    const auto b = SimilarityWords("Visitor badges were not returned at reception");
    EXPECT_LT(Jaccard(a, b), kSimilarText);
}

}  // namespace
}  // namespace isms::assurance
