// Runs parsed `.apitest` scenarios against a Host and reports in the sqllogictest style: the
// first failing step stops its file and prints file:line, the request, the actual response
// (pretty JSON) and the expectation. With rewrite, mismatching `body` blocks are rewritten from
// the actual response instead of failing. Counts are per file: passed, failed, skipped.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>

#include "apitest/host.hpp"
#include "apitest/parser.hpp"
#include "core/config.hpp"

namespace isms::apitest {

struct RunOptions {
    bool rewrite = false;  // rewrite mismatching or empty `body` blocks from actual output
    bool keep = false;     // the host keeps its data directory; the runner prints where it is
    /// Environment for `require-env`; the process environment when null.
    EnvLookup env;
};

enum class FileResult { kPassed, kFailed, kSkipped };

/// Opens a fresh host for one file; not called for a file whose requirements are unmet.
using HostFactory = std::function<Result<std::unique_ptr<Host>>()>;

/// A `body` block to replace: 1-based line of the `body` keyword, last line of the old block,
/// and the new JSON text.
struct BodyRewrite {
    int end_line = 0;
    std::string text;
};

/// Runs a parsed scenario. `rewrites` receives the `body` blocks to rewrite (keyed by the line
/// of the `body` keyword) when options.rewrite is set.
[[nodiscard]] FileResult RunScenario(
    const Scenario& scenario,
    const HostFactory& open_host,
    const RunOptions& options,
    std::ostream& out,
    std::map<int, BodyRewrite>* rewrites = nullptr
);

/// The scenario text with the given `body` blocks replaced.
[[nodiscard]] std::string ApplyRewrites(
    const Scenario& scenario, const std::map<int, BodyRewrite>& rewrites
);

/// Loads, runs and, with options.rewrite, rewrites one file in place.
[[nodiscard]] FileResult RunFile(
    const std::string& path,
    const HostFactory& open_host,
    const RunOptions& options,
    std::ostream& out
);

struct Summary {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

/// "N passed, N failed" plus ", N skipped" when any file was skipped.
[[nodiscard]] std::string SummaryLine(const Summary& summary);

}  // namespace isms::apitest
