// apitest [--base-url http://HOST:PORT --data DIR | --postgres] [--keep] [--rewrite] FILE|DIR…
// Runs `.apitest` scenario files (directories are searched for *.apitest and *.apitest_slow).
// With --postgres each file runs in process on a fresh database of the PostgreSQL server that
// ISMS_TEST_POSTGRES names (every file is skipped when it is unset); `require postgres` files
// run only then.
// Exit status: 0 all passed, 1 a file failed, 2 usage error, 77 every file was skipped (CTest's
// SKIP_RETURN_CODE, set by cmake/Apitests.cmake).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "apitest/host.hpp"
#include "apitest/runner.hpp"

namespace {

namespace fs = std::filesystem;
using isms::apitest::FileResult;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitAllSkipped = 77;
constexpr const char* kPostgresVariable = "ISMS_TEST_POSTGRES";

constexpr const char* kUsage =
    "usage: apitest [--base-url http://HOST:PORT --data DIR | --postgres] [--keep] [--rewrite] "
    "FILE|DIR...\n"
    "  --base-url URL  run against a running `isms serve` instead of an in-process App\n"
    "  --data DIR      with --base-url: the server's data directory (fixtures, ledger verify)\n"
    "  --postgres      in process on a fresh database of the server ISMS_TEST_POSTGRES names\n"
    "  --keep          keep each in-process data directory and print where it is\n"
    "  --rewrite       rewrite mismatching or empty `body` blocks from the actual responses\n";

bool IsScenario(const fs::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".apitest" || ext == ".apitest_slow";
}

int Main(const std::vector<std::string>& args) {
    std::string base_url;
    std::string data_dir;
    bool postgres = false;
    isms::apitest::RunOptions options;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const auto value = [&](const std::string& flag) -> const std::string* {
            if (arg == flag && i + 1 < args.size()) {
                return &args[++i];
            }
            return nullptr;
        };
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        }
        if (const std::string* url = value("--base-url")) {
            base_url = *url;
        } else if (const std::string* dir = value("--data")) {
            data_dir = *dir;
        } else if (arg == "--postgres") {
            postgres = true;
        } else if (arg == "--keep") {
            options.keep = true;
        } else if (arg == "--rewrite") {
            options.rewrite = true;
        } else if (!arg.empty() && arg.front() == '-') {
            std::cerr << "apitest: unknown or incomplete option " << arg << "\n" << kUsage;
            return kExitUsage;
        } else if (fs::is_directory(arg)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(arg)) {
                if (entry.is_regular_file() && IsScenario(entry.path())) {
                    found.push_back(entry.path().string());
                }
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty()) {
        std::cerr << "apitest: no scenario files given\n" << kUsage;
        return kExitUsage;
    }
    if (!data_dir.empty() && base_url.empty()) {
        std::cerr << "apitest: --data only applies with --base-url\n";
        return kExitUsage;
    }
    if (postgres && !base_url.empty()) {
        std::cerr << "apitest: --postgres runs in process; it does not combine with --base-url\n";
        return kExitUsage;
    }
    // `require postgres` means "the PostgreSQL run only": the SQLite run does not see the server.
    const isms::EnvLookup environment = isms::ProcessEnvironment();
    options.env = [&](const std::string& name) -> std::optional<std::string> {
        if (name == kPostgresVariable && !postgres) {
            return std::nullopt;
        }
        return environment(name);
    };
    const std::string postgres_url = postgres ? environment(kPostgresVariable).value_or("") : "";
    if (postgres && postgres_url.empty()) {
        for (const std::string& file : files) {
            std::cout << "SKIP " << file << " (" << kPostgresVariable << " is not set)\n";
        }
        return kExitAllSkipped;
    }
    const isms::apitest::HostFactory open_host =
        [&]() -> isms::Result<std::unique_ptr<isms::apitest::Host>> {
        if (base_url.empty()) {
            return isms::apitest::OpenInProcessHost(options.keep, postgres_url);
        }
        return isms::apitest::OpenSocketHost(base_url, data_dir);
    };
    isms::apitest::Summary summary;
    for (const std::string& file : files) {
        switch (isms::apitest::RunFile(file, open_host, options, std::cout)) {
            case FileResult::kPassed:
                ++summary.passed;
                break;
            case FileResult::kFailed:
                ++summary.failed;
                break;
            case FileResult::kSkipped:
                ++summary.skipped;
                break;
        }
    }
    std::cout << isms::apitest::SummaryLine(summary) << std::endl;
    if (summary.failed > 0) {
        return kExitFailed;
    }
    return summary.passed == 0 && summary.skipped > 0 ? kExitAllSkipped : 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Main(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "apitest: " << e.what() << "\n";
        return kExitFailed;
    }
}
