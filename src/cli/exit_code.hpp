// The one place where an ErrorCode becomes a process exit code (STYLE §3):
// 0 ok, 1 unspecified, 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 denied,
// 7 unavailable, 70 internal.
#pragma once

#include "core/error.hpp"

namespace isms::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 70;

[[nodiscard]] int ExitCode(ErrorCode code);

}  // namespace isms::cli
