#include "core/log.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string>

#include "core/clock.hpp"

namespace isms {

namespace {

bool IsSecretName(std::string_view key) {
    static constexpr std::array<std::string_view, 7> kSecretWords = {
        "password", "token", "secret", "key", "cookie", "authorization", "csrf"};
    std::string lower(key);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return std::any_of(kSecretWords.begin(), kSecretWords.end(), [&](std::string_view w) {
        return lower.find(w) != std::string::npos;
    });
}

void Mask(json::object& fields) {
    for (auto& [key, value] : fields) {
        if (IsSecretName(key)) {
            value = "***";
        } else if (value.is_object()) {
            Mask(value.as_object());
        }
    }
}

}  // namespace

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
