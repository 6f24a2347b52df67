// The real `isms` binary, started the way an operator starts it: one-shot commands (init, token
// create, ledger verify) run to completion with their output captured, and `isms serve` on a
// port the system picks, ended by SIGKILL (the crash) or SIGTERM (a clean stop).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

#include "core/error.hpp"

namespace isms::crash {

/// How to run isms: the binary and the arguments appended to every command (for example the
/// flags that point it at another database engine). ISMS_* variables of the harness's own
/// environment reach every command too.
struct IsmsCommand {
    std::string binary;
    std::vector<std::string> extra_args;
};

struct CommandResult {
    int exit_code = 0;  // 128 + signal number when the command was killed by a signal
    std::string out;    // standard output
    std::string err;    // standard error
};

/// Runs `binary args… extra_args…` and waits for it. Its standard output and error go to
/// `<log_stem>.out` and `<log_stem>.err`, which are read back into the result.
[[nodiscard]] Result<CommandResult> RunIsms(
    const IsmsCommand& isms,
    const std::vector<std::string>& args,
    const std::filesystem::path& log_stem
);

/// One `isms serve --data DIR --listen 127.0.0.1:0` process.
class ServerProcess {
public:
    /// Starts the server with standard output and error in `log` and waits up to `timeout` for
    /// its "serving http://127.0.0.1:PORT/" line. Fails, with the log's tail, when the process
    /// ends first or the line does not come.
    [[nodiscard]] static Result<ServerProcess> Start(
        const IsmsCommand& isms,
        const std::filesystem::path& data_dir,
        const std::filesystem::path& log,
        std::chrono::seconds timeout
    );

    ServerProcess(ServerProcess&& other) noexcept;
    ServerProcess& operator=(ServerProcess&& other) noexcept;
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    /// Kills the process if it still runs: a failing harness leaves no server behind.
    ~ServerProcess();

    [[nodiscard]] unsigned short port() const { return port_; }

    /// SIGKILL, then reaps the process: nothing in it runs after this returns.
    void Kill();

    /// SIGTERM, then waits for the graceful stop; returns the exit code.
    [[nodiscard]] int Stop();

private:
    ServerProcess(pid_t pid, unsigned short port) : pid_(pid), port_(port) {}

    pid_t pid_ = -1;
    unsigned short port_ = 0;
};

/// The last `lines` lines of a text file, for failure messages.
[[nodiscard]] std::string Tail(const std::filesystem::path& file, std::size_t lines);

/// The whole content of a file ("" when it cannot be read).
[[nodiscard]] std::string ReadFile(const std::filesystem::path& file);

}  // namespace isms::crash
