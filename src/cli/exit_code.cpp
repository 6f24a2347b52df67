#include "cli/exit_code.hpp"

namespace isms::cli {

int ExitCode(ErrorCode code) {
    switch (code) {  // no default: -Wswitch names any enumerator left unmapped
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kMalformedInput:
        case ErrorCode::kTooLarge:
            return 3;
        case ErrorCode::kNotFound:
            return 4;
        case ErrorCode::kConflict:
        case ErrorCode::kStaleVersion:
            return 5;
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kPermissionDenied:
            return 6;
        case ErrorCode::kRateLimited:
        case ErrorCode::kUnavailable:
            return 7;
        case ErrorCode::kInternal:
            return kExitInternal;
    }
    return kExitFailure;
}

}  // namespace isms::cli
