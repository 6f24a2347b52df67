// Structured logging: one JSON object per line on stderr, with UTC time, severity and event
// name. Secrets are masked centrally before a line is written, whatever the caller passes:
// members named like secrets (password, passphrase, token, secret, key, cookie, authorization,
// csrf, credential, dsn) at any depth, and inside every other string the password of a
// URL (postgresql://user:***@host), "password=…" pairs, bearer tokens, session cookies and
// isms API tokens.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace isms {

enum class Severity { kDebug, kInfo, kNotice, kWarning, kError, kCritical };

[[nodiscard]] const char* SeverityName(Severity s);
/// Parses "debug", "info", … ; nullopt-like false when unknown.
[[nodiscard]] bool ParseSeverity(std::string_view text, Severity& out);

/// The masking the logger applies to every string value (exposed for tests and for text that
/// leaves the process by other ways, such as error messages shown to operators).
[[nodiscard]] std::string MaskSecretsInText(std::string_view text);

class Logger {
public:
    explicit Logger(std::FILE* sink = stderr, Severity min = Severity::kInfo)
        : sink_(sink), min_(min) {}

    void SetMinimum(Severity min) { min_ = min; }
    [[nodiscard]] bool Enabled(Severity s) const { return s >= min_; }
    void Log(Severity s, std::string_view event, json::object fields = {});

private:
    std::FILE* sink_;
    Severity min_;
    std::mutex mutex_;
};

/// The process logger. Configured once by the app at start-up.
Logger& Log();

}  // namespace isms
