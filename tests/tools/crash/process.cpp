#include "crash/process.hpp"

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX declares it nowhere else

namespace isms::crash {

namespace {

namespace fs = std::filesystem;

/// Starts `argv` with standard input from /dev/null and standard output and error in the two
/// files (truncated first; the same path for both appends them to one file).
Result<pid_t> Spawn(
    const std::vector<std::string>& argv, const fs::path& out, const fs::path& err
) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(
        &actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600
    );
    if (err == out) {
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    } else {
        posix_spawn_file_actions_addopen(
            &actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600
        );
    }
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));  // posix_spawn does not change them
    }
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        return Error::Internal("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    return pid;
}

/// Waits for `pid`; the exit code, or 128 + the signal that ended it.
int Reap(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return WEXITSTATUS(status);
}

std::vector<std::string> CommandLine(
    const IsmsCommand& isms, const std::vector<std::string>& args
) {
    std::vector<std::string> argv{isms.binary};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), isms.extra_args.begin(), isms.extra_args.end());
    return argv;
}

/// The port of the first "serving http://127.0.0.1:PORT/" in the log, or 0.
unsigned short ServingPort(const std::string& log) {
    constexpr std::string_view kMarker = "serving http://127.0.0.1:";
    const std::size_t at = log.find(kMarker);
    if (at == std::string::npos) {
        return 0;
    }
    const char* begin = log.data() + at + kMarker.size();
    const char* end = log.data() + log.size();
    unsigned short port = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, port);
    return ec == std::errc{} && ptr != end && *ptr == '/' ? port : 0;
}

}  // namespace

std::string ReadFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

std::string Tail(const fs::path& file, std::size_t lines) {
    const std::string text = ReadFile(file);
    std::size_t start = text.size();
    for (std::size_t seen = 0; start > 0 && seen <= lines;) {
        --start;
        if (text[start] == '\n') {
            ++seen;
        }
    }
    return text.substr(start);
}

Result<CommandResult> RunIsms(
    const IsmsCommand& isms, const std::vector<std::string>& args, const fs::path& log_stem
) {
    const fs::path out = fs::path(log_stem.string() + ".out");
    const fs::path err = fs::path(log_stem.string() + ".err");
    ISMS_TRY_ASSIGN(pid_t pid, Spawn(CommandLine(isms, args), out, err));
    CommandResult result;
    result.exit_code = Reap(pid);
    result.out = ReadFile(out);
    result.err = ReadFile(err);
    return result;
}

Result<ServerProcess> ServerProcess::Start(
    const IsmsCommand& isms,
    const fs::path& data_dir,
    const fs::path& log,
    std::chrono::seconds timeout
) {
    const std::vector<std::string> args{
        "serve", "--data", data_dir.string(), "--listen", "127.0.0.1:0"};
    ISMS_TRY_ASSIGN(pid_t pid, Spawn(CommandLine(isms, args), log, log));
    ServerProcess server(pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (const unsigned short port = ServingPort(ReadFile(log)); port != 0) {
            server.port_ = port;
            return server;
        }
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            server.pid_ = -1;
            return Error::Internal(
                "isms serve ended before serving (status " + std::to_string(status)
                + "); the end of its log:\n" + Tail(log, 20)
            );
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return Error::Internal(
        "isms serve did not print its address within " + std::to_string(timeout.count())
        + " s; the end of its log:\n" + Tail(log, 20)
    );
}

ServerProcess::ServerProcess(ServerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), port_(other.port_) {}

ServerProcess& ServerProcess::operator=(ServerProcess&& other) noexcept {
    if (this != &other) {
        Kill();
        pid_ = std::exchange(other.pid_, -1);
        port_ = other.port_;
    }
    return *this;
}

ServerProcess::~ServerProcess() {
    Kill();
}

void ServerProcess::Kill() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        static_cast<void>(Reap(pid_));
        pid_ = -1;
    }
}

int ServerProcess::Stop() {
    if (pid_ <= 0) {
        return -1;
    }
    ::kill(pid_, SIGTERM);
    const int code = Reap(pid_);
    pid_ = -1;
    return code;
}

}  // namespace isms::crash
