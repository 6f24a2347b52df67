// crash_harness --isms PATH [--rounds N] [--seed S] [--writers W] [--kill-after-ms MIN:MAX]
//               [--max-file-bytes B] [--work DIR] [--keep] [--isms-arg ARG]...
// Crash consistency of the real binary (docs/testing.md § Crash consistency): init a data
// directory, then each round start `isms serve` on 127.0.0.1 (port 0), check that everything
// acknowledged so far is there, run concurrent writers, `kill -9` the server after a random
// delay, and run `isms ledger verify`; after the last round restart once more, check, stop it
// cleanly and verify again. Exit status: 0 every round passed, 1 a check failed, 2 usage error.
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "crash/api.hpp"
#include "crash/journal.hpp"
#include "crash/process.hpp"
#include "crash/writer.hpp"

namespace {

namespace fs = std::filesystem;
using isms::Error;
using isms::Result;
using isms::Status;
namespace crash = isms::crash;
namespace json = isms::json;

constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr std::chrono::seconds kStartTimeout{60};

constexpr const char* kUsage =
    "usage: crash_harness --isms PATH [options]\n"
    "  --isms PATH            the isms binary to crash\n"
    "  --rounds N             start, load, kill -9, verify N times (default 20)\n"
    "  --seed S               seed of the writers and the kill delays (default: random, printed)\n"
    "  --writers W            concurrent writers (default 4)\n"
    "  --kill-after-ms A:B    kill a uniformly random A..B ms after the writers start (default "
    "100:2000)\n"
    "  --max-file-bytes B     largest evidence file uploaded (default 65536)\n"
    "  --work DIR             where the data directory and logs go (default: a new temporary "
    "directory)\n"
    "  --keep                 keep the work directory even when every round passed\n"
    "  --isms-arg ARG         append ARG to every isms command (repeatable; e.g. another engine's "
    "flags)\n";

struct Options {
    crash::IsmsCommand isms;
    int rounds = 20;
    std::uint64_t seed = 0;
    bool seed_given = false;
    int writers = 4;
    int kill_min_ms = 100;
    int kill_max_ms = 2000;
    std::size_t max_file_bytes = 65536;
    fs::path work;
    bool keep = false;
};

template <class T>
bool ParseNumber(std::string_view text, T& out) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && ptr == text.data() + text.size();
}

/// Parses the flags; an error message (empty when fine).
std::string ParseOptions(const std::vector<std::string>& args, Options& o) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--keep") {
            o.keep = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            return "unknown or incomplete option " + arg;
        }
        const std::string& value = args[++i];
        bool ok = true;
        if (arg == "--isms") {
            o.isms.binary = value;
        } else if (arg == "--rounds") {
            ok = ParseNumber(value, o.rounds) && o.rounds >= 1;
        } else if (arg == "--seed") {
            ok = ParseNumber(value, o.seed);
            o.seed_given = true;
        } else if (arg == "--writers") {
            ok = ParseNumber(value, o.writers) && o.writers >= 1 && o.writers <= 64;
        } else if (arg == "--kill-after-ms") {
            const std::size_t colon = value.find(':');
            ok = colon != std::string::npos
                 && ParseNumber(std::string_view(value).substr(0, colon), o.kill_min_ms)
                 && ParseNumber(std::string_view(value).substr(colon + 1), o.kill_max_ms)
                 && o.kill_min_ms >= 0 && o.kill_min_ms <= o.kill_max_ms;
        } else if (arg == "--max-file-bytes") {
            ok = ParseNumber(value, o.max_file_bytes) && o.max_file_bytes >= 1
                 && o.max_file_bytes <= 16 * 1024 * 1024;
        } else if (arg == "--work") {
            o.work = value;
        } else if (arg == "--isms-arg") {
            o.isms.extra_args.push_back(value);
        } else {
            return "unknown option " + arg;
        }
        if (!ok) {
            return arg + ": bad value '" + value + "'";
        }
    }
    if (o.isms.binary.empty()) {
        return "--isms is required";
    }
    return {};
}

/// A command that must succeed; its standard output.
Result<std::string> MustRun(
    const crash::IsmsCommand& isms, const std::vector<std::string>& args, const fs::path& log_stem
) {
    ISMS_TRY_ASSIGN(crash::CommandResult result, crash::RunIsms(isms, args, log_stem));
    if (result.exit_code != 0) {
        std::string line;
        for (const std::string& a : args) {
            line += " " + a;
        }
        return Error::Internal(
            "isms" + line + " exited " + std::to_string(result.exit_code) + ":\n" + result.out
            + result.err
        );
    }
    return result.out;
}

/// `isms ledger verify` on the data directory (the server is down): chain, signature and
/// every register row against its last event. Returns the number of events.
Result<std::int64_t> VerifyLedger(const Options& o, const fs::path& data) {
    ISMS_TRY_ASSIGN(
        crash::CommandResult result,
        crash::RunIsms(
            o.isms,
            {"ledger", "verify", "--data", data.string(), "--format", "json"},
            o.work / "verify"
        )
    );
    auto report = isms::ParseJsonObject(result.out);
    if (result.exit_code != 0 || !report || !report->at("ok").as_bool()) {
        return Error::Internal(
            "isms ledger verify failed (exit " + std::to_string(result.exit_code)
            + "): " + result.out + result.err
        );
    }
    return report->at("events").as_int64();
}

/// No blob under its final name is partly written: each file in blobs/ hashes to its name.
/// Returns the number of temporary files left by uploads the kill interrupted (harmless:
/// nothing cites them).
Result<std::int64_t> CheckBlobFiles(const fs::path& data) {
    const fs::path blobs = data / "blobs";
    std::int64_t temporary = 0;
    if (!fs::exists(blobs)) {
        return temporary;
    }
    for (const auto& entry : fs::recursive_directory_iterator(blobs)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        const std::string name = entry.path().filename().string();
        if (name.starts_with(".") && name.ends_with(".tmp")) {
            ++temporary;
            continue;
        }
        const std::string sha =
            isms::crypto::HexEncode(isms::crypto::Sha256(crash::ReadFile(entry.path())));
        if (sha != name) {
            return Error::Internal(
                "blob file " + entry.path().string() + " is partly written: its content hashes to "
                + sha
            );
        }
    }
    return temporary;
}

/// Log lines of severity error or critical (a 500, a failed start) and sanitizer reports (the
/// harness runs ASan/UBSan and TSan builds) fail the round.
Status CheckServerLog(const fs::path& log) {
    const std::string text = crash::ReadFile(log);
    for (const char* marker :
         {"\"severity\":\"error\"", "\"severity\":\"critical\"", "Sanitizer:", "runtime error:"}) {
        if (const std::size_t at = text.find(marker); at != std::string::npos) {
            const std::size_t begin = text.rfind('\n', at);
            const std::size_t end = text.find('\n', at);
            return Error::Internal(
                log.string()
                + " logged: " + text.substr(begin == std::string::npos ? 0 : begin + 1, end - begin)
            );
        }
    }
    return {};
}

/// Every writer's journal against the running server.
Result<crash::CheckCounts> CheckJournals(unsigned short port, std::vector<crash::Writer>& writers) {
    isms::http::Client client("127.0.0.1", port);
    ISMS_TRY_ASSIGN(json::object soa, crash::GetJson(client, "/api/v1/soa"));
    crash::CheckCounts counts;
    for (crash::Writer& writer : writers) {
        ISMS_TRY(writer.journal().Check(client, soa, counts));
    }
    return counts;
}

Result<std::vector<std::string>> AnnexAControls(unsigned short port) {
    isms::http::Client client("127.0.0.1", port);
    ISMS_TRY_ASSIGN(json::object soa, crash::GetJson(client, "/api/v1/soa"));
    std::vector<std::string> controls;
    for (const json::value& entry : soa.at("controls").as_array()) {
        controls.emplace_back(entry.at("ref_id").as_string());
    }
    return controls;
}

std::string Describe(const crash::CheckCounts& c) {
    return std::to_string(c.items) + " items and " + std::to_string(c.files)
           + " evidence files as acknowledged; of the writes lost at the kill "
           + std::to_string(c.unsure_applied) + " applied, " + std::to_string(c.unsure_absent)
           + " not";
}

Status Initialize(const Options& o, const fs::path& data) {
    const fs::path password = o.work / "admin-password";
    {
        std::ofstream out(password);
        out << "crash harness admin password\n";
    }
    ISMS_TRY(MustRun(
        o.isms,
        {"init",
         "--data",
         data.string(),
         "--org",
         "Crash Test Ltd",
         "--admin-email",
         "admin@crash.test",
         "--admin-password-file",
         password.string()},
        o.work / "init"
    ));
    ISMS_TRY_ASSIGN(
        std::string token,
        MustRun(
            o.isms,
            {"token",
             "create",
             "--data",
             data.string(),
             "--email",
             "admin@crash.test",
             "--name",
             "crash",
             "--scope",
             "admin"},
            o.work / "token"
        )
    );
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) {
        token.pop_back();
    }
    crash::SetToken(token);
    return {};
}

Status RunRounds(const Options& o) {
    const fs::path data = o.work / "data";
    ISMS_TRY(Initialize(o, data));
    std::mt19937_64 random(o.seed);
    std::vector<crash::Writer> writers;
    crash::WriteCounts total;
    for (int round = 1; round <= o.rounds; ++round) {
        const fs::path log = o.work / ("serve-" + std::to_string(round) + ".log");
        ISMS_TRY_ASSIGN(
            crash::ServerProcess server,
            crash::ServerProcess::Start(o.isms, data, log, kStartTimeout)
        );
        if (writers.empty()) {
            ISMS_TRY_ASSIGN(std::vector<std::string> controls, AnnexAControls(server.port()));
            for (int w = 0; w < o.writers; ++w) {
                std::vector<std::string> mine;
                for (std::size_t c = static_cast<std::size_t>(w); c < controls.size();
                     c += static_cast<std::size_t>(o.writers)) {
                    mine.push_back(controls[c]);
                }
                writers.emplace_back(w, o.seed, std::move(mine), controls, o.max_file_bytes);
            }
        }
        ISMS_TRY_ASSIGN(crash::CheckCounts checked, CheckJournals(server.port(), writers));
        std::vector<crash::WriteCounts> before;
        for (const crash::Writer& w : writers) {
            before.push_back(w.counts());
        }
        std::atomic<bool> stop{false};
        std::vector<Status> results(writers.size());
        std::vector<std::thread> threads;
        for (std::size_t w = 0; w < writers.size(); ++w) {
            threads.emplace_back([&, w] { results[w] = writers[w].Run(server.port(), stop); });
        }
        const int delay = std::uniform_int_distribution<int>(o.kill_min_ms, o.kill_max_ms)(random);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        server.Kill();
        stop = true;
        for (std::thread& t : threads) {
            t.join();
        }
        crash::WriteCounts round_counts;
        for (std::size_t w = 0; w < writers.size(); ++w) {
            ISMS_TRY(results[w]);
            round_counts.acknowledged += writers[w].counts().acknowledged - before[w].acknowledged;
            round_counts.refused += writers[w].counts().refused - before[w].refused;
            round_counts.lost += writers[w].counts().lost - before[w].lost;
        }
        total.acknowledged += round_counts.acknowledged;
        total.refused += round_counts.refused;
        total.lost += round_counts.lost;
        ISMS_TRY(CheckServerLog(log));
        ISMS_TRY_ASSIGN(std::int64_t events, VerifyLedger(o, data));
        ISMS_TRY_ASSIGN(std::int64_t temporary, CheckBlobFiles(data));
        std::cout << "crash: round " << round << "/" << o.rounds << ": restart checked "
                  << Describe(checked) << "; then " << round_counts.acknowledged
                  << " writes acknowledged, " << round_counts.refused << " refused busy, "
                  << round_counts.lost << " lost at the kill after " << delay
                  << " ms; ledger verify ok (" << events << " events); " << temporary
                  << " temporary blob files" << std::endl;
    }
    const fs::path log = o.work / "serve-final.log";
    ISMS_TRY_ASSIGN(
        crash::ServerProcess server, crash::ServerProcess::Start(o.isms, data, log, kStartTimeout)
    );
    ISMS_TRY_ASSIGN(crash::CheckCounts checked, CheckJournals(server.port(), writers));
    if (const int code = server.Stop(); code != 0) {
        return Error::Internal("isms serve stopped with exit code " + std::to_string(code));
    }
    ISMS_TRY(CheckServerLog(log));
    ISMS_TRY_ASSIGN(std::int64_t events, VerifyLedger(o, data));
    std::cout << "crash: final restart checked " << Describe(checked) << "; clean stop; ledger "
              << "verify ok (" << events << " events)\n"
              << "crash: passed " << o.rounds << "/" << o.rounds << " rounds (seed " << o.seed
              << "): " << total.acknowledged << " writes acknowledged, " << total.refused
              << " refused busy, " << total.lost << " lost at a kill" << std::endl;
    return {};
}

int Main(const std::vector<std::string>& args) {
    Options o;
    if (args.size() == 1 && (args[0] == "-h" || args[0] == "--help")) {
        std::cout << kUsage;
        return 0;
    }
    if (const std::string problem = ParseOptions(args, o); !problem.empty()) {
        std::cerr << "crash_harness: " << problem << "\n" << kUsage;
        return kExitUsage;
    }
    if (!o.seed_given) {
        o.seed = std::random_device{}();
    }
    o.isms.binary = fs::absolute(o.isms.binary).string();
    const bool temporary_work = o.work.empty();
    if (temporary_work) {
        std::string pattern = (fs::temp_directory_path() / "isms-crash-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::cerr << "crash_harness: cannot create a temporary directory\n";
            return kExitFailed;
        }
        o.work = pattern;
    } else {
        fs::create_directories(o.work);
    }
    std::cout << "crash: seed " << o.seed << " (replay with --seed " << o.seed << "), " << o.rounds
              << " rounds, " << o.writers << " writers, kill after " << o.kill_min_ms << ".."
              << o.kill_max_ms << " ms, work in " << o.work.string() << std::endl;
    const Status passed = RunRounds(o);
    if (!passed) {
        std::cerr << "crash: FAILED (seed " << o.seed << "; replay with --seed " << o.seed
                  << "): " << passed.error().message << "\ncrash: logs and data kept in "
                  << o.work.string() << "\n";
        return kExitFailed;
    }
    if (temporary_work && !o.keep) {
        std::error_code ignored;
        fs::remove_all(o.work, ignored);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return Main(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::cerr << "crash_harness: " << e.what() << "\n";
        return kExitFailed;
    }
}
