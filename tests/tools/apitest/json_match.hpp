// The expectation language of `.apitest` files (STYLE §5): {{var}} substitution, JSONPath-lite
// paths ($.a.b[0].c), one-line assertions (==, !=, ~ /re/, count, exists, absent) and `body`
// subset matching with the wildcards "<uuid>", "<timestamp>" and "<any>".
// Pure functions over values: no I/O, so the whole language is unit-tested without an App.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "core/json.hpp"

namespace isms::apitest {

/// Looks a {{name}} up; nullopt when the variable is not bound.
using VarLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// Replaces every {{name}} with its value, verbatim. Unknown names are an error naming them.
[[nodiscard]] Result<std::string> Substitute(std::string_view text, const VarLookup& lookup);

/// Like Substitute, for JSON text: inside a string literal the value is JSON-escaped, so a
/// captured value holding quotes or backslashes still yields valid JSON.
[[nodiscard]] Result<std::string> SubstituteJson(std::string_view text, const VarLookup& lookup);

/// A lookup that binds every name to `0`: used at parse time to check that JSON with {{vars}}
/// will be well-formed (a bare {{n}} becomes a number, "{{x}}" stays a string).
[[nodiscard]] VarLookup PlaceholderLookup();

/// One step of a path: a member name or an array index (negative counts from the end).
using PathStep = std::variant<std::string, std::int64_t>;

/// Parses "$", "$.a.b", "$.items[0].name", "$[\"odd key\"]", "$.items[-1]".
[[nodiscard]] Result<std::vector<PathStep>> ParsePath(std::string_view path);

/// The value at `path`, or nullptr when any step is missing (absent member, index out of range,
/// stepping into a scalar).
[[nodiscard]] const json::value* Resolve(
    const json::value& root, const std::vector<PathStep>& path
);

enum class AssertOp { kEqual, kNotEqual, kMatch, kCount, kExists, kAbsent };
enum class CountCompare { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual };

/// One assertion line. `subject` and `operand` are kept unsubstituted: {{vars}} are bound at run
/// time, when captures are known.
struct Assertion {
    bool is_header = false;  // `header Name …` instead of `$.path …`
    std::string subject;     // the path ("$.a") or the header name
    AssertOp op = AssertOp::kExists;
    std::string operand;       // JSON literal (==, !=), pattern (~), integer (count)
    bool ignore_case = false;  // `~ /re/i`
    CountCompare count_compare = CountCompare::kEqual;
};

/// Parses `$.path == <json>`, `$.path != <json>`, `$.path ~ /re/[i]`, `$.path count <cmp> <n>`
/// (cmp one of == != < <= > >=), `$.path exists`, `$.path absent`, and the same with
/// `header <Name>` as the subject. Checks the syntax of path and literal (with placeholder vars).
[[nodiscard]] Result<Assertion> ParseAssertion(std::string_view line);

/// Given the index of the opening '/' of a regex literal, returns the index of the closing one
/// ('\/' escapes and '/' inside a [class] do not close it), or npos when unterminated.
[[nodiscard]] std::size_t FindRegexEnd(std::string_view text, std::size_t open_slash);

/// Evaluates an assertion whose subject and operand are already substituted. `actual` is the
/// value found (nullptr when absent). The error message says what was expected and found.
[[nodiscard]] Status Evaluate(
    const Assertion& assertion, std::string_view operand, const json::value* actual
);

enum class MatchMode {
    kExact,   // `==`: objects must have the same members
    kSubset,  // `body`: members of `actual` not named in `expected` are ignored
};

/// Compares `expected` with `actual`. Strings "<uuid>", "<timestamp>" and "<any>" in `expected`
/// are wildcards; numbers compare by value (1 == 1.0); arrays must have the same length in both
/// modes. The error message names the first difference by path ("at $.items[0].name: …").
[[nodiscard]] Status MatchJson(
    const json::value& expected, const json::value& actual, MatchMode mode
);

/// For `--rewrite`: the expectation to write so that it matches `actual`. Subtrees of `raw` that
/// already match are kept verbatim (so wildcards and "{{var}}" strings survive); `substituted`
/// is `raw` after substitution. Values taken from `actual` have UUIDs and timestamps replaced
/// by wildcards. Pass nullptr expectations for an empty `body` block.
[[nodiscard]] json::value RewriteExpectation(
    const json::value* raw, const json::value* substituted, const json::value& actual
);

/// Indented JSON: containers that fit in `width` columns stay on one line.
[[nodiscard]] std::string PrettyJson(const json::value& value, std::size_t width = 96);

/// The text a value is captured and substituted as: strings without quotes, others as JSON.
[[nodiscard]] std::string CaptureText(const json::value& value);

/// True for a variable or member name: a letter or underscore, then letters, digits, underscores.
[[nodiscard]] bool IsIdentifier(std::string_view s);

/// For "totp <variable>" — {{totp secret}}, the current TOTP code of a captured base32
/// secret — the variable's name; nullopt for any other text.
[[nodiscard]] std::optional<std::string_view> TotpVariable(std::string_view name);
[[nodiscard]] bool IsTotpReference(std::string_view name);

}  // namespace isms::apitest
