#include "core/log.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string>

#include "core/clock.hpp"

namespace isms {

namespace {

constexpr std::string_view kMasked = "***";
// API tokens are "isms_" and 43 base64url characters; shorter runs are names (isms_manager).
constexpr std::size_t kMinTokenLength = 32;

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return lower;
}

bool IsSecretName(std::string_view key) {
    static constexpr std::array<std::string_view, 10> kSecretWords = {
        "password",
        "passphrase",
        "token",
        "secret",
        "key",
        "cookie",
        "authorization",
        "csrf",
        "credential",
        "dsn"};
    const std::string lower = Lower(key);
    return std::any_of(kSecretWords.begin(), kSecretWords.end(), [&](std::string_view w) {
        return lower.find(w) != std::string::npos;
    });
}

bool IsTokenChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.'
           || c == '~' || c == '+' || c == '/' || c == '=';
}

/// Replaces the secret after each `marker` (case-insensitive) with ***: the run of token
/// characters (when at least `min_length` long), or everything up to one of `stop`.
void MaskAfter(
    std::string& text, std::string_view marker, std::size_t min_length, std::string_view stop = {}
) {
    std::string lower = Lower(text);
    std::size_t from = 0;
    for (;;) {
        const std::size_t at = lower.find(marker, from);
        if (at == std::string::npos) {
            return;
        }
        const std::size_t begin = at + marker.size();
        std::size_t end = begin;
        if (stop.empty()) {
            while (end < text.size() && IsTokenChar(text[end])) {
                ++end;
            }
        } else {
            end = std::min(text.find_first_of(stop, begin), text.size());
        }
        from = begin;
        if (end > begin && end - begin >= min_length
            && text.compare(begin, end - begin, kMasked) != 0) {
            text.replace(begin, end - begin, kMasked);
            lower = Lower(text);
            from = begin + kMasked.size();
        }
    }
}

/// user:password@ in URLs (postgresql://isms:hunter2@db/isms).
void MaskUrlPasswords(std::string& text) {
    std::size_t from = 0;
    for (;;) {
        const std::size_t scheme = text.find("://", from);
        if (scheme == std::string::npos) {
            return;
        }
        const std::size_t authority = scheme + 3;
        const std::size_t end = std::min(text.find_first_of("/?# \t\"'", authority), text.size());
        const std::size_t at = text.rfind('@', end);
        const std::size_t colon = text.find(':', authority);
        if (at != std::string::npos && at >= authority && at < end && colon < at) {
            text.replace(colon + 1, at - colon - 1, kMasked);
            from = colon + 1 + kMasked.size();
        } else {
            from = authority;
        }
    }
}

void Mask(json::value& value);

void Mask(json::object& fields) {
    for (auto& [key, value] : fields) {
        if (IsSecretName(key) && !value.is_null()) {
            value = kMasked;
        } else {
            Mask(value);
        }
    }
}

void Mask(json::value& value) {
    if (value.is_object()) {
        Mask(value.as_object());
    } else if (value.is_array()) {
        for (auto& item : value.as_array()) {
            Mask(item);
        }
    } else if (value.is_string()) {
        const std::string masked = MaskSecretsInText(value.as_string());
        if (masked != value.as_string()) {
            value = masked;
        }
    }
}

}  // namespace

std::string MaskSecretsInText(std::string_view text) {
    std::string out(text);
    MaskUrlPasswords(out);
    MaskAfter(out, "bearer ", 1);
    MaskAfter(out, "isms_session=", 1, "; ,\"'");
    MaskAfter(out, "password=", 1, " &;,\"'");
    MaskAfter(out, "isms_", kMinTokenLength);  // API tokens; not role names like isms_manager
    return out;
}

const char* SeverityName(Severity s) {
    switch (s) {
        case Severity::kDebug:
            return "debug";
        case Severity::kInfo:
            return "info";
        case Severity::kNotice:
            return "notice";
        case Severity::kWarning:
            return "warning";
        case Severity::kError:
            return "error";
        case Severity::kCritical:
            return "critical";
    }
    return "info";
}

bool ParseSeverity(std::string_view text, Severity& out) {
    for (Severity s :
         {Severity::kDebug,
          Severity::kInfo,
          Severity::kNotice,
          Severity::kWarning,
          Severity::kError,
          Severity::kCritical}) {
        if (text == SeverityName(s)) {
            out = s;
            return true;
        }
    }
    return false;
}

void Logger::Log(Severity s, std::string_view event, json::object fields) {
    if (!Enabled(s)) {
        return;
    }
    Mask(fields);
    json::object line;
    line["time"] = FormatTimestamp(SystemClock{}.Now());
    line["severity"] = SeverityName(s);
    line["event"] = event;
    for (auto& [key, value] : fields) {
        line[key] = std::move(value);
    }
    std::string text = json::serialize(line);
    text.push_back('\n');
    const std::lock_guard lock(mutex_);
    std::fwrite(text.data(), 1, text.size(), sink_);
    std::fflush(sink_);
}

Logger& Log() {
    static Logger logger;
    return logger;
}

}  // namespace isms
