// What a scenario runs against. The in-process host owns an App on a fresh temporary data
// directory with a FixedClock (milliseconds per file, under the sanitizers); the socket host
// sends requests to a running `isms serve` and cannot move its clock or restart it, so those
// directives report kSkipped there. Fixtures (tenants, users, tokens) go through App in both.
#pragma once

#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/message.hpp"

namespace isms::apitest {

/// Whether a directive ran or this host cannot perform it (reported as a note, not a failure).
enum class Done { kRan, kSkipped };

struct CliOutput {
    int exit_code = 0;
    std::string out;
    std::string err;
};

class Host {
public:
    virtual ~Host() = default;

    /// Sends one request; an error only for transport failures (an HTTP error is a Response).
    [[nodiscard]] virtual Result<http::Response> Send(const http::Request& request) = 0;
    [[nodiscard]] virtual Result<Done> SetClock(Timestamp now) = 0;
    [[nodiscard]] virtual Result<Done> AdvanceClock(std::chrono::seconds by) = 0;
    /// Closes and reopens the store (and the in-process server).
    [[nodiscard]] virtual Result<Done> Restart() = 0;
    /// Runs `isms ledger verify` on the data directory; an error carries the CLI's output.
    [[nodiscard]] virtual Result<Done> VerifyLedger() = 0;
    /// Fault injection: changes the stored evidence file with this SHA-256 in the data
    /// directory, as tampering or disk corruption would.
    [[nodiscard]] virtual Result<Done> TamperBlob(const std::string& sha256) = 0;
    /// Checks how the evidence file with this SHA-256 is stored: encrypted (the sealed format)
    /// or plain; an error says which it is instead, or that it is missing.
    [[nodiscard]] virtual Result<Done> CheckBlob(const std::string& sha256, bool encrypted) = 0;
    /// Sets a configuration setting (`blob_key_file`, …; an empty value removes it) for the
    /// app from now on and reopens it; errors are LoadConfig's (they name the setting).
    [[nodiscard]] virtual Result<Done> ApplySetting(
        const std::string& name, const std::string& value
    ) = 0;
    /// Runs `isms <args…>` in process (args exclude the program name).
    [[nodiscard]] virtual CliOutput RunCli(const std::vector<std::string>& args) = 0;
    /// Makes sure the tenant with this slug exists.
    [[nodiscard]] virtual Status EnsureTenant(const std::string& slug) = 0;
    /// The bearer token of the fixture user `<role>@<slug>.test`, provisioned on first use.
    [[nodiscard]] virtual Result<std::string> TokenFor(
        const std::string& tenant, const std::string& role
    ) = 0;
    /// The data directory ({{data_dir}} in scenarios); empty when unknown.
    [[nodiscard]] virtual std::string DataDir() const = 0;
    /// The time the host's services see ({{totp secret}} codes are computed at it).
    [[nodiscard]] virtual Timestamp Now() const { return SystemClock().Now(); }
};

/// A host on a fresh directory under $TMPDIR (or /tmp), removed on destruction unless `keep`.
/// With `postgres_url` (a server, e.g. ISMS_TEST_POSTGRES) the store is a fresh database
/// created on that server and dropped on destruction unless `keep`.
[[nodiscard]] Result<std::unique_ptr<Host>> OpenInProcessHost(
    bool keep, const std::string& postgres_url = ""
);

/// A host talking to `base_url` ("http://127.0.0.1:8080"); `data_dir` is the server's data
/// directory, needed for fixtures and `ledger verify` (may be empty otherwise).
[[nodiscard]] Result<std::unique_ptr<Host>> OpenSocketHost(
    const std::string& base_url, const std::string& data_dir
);

}  // namespace isms::apitest
