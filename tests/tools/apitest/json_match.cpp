#include "apitest/json_match.hpp"

#include <cctype>
#include <charconv>
#include <regex>
#include <utility>

#include "core/regex_bounds.hpp"

namespace isms::apitest {

namespace {

Error Fail(std::string message) {
    return Error{ErrorCode::kInvalidArgument, std::move(message), {}};
}

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

/// Finds the next "{{name}}" at or after `from`; returns its start, end (one past "}}") and name.
struct VarRef {
    std::size_t begin = std::string_view::npos;
    std::size_t end = 0;
    std::string_view name;
};

VarRef FindVar(std::string_view text, std::size_t from) {
    while (from < text.size()) {
        const std::size_t open = text.find("{{", from);
        if (open == std::string_view::npos) {
            return {};
        }
        const std::size_t close = text.find("}}", open + 2);
        if (close == std::string_view::npos) {
            return {};
        }
        const std::string_view name = Trim(text.substr(open + 2, close - open - 2));
        if (IsIdentifier(name) || IsTotpReference(name)) {
            return {open, close + 2, name};
        }
        from = open + 1;  // "{{" that is not a variable: keep it literally
    }
    return {};
}

std::string JsonEscaped(std::string_view s) {
    std::string quoted = json::serialize(json::value(json::string(s)));
    return quoted.substr(1, quoted.size() - 2);
}

/// Substitutes {{vars}}, telling `encode` whether each one sits inside a JSON string literal.
template <class Fn>
Result<std::string> SubstituteImpl(std::string_view text, const VarLookup& lookup, Fn&& encode) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    bool in_string = false;
    while (true) {
        const VarRef ref = FindVar(text, pos);
        const std::size_t stop = ref.begin == std::string_view::npos ? text.size() : ref.begin;
        for (std::size_t i = pos; i < stop; ++i) {
            if (in_string && text[i] == '\\' && i + 1 < stop) {
                out += text[i];
                ++i;
            } else if (text[i] == '"') {
                in_string = !in_string;
            }
            out += text[i];
        }
        if (ref.begin == std::string_view::npos) {
            return out;
        }
        std::optional<std::string> value = lookup(ref.name);
        if (!value) {
            return Fail("unknown variable {{" + std::string(ref.name) + "}}");
        }
        out += encode(*value, in_string);
        pos = ref.end;
    }
}

const std::regex& UuidPattern() {
    static const std::regex kPattern(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    );
    return kPattern;
}

const std::regex& TimestampPattern() {
    static const std::regex kPattern(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)"
    );
    return kPattern;
}

bool IsNumber(const json::value& v) {
    return v.is_int64() || v.is_uint64() || v.is_double();
}

double ToDouble(const json::value& v) {
    if (v.is_int64()) {
        return static_cast<double>(v.get_int64());
    }
    if (v.is_uint64()) {
        return static_cast<double>(v.get_uint64());
    }
    return v.get_double();
}

bool NumbersEqual(const json::value& a, const json::value& b) {
    if (a.is_double() || b.is_double()) {
        return ToDouble(a) == ToDouble(b);
    }
    if (a.is_int64() && b.is_int64()) {
        return a.get_int64() == b.get_int64();
    }
    if (a.is_uint64() && b.is_uint64()) {
        return a.get_uint64() == b.get_uint64();
    }
    const std::int64_t s = a.is_int64() ? a.get_int64() : b.get_int64();
    const std::uint64_t u = a.is_uint64() ? a.get_uint64() : b.get_uint64();
    return s >= 0 && static_cast<std::uint64_t>(s) == u;
}

std::string PathKey(std::string_view key) {
    if (IsIdentifier(key)) {
        return "." + std::string(key);
    }
    return "[" + json::serialize(json::value(json::string(key))) + "]";
}

std::string Show(const json::value& v) {
    std::string text = json::serialize(v);
    constexpr std::size_t kMaxShown = 200;
    if (text.size() > kMaxShown) {
        text = text.substr(0, kMaxShown) + "…";
    }
    return text;
}

std::optional<std::string> WildcardMismatch(std::string_view wildcard, const json::value& actual) {
    if (wildcard == "<any>") {
        return std::nullopt;
    }
    const std::regex& pattern = wildcard == "<uuid>" ? UuidPattern() : TimestampPattern();
    if (actual.is_string()) {
        const std::string s(actual.get_string());
        if (std::regex_match(s, pattern)) {
            return std::nullopt;
        }
    }
    return "expected " + std::string(wildcard) + ", found " + Show(actual);
}

bool IsWildcard(const json::value& v) {
    if (!v.is_string()) {
        return false;
    }
    const std::string_view s = v.get_string();
    return s == "<any>" || s == "<uuid>" || s == "<timestamp>";
}

std::optional<std::string> Mismatch(
    const json::value& expected, const json::value& actual, MatchMode mode, const std::string& path
) {
    const auto at = [&path](const std::string& what) {
        return "at " + path + ": " + what;
    };
    if (IsWildcard(expected)) {
        if (auto why = WildcardMismatch(expected.get_string(), actual)) {
            return at(*why);
        }
        return std::nullopt;
    }
    if (IsNumber(expected) && IsNumber(actual)) {
        if (NumbersEqual(expected, actual)) {
            return std::nullopt;
        }
        return at("expected " + Show(expected) + ", found " + Show(actual));
    }
    if (expected.kind() != actual.kind()) {
        return at("expected " + Show(expected) + ", found " + Show(actual));
    }
    if (expected.is_object()) {
        const json::object& want = expected.get_object();
        const json::object& got = actual.get_object();
        for (const auto& member : want) {
            const json::value* value = got.if_contains(member.key());
            if (value == nullptr) {
                return at("member \"" + std::string(member.key()) + "\" is missing");
            }
            if (auto why = Mismatch(member.value(), *value, mode, path + PathKey(member.key()))) {
                return why;
            }
        }
        if (mode == MatchMode::kExact) {
            for (const auto& member : got) {
                if (!want.contains(member.key())) {
                    return at("unexpected member \"" + std::string(member.key()) + "\"");
                }
            }
        }
        return std::nullopt;
    }
    if (expected.is_array()) {
        const json::array& want = expected.get_array();
        const json::array& got = actual.get_array();
        if (want.size() != got.size()) {
            return at(
                "expected " + std::to_string(want.size()) + " elements, found "
                + std::to_string(got.size()) + ": " + Show(actual)
            );
        }
        for (std::size_t i = 0; i < want.size(); ++i) {
            const std::string sub = path + "[" + std::to_string(i) + "]";
            if (auto why = Mismatch(want[i], got[i], mode, sub)) {
                return why;
            }
        }
        return std::nullopt;
    }
    if (expected == actual) {
        return std::nullopt;
    }
    return at("expected " + Show(expected) + ", found " + Show(actual));
}

json::value AutoWildcards(const json::value& v) {
    if (v.is_string()) {
        const std::string s(v.get_string());
        if (std::regex_match(s, UuidPattern())) {
            return json::string("<uuid>");
        }
        if (std::regex_match(s, TimestampPattern())) {
            return json::string("<timestamp>");
        }
        return v;
    }
    if (v.is_object()) {
        json::object out;
        for (const auto& member : v.get_object()) {
            out[member.key()] = AutoWildcards(member.value());
        }
        return out;
    }
    if (v.is_array()) {
        json::array out;
        for (const auto& element : v.get_array()) {
            out.push_back(AutoWildcards(element));
        }
        return out;
    }
    return v;
}

std::string InlineJson(const json::value& v) {
    if (v.is_object()) {
        std::string out = "{";
        bool first = true;
        for (const auto& member : v.get_object()) {
            out += first ? "" : ", ";
            first = false;
            out += json::serialize(json::value(json::string(member.key()))) + ": ";
            out += InlineJson(member.value());
        }
        return out + "}";
    }
    if (v.is_array()) {
        std::string out = "[";
        bool first = true;
        for (const auto& element : v.get_array()) {
            out += first ? "" : ", ";
            first = false;
            out += InlineJson(element);
        }
        return out + "]";
    }
    return json::serialize(v);
}

void WritePretty(
    const json::value& v,
    std::size_t indent,
    std::size_t column,
    std::size_t width,
    std::string& out
) {
    std::string flat = InlineJson(v);
    const bool empty =
        (v.is_object() && v.get_object().empty()) || (v.is_array() && v.get_array().empty());
    if ((!v.is_object() && !v.is_array()) || empty || column + flat.size() <= width) {
        out += flat;
        return;
    }
    const std::string pad(indent + 2, ' ');
    if (v.is_object()) {
        out += "{\n";
        bool first = true;
        for (const auto& member : v.get_object()) {
            out += first ? "" : ",\n";
            first = false;
            const std::string key = json::serialize(json::value(json::string(member.key())));
            out += pad + key + ": ";
            WritePretty(member.value(), indent + 2, pad.size() + key.size() + 2, width, out);
        }
        out += "\n" + std::string(indent, ' ') + "}";
        return;
    }
    out += "[\n";
    bool first = true;
    for (const auto& element : v.get_array()) {
        out += first ? "" : ",\n";
        first = false;
        out += pad;
        WritePretty(element, indent + 2, pad.size(), width, out);
    }
    out += "\n" + std::string(indent, ' ') + "]";
}

/// Checks that a `{{var}}`-bearing literal will parse once substituted.
Status CheckLiteral(std::string_view text, std::string_view what) {
    auto substituted = SubstituteJson(text, PlaceholderLookup());
    if (!substituted) {
        return substituted.error();
    }
    if (!ParseJson(*substituted)) {
        return Fail(
            std::string(what)
            + " is not a JSON literal (strings need double quotes): " + std::string(text)
        );
    }
    return {};
}

Status CheckRegex(const std::string& pattern) {
    auto substituted = Substitute(pattern, PlaceholderLookup());
    if (!substituted) {
        return substituted.error();
    }
    if (auto bounded = CheckRegexBounds(*substituted); !bounded) {
        return Fail("bad regex /" + pattern + "/: " + bounded.error().fields.front().message);
    }
    try {
        const std::regex compiled(*substituted, std::regex::ECMAScript);
        static_cast<void>(compiled);
    } catch (const std::regex_error& e) {
        return Fail("bad regex /" + pattern + "/: " + e.what());
    }
    return {};
}

Result<std::int64_t> ParseCount(std::string_view text) {
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n < 0) {
        return Fail("count needs a non-negative integer, found \"" + std::string(text) + "\"");
    }
    return n;
}

bool CompareCount(std::int64_t actual, CountCompare compare, std::int64_t expected) {
    switch (compare) {
        case CountCompare::kEqual:
            return actual == expected;
        case CountCompare::kNotEqual:
            return actual != expected;
        case CountCompare::kLess:
            return actual < expected;
        case CountCompare::kLessEqual:
            return actual <= expected;
        case CountCompare::kGreater:
            return actual > expected;
        case CountCompare::kGreaterEqual:
            return actual >= expected;
    }
    return false;
}

const char* CompareText(CountCompare compare) {
    switch (compare) {
        case CountCompare::kEqual:
            return "==";
        case CountCompare::kNotEqual:
            return "!=";
        case CountCompare::kLess:
            return "<";
        case CountCompare::kLessEqual:
            return "<=";
        case CountCompare::kGreater:
            return ">";
        case CountCompare::kGreaterEqual:
            return ">=";
    }
    return "?";
}

/// Splits off the subject token of an assertion: a path up to whitespace outside ["…"].
std::size_t PathTokenEnd(std::string_view line) {
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            return i;
        }
    }
    return line.size();
}

bool ConsumePrefix(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) {
        return false;
    }
    s.remove_prefix(prefix.size());
    return true;
}

}  // namespace

Result<std::string> Substitute(std::string_view text, const VarLookup& lookup) {
    // Plain text has no string literals; treat every quote as ordinary.
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const VarRef ref = FindVar(text, pos);
        if (ref.begin == std::string_view::npos) {
            out += text.substr(pos);
            return out;
        }
        out += text.substr(pos, ref.begin - pos);
        std::optional<std::string> value = lookup(ref.name);
        if (!value) {
            return Fail("unknown variable {{" + std::string(ref.name) + "}}");
        }
        out += *value;
        pos = ref.end;
    }
}

Result<std::string> SubstituteJson(std::string_view text, const VarLookup& lookup) {
    return SubstituteImpl(text, lookup, [](const std::string& value, bool in_string) {
        return in_string ? JsonEscaped(value) : value;
    });
}

VarLookup PlaceholderLookup() {
    return [](std::string_view /*name*/) -> std::optional<std::string> {
        return "0";
    };
}

Result<std::vector<PathStep>> ParsePath(std::string_view path) {
    const auto bad = [&path](const std::string& why) {
        return Fail("bad path \"" + std::string(path) + "\": " + why);
    };
    if (path.empty() || path.front() != '$') {
        return bad("a path starts with $");
    }
    std::vector<PathStep> steps;
    std::size_t i = 1;
    while (i < path.size()) {
        if (path[i] == '.') {
            const std::size_t start = ++i;
            while (i < path.size() && path[i] != '.' && path[i] != '['
                   && std::isspace(static_cast<unsigned char>(path[i])) == 0) {
                ++i;
            }
            if (i == start) {
                return bad("empty member name after '.'");
            }
            steps.emplace_back(std::string(path.substr(start, i - start)));
        } else if (path[i] == '[') {
            if (i + 1 < path.size() && path[i + 1] == '"') {
                // A quoted member: a JSON string up to the matching quote.
                std::size_t j = i + 2;
                while (j < path.size() && path[j] != '"') {
                    j += path[j] == '\\' ? 2U : 1U;
                }
                if (j + 1 >= path.size() || path[j + 1] != ']') {
                    return bad("unterminated [\"…\"]");
                }
                auto key = ParseJson(path.substr(i + 1, j - i));
                if (!key || !key->is_string()) {
                    return bad("bad quoted member name");
                }
                steps.emplace_back(std::string(key->get_string()));
                i = j + 2;
                continue;
            }
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos) {
                return bad("missing ']'");
            }
            const std::string_view digits = path.substr(i + 1, close - i - 1);
            std::int64_t index = 0;
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), index);
            if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size()) {
                return bad("an index is an integer, found \"" + std::string(digits) + "\"");
            }
            steps.emplace_back(index);
            i = close + 1;
        } else {
            return bad("expected '.' or '[' at column " + std::to_string(i + 1));
        }
    }
    return steps;
}

const json::value* Resolve(const json::value& root, const std::vector<PathStep>& path) {
    const json::value* current = &root;
    for (const PathStep& step : path) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!current->is_object()) {
                return nullptr;
            }
            current = current->get_object().if_contains(*key);
        } else {
            if (!current->is_array()) {
                return nullptr;
            }
            const json::array& array = current->get_array();
            const auto size = static_cast<std::int64_t>(array.size());
            std::int64_t index = std::get<std::int64_t>(step);
            if (index < 0) {
                index += size;
            }
            if (index < 0 || index >= size) {
                return nullptr;
            }
            current = &array[static_cast<std::size_t>(index)];
        }
        if (current == nullptr) {
            return nullptr;
        }
    }
    return current;
}

std::size_t FindRegexEnd(std::string_view text, std::size_t open_slash) {
    bool in_class = false;
    for (std::size_t i = open_slash + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
        } else if (c == '/') {
            return i;
        }
    }
    return std::string_view::npos;
}

Result<Assertion> ParseAssertion(std::string_view line) {
    Assertion a;
    std::string_view rest = Trim(line);
    if (ConsumePrefix(rest, "header ")) {
        rest = Trim(rest);
        const std::size_t end = PathTokenEnd(rest);
        a.is_header = true;
        a.subject = std::string(rest.substr(0, end));
        rest = Trim(rest.substr(end));
    } else if (!rest.empty() && rest.front() == '$') {
        const std::size_t end = PathTokenEnd(rest);
        a.subject = std::string(rest.substr(0, end));
        rest = Trim(rest.substr(end));
        auto placeholder = Substitute(a.subject, PlaceholderLookup());
        if (!placeholder) {
            return placeholder.error();
        }
        if (auto parsed = ParsePath(*placeholder); !parsed) {
            return parsed.error();
        }
    } else {
        return Fail("expected an assertion (`$.path …` or `header Name …`)");
    }
    if (rest == "exists" || rest == "absent") {
        a.op = rest == "exists" ? AssertOp::kExists : AssertOp::kAbsent;
        return a;
    }
    const std::string_view op = rest.substr(0, 2);
    if (op == "==" || op == "!=") {
        a.op = op == "==" ? AssertOp::kEqual : AssertOp::kNotEqual;
        rest.remove_prefix(2);
        a.operand = std::string(Trim(rest));
        if (a.operand.empty()) {
            return Fail("missing value after ==/!=");
        }
        if (auto ok = CheckLiteral(a.operand, "the value"); !ok) {
            return ok.error();
        }
        return a;
    }
    if (ConsumePrefix(rest, "~")) {
        rest = Trim(rest);
        if (rest.empty() || rest.front() != '/') {
            return Fail("expected /regex/ after ~");
        }
        const std::size_t close = FindRegexEnd(rest, 0);
        if (close == std::string_view::npos) {
            return Fail("unterminated /regex/");
        }
        a.op = AssertOp::kMatch;
        a.operand = std::string(rest.substr(1, close - 1));
        const std::string_view flags = rest.substr(close + 1);
        if (flags == "i") {
            a.ignore_case = true;
        } else if (!flags.empty()) {
            return Fail("unknown regex flags \"" + std::string(flags) + "\" (only i)");
        }
        if (auto ok = CheckRegex(a.operand); !ok) {
            return ok.error();
        }
        return a;
    }
    if (ConsumePrefix(rest, "count")) {
        rest = Trim(rest);
        static constexpr std::pair<std::string_view, CountCompare> kCompares[] = {
            {"==", CountCompare::kEqual},
            {"!=", CountCompare::kNotEqual},
            {"<=", CountCompare::kLessEqual},
            {">=", CountCompare::kGreaterEqual},
            {"<", CountCompare::kLess},
            {">", CountCompare::kGreater},
        };
        bool found = false;
        for (const auto& [text, compare] : kCompares) {
            if (ConsumePrefix(rest, text)) {
                a.count_compare = compare;
                found = true;
                break;
            }
        }
        if (!found) {
            return Fail("expected ==, !=, <, <=, > or >= after count");
        }
        a.op = AssertOp::kCount;
        a.operand = std::string(Trim(rest));
        auto placeholder = Substitute(a.operand, PlaceholderLookup());
        if (!placeholder) {
            return placeholder.error();
        }
        if (auto n = ParseCount(*placeholder); !n) {
            return n.error();
        }
        return a;
    }
    return Fail(
        "expected ==, !=, ~ /regex/, count, exists or absent after " + a.subject + ", found \""
        + std::string(rest) + "\""
    );
}

Status Evaluate(const Assertion& assertion, std::string_view operand, const json::value* actual) {
    const std::string& subject = assertion.subject;
    if (assertion.op == AssertOp::kExists) {
        if (actual == nullptr) {
            return Fail(subject + ": expected to exist, but it is absent");
        }
        return {};
    }
    if (assertion.op == AssertOp::kAbsent) {
        if (actual != nullptr) {
            return Fail(subject + ": expected absent, found " + Show(*actual));
        }
        return {};
    }
    if (actual == nullptr) {
        return Fail(subject + ": is absent");
    }
    switch (assertion.op) {
        case AssertOp::kEqual:
        case AssertOp::kNotEqual: {
            auto expected = ParseJson(operand);
            if (!expected) {
                return Fail(
                    subject + ": the value is not a JSON literal after substitution: "
                    + std::string(operand)
                );
            }
            auto differs = MatchJson(*expected, *actual, MatchMode::kExact);
            if (assertion.op == AssertOp::kEqual && !differs) {
                return Fail(subject + ": expected " + Show(*expected) + ", found " + Show(*actual));
            }
            if (assertion.op == AssertOp::kNotEqual && differs) {
                return Fail(subject + ": expected anything but " + Show(*expected));
            }
            return {};
        }
        case AssertOp::kMatch: {
            const std::string text =
                actual->is_string() ? std::string(actual->get_string()) : json::serialize(*actual);
            auto flags = std::regex::ECMAScript;
            if (assertion.ignore_case) {
                flags |= std::regex::icase;
            }
            try {
                if (!std::regex_search(text, std::regex(std::string(operand), flags))) {
                    return Fail(
                        subject + ": " + Show(*actual) + " does not match /" + std::string(operand)
                        + "/"
                    );
                }
            } catch (const std::regex_error& e) {
                return Fail(subject + ": bad regex /" + std::string(operand) + "/: " + e.what());
            }
            return {};
        }
        case AssertOp::kCount: {
            auto expected = ParseCount(operand);
            if (!expected) {
                return expected.error();
            }
            std::int64_t size = 0;
            if (actual->is_array()) {
                size = static_cast<std::int64_t>(actual->get_array().size());
            } else if (actual->is_object()) {
                size = static_cast<std::int64_t>(actual->get_object().size());
            } else {
                return Fail(subject + ": count needs an array or object, found " + Show(*actual));
            }
            if (!CompareCount(size, assertion.count_compare, *expected)) {
                return Fail(
                    subject + ": expected count " + CompareText(assertion.count_compare) + " "
                    + std::to_string(*expected) + ", found " + std::to_string(size)
                );
            }
            return {};
        }
        case AssertOp::kExists:
        case AssertOp::kAbsent:
            break;  // handled above
    }
    return {};
}

Status MatchJson(const json::value& expected, const json::value& actual, MatchMode mode) {
    if (auto why = Mismatch(expected, actual, mode, "$")) {
        return Fail(*why);
    }
    return {};
}

json::value RewriteExpectation(
    const json::value* raw, const json::value* substituted, const json::value& actual
) {
    if (raw == nullptr || substituted == nullptr) {
        return AutoWildcards(actual);
    }
    if (MatchJson(*substituted, actual, MatchMode::kSubset)) {
        return *raw;
    }
    if (raw->is_object() && substituted->is_object() && actual.is_object()
        && raw->get_object().size() == substituted->get_object().size()) {
        // Keep the expectation's members (a subset stays a subset), re-derived from `actual`.
        json::object out;
        auto sub = substituted->get_object().begin();
        for (const auto& member : raw->get_object()) {
            const json::value* got = actual.get_object().if_contains(sub->key());
            if (got != nullptr) {
                out[member.key()] = RewriteExpectation(&member.value(), &sub->value(), *got);
            }
            ++sub;
        }
        return out;
    }
    if (raw->is_array() && substituted->is_array() && actual.is_array()
        && raw->get_array().size() == substituted->get_array().size()) {
        json::array out;
        const json::array& got = actual.get_array();
        for (std::size_t i = 0; i < got.size(); ++i) {
            if (i < raw->get_array().size()) {
                out.push_back(
                    RewriteExpectation(&raw->get_array()[i], &substituted->get_array()[i], got[i])
                );
            } else {
                out.push_back(AutoWildcards(got[i]));
            }
        }
        return out;
    }
    return AutoWildcards(actual);
}

std::string PrettyJson(const json::value& value, std::size_t width) {
    std::string out;
    WritePretty(value, 0, 0, width, out);
    return out;
}

std::string CaptureText(const json::value& value) {
    if (value.is_string()) {
        return std::string(value.get_string());
    }
    return json::serialize(value);
}

std::optional<std::string_view> TotpVariable(std::string_view name) {
    constexpr std::string_view kPrefix = "totp ";
    if (!name.starts_with(kPrefix)) {
        return std::nullopt;
    }
    const std::string_view variable = Trim(name.substr(kPrefix.size()));
    if (!IsIdentifier(variable)) {
        return std::nullopt;
    }
    return variable;
}

bool IsTotpReference(std::string_view name) {
    return TotpVariable(name).has_value();
}

bool IsIdentifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front())) != 0) {
        return false;
    }
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') {
            return false;
        }
    }
    return true;
}

}  // namespace isms::apitest
