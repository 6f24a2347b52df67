// Invariant checks. ISMS_ASSERT documents a belief and is compiled out with NDEBUG (release);
// ISMS_CHECK stays on in every build and is for states that must stop the process (a corrupted
// ledger read back, an impossible enum value from the database). Never assert on input.
#pragma once

namespace isms::detail {
[[noreturn]] void AssertFailed(const char* expr, const char* why, const char* file, int line);
}  // namespace isms::detail

#define ISMS_CHECK(cond, why)                                             \
    do {                                                                  \
        if (!(cond)) {                                                    \
            ::isms::detail::AssertFailed(#cond, why, __FILE__, __LINE__); \
        }                                                                 \
    } while (false)

#ifdef NDEBUG
#define ISMS_ASSERT(cond, why) static_cast<void>(0)
#else
#define ISMS_ASSERT(cond, why) ISMS_CHECK(cond, why)
#endif

#define ISMS_UNREACHABLE() ::isms::detail::AssertFailed("unreachable", "", __FILE__, __LINE__)
