// Parses `.apitest` scenario files (STYLE §5) into steps that keep their line numbers, so every
// failure can be reported as "file:line". Text that may hold {{vars}} is kept unsubstituted:
// captures are only known while the scenario runs. Syntax errors read "file:line: message".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "apitest/json_match.hpp"
#include "core/error.hpp"

namespace isms::apitest {

/// The requirement `require reference` records: the reference files must exist.
inline constexpr std::string_view kReferenceRequirement = "reference";

/// One line after a block's status line: an assertion, a capture, a `body` block, or (after a
/// `cli` block) a literal substring expected in stdout.
struct Check {
    enum class Kind { kAssertion, kCapture, kBody, kContains };
    Kind kind = Kind::kAssertion;
    int line = 0;              // 1-based line of the check (of the `body` keyword for kBody)
    int end_line = 0;          // kBody: last line of the block (== line when the block is empty)
    Assertion assertion;       // kAssertion
    std::string name;          // kCapture: the variable bound
    std::string subject;       // kCapture: "$.path" or the header name
    bool from_header = false;  // kCapture: `capture x = header Name`
    std::string text;          // kBody: expected JSON (may be empty); kContains: the substring
};

enum class StepKind {
    kTenant,        // tenant <slug>
    kAs,            // as <role> | as anonymous
    kClock,         // clock <instant> | clock +<duration>
    kRequest,       // request ok|error … ---- status checks
    kCli,           // cli ok|error … ---- exit-code checks
    kForeach,       // foreach <var> <values…> … endloop
    kRestart,       // restart
    kLedgerVerify,  // ledger verify
    kTamperBlob,    // tamper blob <sha256>: fault injection on a stored evidence file
    kSetting,       // setting <name> <value>: reopen the app with this configuration setting
    kBlobCheck,     // blob <sha256> encrypted|plain: how the evidence file is stored on disk
    kRequireEnv,    // require-env VAR, require postgres (VAR = ISMS_TEST_POSTGRES)
    kMatrix,        // matrix <file>: the permission matrix (matrix.hpp), beside the scenario
    kFileContains,  // file <path> contains <text>: a file a command wrote holds the text
};

enum class BodyKind { kNone, kJson, kRaw };

struct Step {
    StepKind kind = StepKind::kRestart;
    int line = 0;               // the directive's line
    int end_line = 0;           // last line of a request/cli block
    std::string arg;            // tenant slug, role, clock text, environment variable, setting name
    std::string setting_value;  // setting: the value ("" clears the setting)
    bool blob_encrypted = false;  // blob: `encrypted` expected (else `plain`)
    std::string expected_text;    // file … contains: the text, as written (may hold '#')

    // request / cli
    bool expect_ok = true;   // `ok` (2xx, exit 0) or `error` (4xx/5xx, exit != 0)
    int separator_line = 0;  // the `----` line
    std::string method;      // "POST"
    std::string target;      // "/api/v1/risks/{{risk}}"
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    BodyKind body_kind = BodyKind::kNone;
    std::string body;
    unsigned status = 0;
    std::string problem_type;           // "validation" for `422 validation`
    std::vector<std::string> cli_args;  // without the leading `isms`
    int exit_code = 0;
    std::vector<Check> checks;

    // foreach
    std::string loop_var;
    std::vector<std::string> loop_values;
    std::vector<Step> body_steps;
};

struct Scenario {
    std::string file;                 // as given to the parser, used in messages
    std::string name;                 // `# name:`
    std::string description;          // `# description:`
    std::vector<std::string> groups;  // `# group: [risk] [slow]` → {"risk", "slow"}
    std::vector<Step> steps;
    std::vector<std::string> lines;  // the source, for reports and --rewrite
    bool trailing_newline = true;
};

/// Parses scenario text; `file` only names the source in error messages. The grammar, one
/// directive per line ('#' starts a comment line; " # …" after a directive, outside "strings"
/// and /regexes/, is a trailing comment; JSON bodies and cli literal lines are never stripped):
///
///   tenant <slug> | as <role> | as anonymous | clock <instant> | clock +<ISO duration>
///   restart | ledger verify | require postgres | require-env <VAR> | matrix <file>
///   setting <name> [<value>]  (a config setting for the app from now on; reopens it)
///   tamper blob <sha256> | blob <sha256> encrypted|plain
///   file <path> contains <text>  (the rest of the line, never stripped of a comment)
///   foreach <var> <value>… NEWLINE steps NEWLINE endloop
///   request ok|error
///     METHOD /target            then `Name: value` header lines (optional)
///     {json… | [json…          or `raw` then literal lines (optional, may span lines)
///     ----
///     <status> [<problem type>] the type is required for `error`, forbidden for `ok`
///     checks…                   up to a blank line, `endloop` or the end of the file
///   cli ok|error
///     isms <args…>              shell-like quoting; the leading `isms` is dropped
///     ----
///     <exit code>
///     checks…                   plus literal lines: substrings expected in stdout
///   checks: `$.path == <json>`, `!= <json>`, `~ /re/[i]`, `count ==|!=|<|<=|>|>= <n>`,
///           `exists`, `absent`; `header <Name> …` with the same operators;
///           `capture <var> = $.path`, `capture <var> = header <Name>`;
///           `body` then expected JSON up to the blank line (last check of its block).
[[nodiscard]] Result<Scenario> ParseScenario(std::string_view text, const std::string& file);

/// Reads and parses a file.
[[nodiscard]] Result<Scenario> LoadScenario(const std::string& path);

/// Removes a trailing comment (whitespace then '#') that lies outside double-quoted strings and
/// outside a `~ /regex/` literal; with `shell_quotes`, single-quoted text is protected too.
[[nodiscard]] std::string_view StripComment(std::string_view line, bool shell_quotes = false);

/// Splits a command line into words: whitespace separates, '…' and "…" group, \ escapes.
[[nodiscard]] Result<std::vector<std::string>> SplitCommandLine(std::string_view line);

}  // namespace isms::apitest
