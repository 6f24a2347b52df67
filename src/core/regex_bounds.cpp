#include "core/regex_bounds.hpp"

#include <cctype>
#include <string>

namespace isms {
namespace {

bool IsDigit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// Reads the digits at `text[i]`, moving `i` past them; false when the number exceeds the bound.
bool ReadBound(std::string_view text, std::size_t& i) {
    long value = 0;
    bool within = true;
    for (; i < text.size() && IsDigit(text[i]); ++i) {
        if (within) {
            value = value * 10 + (text[i] - '0');
            within = value <= kMaxRegexRepetition;
        }
    }
    return within;
}

Error TooLarge(std::string_view what, std::string_view text) {
    return Error::Invalid(
        "pattern",
        "the " + std::string(what) + " " + std::string(text) + " is above the largest allowed, "
            + std::to_string(kMaxRegexRepetition)
    );
}

}  // namespace

Status CheckRegexBounds(std::string_view pattern) {
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size() && IsDigit(pattern[i + 1])) {
            // A back-reference: libstdc++ reads every digit that follows, in a class too.
            const std::size_t start = i;
            ++i;
            if (!ReadBound(pattern, i)) {
                return TooLarge("back-reference", pattern.substr(start, i - start));
            }
            --i;  // the loop's step moves past the last digit
        } else if (c == '\\') {
            ++i;  // the escaped character is a literal, whatever it is
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
        } else if (c == '{' && i + 1 < pattern.size() && IsDigit(pattern[i + 1])) {
            const std::size_t start = i;
            ++i;
            bool within = ReadBound(pattern, i);
            if (i < pattern.size() && pattern[i] == ',') {
                ++i;
                within = ReadBound(pattern, i) && within;
            }
            if (!within) {
                return TooLarge("repetition", pattern.substr(start, i - start + 1));
            }
            --i;  // the loop's step moves past the last character read
        }
    }
    return {};
}

}  // namespace isms
