#include "core/config.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/json.hpp"

namespace isms {

namespace {

struct Setting {
    const char* name;  // flag and file key; the environment variable is ISMS_<NAME upper-cased>
    std::function<Status(Config&, const std::string&)> apply;
};

Status ParseInt(const std::string& text, std::int64_t min, std::int64_t max, std::int64_t& out) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || v < min || v > max) {
        return Error::Invalid(
            "",
            "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max)
                + ", got '" + text + "'"
        );
    }
    out = v;
    return {};
}

template <class T>
Setting IntSetting(const char* name, T Config::*member, std::int64_t min, std::int64_t max) {
    return {name, [member, min, max](Config& c, const std::string& text) -> Status {
                std::int64_t v = 0;
                ISMS_TRY(ParseInt(text, min, max, v));
                c.*member = static_cast<T>(v);
                return {};
            }};
}

Setting StringSetting(const char* name, std::string Config::*member) {
    return {name, [member](Config& c, const std::string& text) -> Status {
                c.*member = text;
                return {};
            }};
}

const std::vector<Setting>& Settings() {
    static const std::vector<Setting> kSettings = {
        StringSetting("data", &Config::data_dir),
        {"database",
         [](Config& c, const std::string& text) -> Status {
             // The URL may hold a password: the error must not echo it.
             if (!text.empty() && !text.starts_with("postgresql://")
                 && !text.starts_with("postgres://")) {
                 return Error::Invalid(
                     "", "expected empty (SQLite in the data directory) or a postgresql:// URL"
                 );
             }
             c.database = text;
             return {};
         }},
        StringSetting("listen", &Config::listen),
        IntSetting("threads", &Config::threads, 0, 256),
        IntSetting("max_body_bytes", &Config::max_body_bytes, 1024, std::int64_t{1} << 32),
        IntSetting("max_import_bytes", &Config::max_import_bytes, 1024, std::int64_t{1} << 32),
        IntSetting("max_evidence_bytes", &Config::max_evidence_bytes, 1024, std::int64_t{1} << 32),
        IntSetting("max_header_bytes", &Config::max_header_bytes, 1024, 1024 * 1024),
        IntSetting("read_timeout_seconds", &Config::read_timeout_seconds, 1, 3600),
        IntSetting("idle_timeout_seconds", &Config::idle_timeout_seconds, 1, 86400),
        IntSetting("session_idle_minutes", &Config::session_idle_minutes, 1, 1440),
        IntSetting("session_absolute_hours", &Config::session_absolute_hours, 1, 720),
        IntSetting("reader_connections", &Config::reader_connections, 1, 64),
        StringSetting("tls_cert", &Config::tls_cert),
        StringSetting("tls_key", &Config::tls_key),
        StringSetting("blob_key_file", &Config::blob_key_file),
        StringSetting("web_root", &Config::web_root),
        {"log_level",
         [](Config& c, const std::string& text) -> Status {
             static const std::vector<std::string> kLevels = {
                 "debug", "info", "notice", "warning", "error", "critical"};
             if (std::find(kLevels.begin(), kLevels.end(), text) == kLevels.end()) {
                 return Error::Invalid("", "expected debug|info|notice|warning|error|critical");
             }
             c.log_level = text;
             return {};
         }},
        {"synchronous",
         [](Config& c, const std::string& text) -> Status {
             if (text != "full" && text != "normal") {
                 return Error::Invalid("", "expected full|normal");
             }
             c.synchronous = text;
             return {};
         }},
    };
    return kSettings;
}

std::string EnvName(const char* name) {
    std::string env = "ISMS_";
    for (const char* p = name; *p != '\0'; ++p) {
        env.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(*p))));
    }
    return env;
}

Status Apply(Config& config, const Setting& s, const std::string& value, const std::string& from) {
    auto applied = s.apply(config, value);
    if (!applied) {
        return Error::Invalid(
            s.name, applied.error().fields.at(0).message + " (from " + from + ")"
        );
    }
    return {};
}

}  // namespace

EnvLookup ProcessEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read-only
        if (v == nullptr) {
            return std::nullopt;
        }
        return std::string(v);
    };
}

Result<Config> LoadConfig(
    const std::string& file, const EnvLookup& env, const std::map<std::string, std::string>& flags
) {
    Config config;
    std::string path = file;
    if (path.empty()) {
        path = env("ISMS_CONFIG").value_or("");
    }
    if (!path.empty()) {
        std::ifstream in(path);
        if (!in) {
            return Error::Invalid("config", "cannot read config file " + path);
        }
        std::stringstream text;
        text << in.rdbuf();
        auto parsed = ParseJsonObject(text.str());
        if (!parsed) {
            return Error::Invalid("config", path + ": " + parsed.error().message);
        }
        for (const auto& [key, value] : *parsed) {
            // Bindings are captured by name: clang 14 (make fuzz) cannot capture them implicitly.
            auto it =
                std::find_if(Settings().begin(), Settings().end(), [&key = key](const Setting& s) {
                    return key == s.name;
                });
            if (it == Settings().end()) {
                return Error::Invalid(std::string(key), "unknown setting in " + path);
            }
            std::string text_value =
                value.is_string() ? std::string(value.get_string()) : json::serialize(value);
            ISMS_TRY(Apply(config, *it, text_value, path));
        }
    }
    for (const auto& s : Settings()) {
        if (auto v = env(EnvName(s.name))) {
            ISMS_TRY(Apply(config, s, *v, EnvName(s.name)));
        }
    }
    for (const auto& [name, value] : flags) {
        auto it =
            std::find_if(Settings().begin(), Settings().end(), [&name = name](const Setting& s) {
                return name == s.name;
            });
        if (it == Settings().end()) {
            return Error::Invalid(name, "unknown setting");
        }
        ISMS_TRY(Apply(config, *it, value, "--" + name));
    }
    return config;
}

}  // namespace isms
