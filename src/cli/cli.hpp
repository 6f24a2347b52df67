// The `isms` command line: parses arguments with CLI11 and runs one command. Exit codes come
// from cli/exit_code.cpp (0 ok, 2 usage, 3–7 by ErrorCode, 70 internal).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace isms::cli {

/// Runs `isms <args…>` (args excludes the program name) writing to `out` and `err`;
/// returns the process exit code. `isms serve` blocks until the server stops.
[[nodiscard]] int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace isms::cli
