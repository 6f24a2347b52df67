#include "catalog/text.hpp"

namespace isms::catalog {

namespace {

char AsciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string AsciiLowercase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        out += AsciiLower(c);
    }
    return out;
}

std::string Slug(std::string_view text, bool keep_dots) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (IsAsciiAlnum(c) || (keep_dots && c == '.')) {
            out += AsciiLower(c);
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

}  // namespace isms::catalog
