#include "apitest/parser.hpp"

#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/clock.hpp"

namespace isms::apitest {

namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

bool IsSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::vector<std::string_view> Words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])) != 0) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])) == 0) {
            ++i;
        }
        if (i > start) {
            words.push_back(s.substr(start, i - start));
        }
    }
    return words;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool IsHeaderName(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (const char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_') {
            return false;
        }
    }
    return true;
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<int> ParseInt(std::string_view s) {
    int value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

class Parser {
public:
    Parser(std::string_view text, std::string file) {
        scenario_.file = std::move(file);
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) {
                end = text.size();
            }
            std::string_view line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            scenario_.lines.emplace_back(line);
            pos = end + 1;
        }
        scenario_.trailing_newline = text.empty() || text.back() == '\n';
    }

    Result<Scenario> Parse() {
        auto steps = ParseSteps(0);
        if (!steps) {
            return steps.error();
        }
        scenario_.steps = std::move(*steps);
        return std::move(scenario_);
    }

private:
    [[nodiscard]] Error Fail(std::size_t index, const std::string& message) const {
        return Error{
            ErrorCode::kInvalidArgument,
            scenario_.file + ":" + std::to_string(index + 1) + ": " + message,
            {}};
    }

    [[nodiscard]] bool AtEnd() const { return i_ >= scenario_.lines.size(); }
    [[nodiscard]] std::string_view Current() const { return Trim(scenario_.lines[i_]); }
    [[nodiscard]] int LineNo() const { return static_cast<int>(i_ + 1); }

    void ParseHeader(std::string_view comment) {
        std::string_view rest = Trim(comment.substr(1));
        const auto value_of = [&rest](std::string_view key) -> std::optional<std::string_view> {
            if (!StartsWith(rest, key)) {
                return std::nullopt;
            }
            return Trim(rest.substr(key.size()));
        };
        if (auto name = value_of("name:")) {
            scenario_.name = std::string(*name);
        } else if (auto description = value_of("description:")) {
            scenario_.description = std::string(*description);
        } else if (auto group = value_of("group:")) {
            std::string cleaned(*group);
            for (char& c : cleaned) {
                if (c == '[' || c == ']' || c == ',') {
                    c = ' ';
                }
            }
            for (const std::string_view word : Words(cleaned)) {
                scenario_.groups.emplace_back(word);
            }
        }
    }

    // A `foreach` body ends at its `endloop`; the file ends at EOF (depth 0).
    Result<std::vector<Step>> ParseSteps(std::size_t loop_start) {
        const bool in_loop = loop_start != 0;
        std::vector<Step> steps;
        while (!AtEnd()) {
            const std::string_view line = Current();
            if (line.empty()) {
                ++i_;
                continue;
            }
            if (line.front() == '#') {
                ParseHeader(line);
                ++i_;
                continue;
            }
            const std::vector<std::string_view> words = Words(StripComment(line));
            const std::string_view directive = words.front();
            if (directive == "endloop") {
                if (!in_loop) {
                    return Fail(i_, "endloop without foreach");
                }
                if (words.size() != 1) {
                    return Fail(i_, "endloop takes no arguments");
                }
                ++i_;
                return steps;
            }
            auto step = ParseDirective(words);
            if (!step) {
                return step.error();
            }
            steps.push_back(std::move(*step));
        }
        if (in_loop) {
            return Fail(loop_start - 1, "foreach without endloop");
        }
        return steps;
    }

    Result<Step> ParseDirective(const std::vector<std::string_view>& words) {
        const std::string_view directive = words.front();
        Step step;
        step.line = LineNo();
        const auto one_arg = [&](StepKind kind, const char* usage) -> Result<Step> {
            if (words.size() != 2) {
                return Fail(i_, std::string("usage: ") + usage);
            }
            step.kind = kind;
            step.arg = std::string(words[1]);
            ++i_;
            return step;
        };
        if (directive == "tenant") {
            return one_arg(StepKind::kTenant, "tenant <slug>");
        }
        if (directive == "as") {
            return one_arg(StepKind::kAs, "as <role> | as anonymous");
        }
        if (directive == "clock") {
            auto clock = one_arg(StepKind::kClock, "clock <RFC 3339 instant> | clock +<duration>");
            if (clock && clock->arg.find("{{") == std::string::npos) {
                const std::string& arg = clock->arg;
                const bool ok = arg.front() == '+' ? ParseDuration(arg.substr(1)).has_value()
                                                   : ParseTimestamp(arg).has_value();
                if (!ok) {
                    return Fail(
                        i_ - 1,
                        "bad clock value \"" + arg
                            + "\" (an instant like 2026-03-01T09:00:00Z or +P30D / +PT1H)"
                    );
                }
            }
            return clock;
        }
        if (directive == "matrix") {
            return one_arg(StepKind::kMatrix, "matrix <file beside the scenario>");
        }
        if (directive == "require-env") {
            return one_arg(StepKind::kRequireEnv, "require-env <VARIABLE>");
        }
        if (directive == "require") {
            if (words.size() != 2 || (words[1] != "postgres" && words[1] != "reference")) {
                return Fail(
                    i_, "usage: require postgres | require reference (or require-env <VARIABLE>)"
                );
            }
            step.kind = StepKind::kRequireEnv;
            // `reference`: the public reference files (../shared/reference), see runner.cpp
            step.arg =
                words[1] == "postgres" ? "ISMS_TEST_POSTGRES" : std::string(kReferenceRequirement);
            ++i_;
            return step;
        }
        if (directive == "restart" || directive == "ledger") {
            if (directive == "ledger" && (words.size() != 2 || words[1] != "verify")) {
                return Fail(i_, "usage: ledger verify");
            }
            if (directive == "restart" && words.size() != 1) {
                return Fail(i_, "restart takes no arguments");
            }
            step.kind = directive == "restart" ? StepKind::kRestart : StepKind::kLedgerVerify;
            ++i_;
            return step;
        }
        if (directive == "tamper") {
            if (words.size() != 3 || words[1] != "blob") {
                return Fail(i_, "usage: tamper blob <sha256>");
            }
            step.kind = StepKind::kTamperBlob;
            step.arg = std::string(words[2]);
            ++i_;
            return step;
        }
        if (directive == "blob") {
            if (words.size() != 3 || (words[2] != "encrypted" && words[2] != "plain")) {
                return Fail(i_, "usage: blob <sha256> encrypted|plain");
            }
            step.kind = StepKind::kBlobCheck;
            step.arg = std::string(words[1]);
            step.blob_encrypted = words[2] == "encrypted";
            ++i_;
            return step;
        }
        if (directive == "file") {
            const std::string_view line = Current();
            const std::size_t contains = line.find(" contains ");
            if (words.size() < 4 || words[2] != "contains" || contains == std::string_view::npos) {
                return Fail(i_, "usage: file <path> contains <text>");
            }
            step.kind = StepKind::kFileContains;
            step.arg = std::string(words[1]);
            step.expected_text = std::string(Trim(line.substr(contains + 10)));
            ++i_;
            return step;
        }
        if (directive == "setting") {
            if (words.size() < 2 || words.size() > 3) {
                return Fail(i_, "usage: setting <name> [<value>]");
            }
            step.kind = StepKind::kSetting;
            step.arg = std::string(words[1]);
            step.setting_value = words.size() == 3 ? std::string(words[2]) : std::string();
            ++i_;
            return step;
        }
        if (directive == "foreach") {
            if (words.size() < 3 || !IsIdentifier(words[1])) {
                return Fail(i_, "usage: foreach <variable> <value> [<value>…]");
            }
            step.kind = StepKind::kForeach;
            step.loop_var = std::string(words[1]);
            for (std::size_t w = 2; w < words.size(); ++w) {
                step.loop_values.emplace_back(words[w]);
            }
            ++i_;
            auto body = ParseSteps(static_cast<std::size_t>(step.line));
            if (!body) {
                return body.error();
            }
            step.body_steps = std::move(*body);
            return step;
        }
        if (directive == "request" || directive == "cli") {
            if (words.size() != 2 || (words[1] != "ok" && words[1] != "error")) {
                return Fail(
                    i_,
                    "usage: " + std::string(directive) + " ok | " + std::string(directive)
                        + " error"
                );
            }
            step.expect_ok = words[1] == "ok";
            if (directive == "request") {
                ISMS_TRY(ParseRequest(step));
            } else {
                ISMS_TRY(ParseCli(step));
            }
            return step;
        }
        if (directive == "capture" || directive == "body" || directive == "header"
            || directive.front() == '$') {
            return Fail(
                i_,
                "`" + std::string(directive)
                    + "` must follow the status line of a request or cli block (a blank line ends "
                      "the block)"
            );
        }
        return Fail(i_, "unknown directive `" + std::string(directive) + "`");
    }

    Status ParseRequest(Step& step) {
        step.kind = StepKind::kRequest;
        const std::size_t start = i_++;
        if (AtEnd() || Current().empty()) {
            return Fail(start, "request: expected `METHOD /path` on the next line");
        }
        const std::vector<std::string_view> request_line = Words(StripComment(Current()));
        bool method_ok = request_line.size() == 2;
        for (const char c : method_ok ? request_line.front() : std::string_view()) {
            method_ok = method_ok && std::isupper(static_cast<unsigned char>(c)) != 0;
        }
        if (!method_ok) {
            return Fail(i_, "expected `METHOD /path` (e.g. `GET /api/v1/risks`)");
        }
        step.method = std::string(request_line[0]);
        step.target = std::string(request_line[1]);
        ++i_;
        std::size_t body_start = 0;
        std::vector<std::string> body_lines;
        while (true) {
            if (AtEnd()) {
                return Fail(start, "request block without `----`");
            }
            const std::string_view line = Current();
            if (line == "----") {
                break;
            }
            if (step.body_kind != BodyKind::kNone) {
                body_lines.push_back(scenario_.lines[i_]);
                ++i_;
                continue;
            }
            if (line.empty()) {
                return Fail(
                    i_, "blank line before `----` (a request is: METHOD line, headers, body, ----)"
                );
            }
            if (line.front() == '#') {
                ++i_;
                continue;
            }
            if (line == "raw") {
                step.body_kind = BodyKind::kRaw;
                body_start = i_++;
                continue;
            }
            if (line.front() == '{' || line.front() == '[') {
                step.body_kind = BodyKind::kJson;
                body_start = i_;
                continue;  // the loop collects this line as the body's first
            }
            const std::string_view header = Trim(StripComment(line));
            const std::size_t colon = header.find(':');
            if (colon == std::string_view::npos || !IsHeaderName(header.substr(0, colon))) {
                return Fail(i_, "expected a header `Name: value`, a JSON body, `raw` or `----`");
            }
            step.headers.emplace_back(
                Lower(header.substr(0, colon)), std::string(Trim(header.substr(colon + 1)))
            );
            ++i_;
        }
        for (std::size_t k = 0; k < body_lines.size(); ++k) {
            step.body += k == 0 ? "" : "\n";
            step.body += body_lines[k];
        }
        if (step.body_kind == BodyKind::kJson) {
            ISMS_TRY(CheckJson(step.body, body_start, "request body"));
        }
        step.separator_line = LineNo();
        ++i_;
        if (AtEnd() || Current().empty()) {
            return Fail(i_ - 1, "expected the status line after `----`");
        }
        const std::vector<std::string_view> status = Words(StripComment(Current()));
        const std::optional<int> code = status.empty() ? std::nullopt : ParseInt(status.front());
        if (!code || *code < 100 || *code > 599 || status.size() > 2) {
            return Fail(i_, "expected a status line like `201` or `422 validation`");
        }
        step.status = static_cast<unsigned>(*code);
        if (step.expect_ok) {
            if (*code < 200 || *code > 299) {
                return Fail(i_, "`request ok` expects a 2xx status (use `request error`)");
            }
            if (status.size() == 2) {
                return Fail(i_, "a problem type is only expected after `request error`");
            }
        } else {
            if (*code < 400) {
                return Fail(i_, "`request error` expects a 4xx or 5xx status");
            }
            if (status.size() != 2) {
                return Fail(
                    i_, "`request error` needs the problem type after the status (`404 not-found`)"
                );
            }
            step.problem_type = std::string(status[1]);
        }
        ++i_;
        return ParseChecks(step, false);
    }

    Status ParseCli(Step& step) {
        step.kind = StepKind::kCli;
        const std::size_t start = i_++;
        if (AtEnd() || Current().empty()) {
            return Fail(start, "cli: expected the command line (`isms …`) on the next line");
        }
        auto args = SplitCommandLine(Trim(StripComment(Current(), true)));
        if (!args) {
            return Fail(i_, args.error().message);
        }
        if (args->empty() || args->front() != "isms") {
            return Fail(i_, "the command line starts with `isms`");
        }
        step.cli_args.assign(args->begin() + 1, args->end());
        ++i_;
        if (AtEnd() || Current() != "----") {
            return Fail(i_ - 1, "cli: expected `----` after the command line");
        }
        step.separator_line = LineNo();
        ++i_;
        const std::optional<int> code =
            AtEnd() ? std::nullopt : ParseInt(Trim(StripComment(Current())));
        if (!code) {
            return Fail(i_ - (AtEnd() ? 1 : 0), "expected the exit code after `----`");
        }
        if (step.expect_ok != (*code == 0)) {
            return Fail(
                i_,
                step.expect_ok ? "`cli ok` expects exit code 0 (use `cli error`)"
                               : "`cli error` expects a non-zero exit code"
            );
        }
        step.exit_code = *code;
        ++i_;
        return ParseChecks(step, true);
    }

    Status CheckJson(const std::string& text, std::size_t first, const char* what) const {
        auto substituted = SubstituteJson(text, PlaceholderLookup());
        if (!substituted) {
            return Fail(first, substituted.error().message);
        }
        if (auto parsed = ParseJson(*substituted); !parsed) {
            return Fail(first, std::string(what) + ": " + parsed.error().message);
        }
        return {};
    }

    // Checks run to a blank line, an `endloop` or the end of the file.
    Status ParseChecks(Step& step, bool cli) {
        while (!AtEnd()) {
            const std::string_view line = Current();
            if (line.empty() || line == "endloop") {
                break;
            }
            if (line.front() == '#') {
                ++i_;
                continue;
            }
            const std::string_view text = Trim(StripComment(line));
            Check check;
            check.line = LineNo();
            if (text == "body") {
                check.kind = Check::Kind::kBody;
                const std::size_t first = ++i_;
                while (!AtEnd() && !Current().empty() && Current() != "endloop") {
                    check.text += check.text.empty() ? "" : "\n";
                    check.text += scenario_.lines[i_];
                    ++i_;
                }
                check.end_line = static_cast<int>(i_ > first ? i_ : first);
                if (!check.text.empty()) {
                    ISMS_TRY(CheckJson(check.text, first, "body"));
                }
                step.checks.push_back(std::move(check));
                continue;
            }
            if (StartsWith(text, "capture ")) {
                ISMS_TRY(ParseCapture(text, check));
            } else if (text.front() == '$' || StartsWith(text, "header ")) {
                auto assertion = ParseAssertion(text);
                if (!assertion) {
                    return Fail(i_, assertion.error().message);
                }
                check.kind = Check::Kind::kAssertion;
                check.assertion = std::move(*assertion);
            } else if (StartsWith(text, "contains ")) {
                check.kind = Check::Kind::kContains;
                check.text = std::string(Trim(line).substr(9));  // the text may hold a '#'
            } else if (cli) {
                check.kind = Check::Kind::kContains;
                check.text = std::string(line);
            } else {
                return Fail(
                    i_,
                    "expected an assertion (`$.path …`, `header Name …`), `contains …`, `capture` "
                    "or `body`; a blank line ends the block"
                );
            }
            step.checks.push_back(std::move(check));
            ++i_;
        }
        step.end_line = static_cast<int>(i_);
        return {};
    }

    Status ParseCapture(std::string_view text, Check& check) const {
        const std::vector<std::string_view> words = Words(text);
        const bool header_form = words.size() == 5 && words[3] == "header";
        if ((words.size() != 4 && !header_form) || words[2] != "=" || !IsIdentifier(words[1])) {
            return Fail(i_, "usage: capture <name> = $.path | capture <name> = header <Name>");
        }
        check.kind = Check::Kind::kCapture;
        check.name = std::string(words[1]);
        check.from_header = header_form;
        check.subject = std::string(header_form ? words[4] : words[3]);
        if (!header_form) {
            auto placeholder = Substitute(check.subject, PlaceholderLookup());
            if (!placeholder) {
                return Fail(i_, placeholder.error().message);
            }
            if (auto path = ParsePath(*placeholder); !path) {
                return Fail(i_, path.error().message);
            }
        }
        return {};
    }

    Scenario scenario_;
    std::size_t i_ = 0;  // index of the current line
};

}  // namespace

std::string_view StripComment(std::string_view line, bool shell_quotes) {
    bool in_double = false;
    bool in_single = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_double) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_double = false;
            }
            continue;
        }
        if (in_single) {
            in_single = c != '\'';
            continue;
        }
        if (c == '"') {
            in_double = true;
        } else if (c == '\'' && shell_quotes) {
            in_single = true;
        } else if (c == '~') {
            std::size_t j = i + 1;
            while (j < line.size() && line[j] == ' ') {
                ++j;
            }
            if (j < line.size() && line[j] == '/') {
                const std::size_t end = FindRegexEnd(line, j);
                if (end == std::string_view::npos) {
                    return line;  // unterminated: leave it for the assertion parser to report
                }
                i = end;
            }
        } else if (c == '#' && (i == 0 || IsSpace(line[i - 1]))) {
            return Trim(line.substr(0, i));
        }
    }
    return line;
}

Result<std::vector<std::string>> SplitCommandLine(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool have_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
                word += line[++i];
            } else {
                word += c;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
            have_word = true;
        } else if (c == '\\' && i + 1 < line.size()) {
            word += line[++i];
            have_word = true;
        } else if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            if (have_word) {
                words.push_back(std::move(word));
                word.clear();
                have_word = false;
            }
        } else {
            word += c;
            have_word = true;
        }
    }
    if (quote != 0) {
        return Error{ErrorCode::kInvalidArgument, "unterminated quote in the command line", {}};
    }
    if (have_word) {
        words.push_back(std::move(word));
    }
    return words;
}

Result<Scenario> ParseScenario(std::string_view text, const std::string& file) {
    return Parser(text, file).Parse();
}

Result<Scenario> LoadScenario(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{ErrorCode::kNotFound, path + ": cannot open the file", {}};
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseScenario(text.str(), path);
}

}  // namespace isms::apitest
