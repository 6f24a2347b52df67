#include "assurance/nonconformity_similarity.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace isms::assurance {

namespace {

constexpr std::array<std::string_view, 24> kCommonWords = {
    "and",  "are", "but",  "for",  "from", "had", "has", "have", "not", "one",  "the",   "that",
    "this", "was", "were", "with", "all",  "any", "its", "our",  "out", "than", "their", "they"};

}  // namespace

std::set<std::string> SimilarityWords(std::string_view text) {
    std::set<std::string> words;
    std::string word;
    auto flush = [&]() {
        if (word.size() >= 3
            && std::find(kCommonWords.begin(), kCommonWords.end(), word) == kCommonWords.end()) {
            words.insert(word);
        }
        word.clear();
    };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || u >= 0x80) {
            word.push_back(static_cast<char>(std::tolower(u)));
        } else {
            flush();
        }
    }
    flush();
    return words;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) {
        return 0;
    }
    std::size_t common = 0;
    for (const std::string& w : a) {
        common += b.contains(w) ? 1U : 0U;
    }
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace isms::assurance
