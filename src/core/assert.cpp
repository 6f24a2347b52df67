#include "core/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace isms::detail {

void AssertFailed(const char* expr, const char* why, const char* file, int line) {
    std::fprintf(stderr, "isms: assertion failed: %s (%s) at %s:%d\n", expr, why, file, line);
    std::abort();
}

}  // namespace isms::detail
