// Configuration of one isms process. Each setting has a name, an environment variable
// (ISMS_<NAME>) and a default; the precedence is flags > environment > config file > default.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace isms {

struct Config {
    std::string data_dir = "./isms-data";
    std::string database;  // empty: SQLite <data_dir>/isms.db; else a postgresql:// URL (secret)
    std::string listen = "127.0.0.1:8080";
    int threads = 0;                                     // 0: one per core
    std::int64_t max_body_bytes = 1024 * 1024;           // request body limit
    std::int64_t max_import_bytes = 32 * 1024 * 1024;    // body limit of catalog imports
    std::int64_t max_evidence_bytes = 32 * 1024 * 1024;  // body limit of evidence uploads
    std::int64_t max_header_bytes = 16 * 1024;           // request header limit
    int read_timeout_seconds = 30;                       // whole request must arrive within this
    int idle_timeout_seconds = 60;                       // keep-alive connections close after this
    int session_idle_minutes = 30;
    int session_absolute_hours = 12;
    std::string log_level = "info";
    std::string synchronous = "full";  // SQLite PRAGMA synchronous: full | normal
    int reader_connections = 4;
    std::string tls_cert = {};       // PEM certificate chain; with tls_key, `serve` speaks HTTPS
    std::string tls_key = {};        // PEM private key (mode 0600)
    std::string blob_key_file = {};  // 32-byte key (mode 0600): new evidence blobs are encrypted
    std::string web_root = {};       // the built web UI; empty: web/dist of the source tree built
};

/// Looks up an environment variable; injected so tests do not touch the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

[[nodiscard]] EnvLookup ProcessEnvironment();

/// Builds a Config: defaults, then the JSON config file (if `file` is non-empty or ISMS_CONFIG
/// names one), then ISMS_* variables, then `flags` (setting name → value, e.g. "data").
/// Errors name the setting and where it came from.
[[nodiscard]] Result<Config> LoadConfig(
    const std::string& file, const EnvLookup& env, const std::map<std::string, std::string>& flags
);

}  // namespace isms
