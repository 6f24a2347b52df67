// Regular expressions written by users (a custom field's pattern, a scenario's expectation) are
// checked before std::regex compiles them: libstdc++ reads a repetition bound such as `a{n}`
// and a back-reference such as `\n` into a long without checking for overflow (undefined
// behaviour, found by fuzzing the .apitest parser), and expands a bounded repetition into that
// many copies of its atom.
#pragma once

#include <string_view>

#include "core/error.hpp"

namespace isms {

/// The largest repetition bound (`{n}`, `{n,}`, `{n,m}`) or back-reference number (`\n`) a
/// user's pattern may hold.
inline constexpr long kMaxRegexRepetition = 1000;

/// Refuses `pattern` when a repetition bound (outside a character class, not escaped) or a
/// back-reference exceeds kMaxRegexRepetition; the error's message says which, for the caller
/// to name its field.
[[nodiscard]] Status CheckRegexBounds(std::string_view pattern);

}  // namespace isms
