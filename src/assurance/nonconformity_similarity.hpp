// Text similarity of two nonconformities for the recurrence check (ISO/IEC 27001:2022 10.2 b
// 3: "whether similar nonconformities exist, or could potentially occur"): the Jaccard index
// of their word sets — words of three or more letters or digits, lowercased, common English
// words left out. Pure functions.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace isms::assurance {

/// The words of `text` the similarity compares.
[[nodiscard]] std::set<std::string> SimilarityWords(std::string_view text);

/// |a ∩ b| / |a ∪ b|; 0 when both are empty.
[[nodiscard]] double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b);

/// Texts at least this similar are shown as similar nonconformities.
inline constexpr double kSimilarText = 0.3;

}  // namespace isms::assurance
