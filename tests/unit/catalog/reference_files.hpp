// Access to the public reference files in ../shared/reference (see its SOURCES.md). They are
// test inputs only, never copied into the project; where the folder is absent (a user's
// machine), the tests that need it skip and say so.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace isms::catalog::testing {

/// ISMS_REFERENCE_DIR from the environment, else the folder beside the checkout; nullopt when
/// neither exists.
inline std::optional<std::filesystem::path> ReferenceDir() {
    const char* env = std::getenv("ISMS_REFERENCE_DIR");
    std::filesystem::path dir = env != nullptr ? env : ISMS_REFERENCE_DIR;
    if (!std::filesystem::is_directory(dir)) {
        return std::nullopt;
    }
    return dir;
}

inline std::string ReadText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace isms::catalog::testing

/// Declares `dir` (a std::filesystem::path) or skips the test when the reference folder is absent.
#define ISMS_REFERENCE_DIR_OR_SKIP(dir)                                                         \
    const auto dir##_opt = ::isms::catalog::testing::ReferenceDir();                            \
    if (!dir##_opt) {                                                                           \
        GTEST_SKIP() << "reference data not found (../shared/reference or ISMS_REFERENCE_DIR)"; \
    }                                                                                           \
    const std::filesystem::path& dir = *dir##_opt
