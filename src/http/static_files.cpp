#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "http/problem.hpp"

namespace isms::http {

namespace {

constexpr std::string_view kAssetsPrefix = "/assets/";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

/// A segment that could leave the root or reach a file the build did not emit on purpose.
bool Refused(std::string_view segment) {
    return segment.starts_with('.') || segment.find('\\') != std::string_view::npos
           || segment.find('\0') != std::string_view::npos;
}

/// Reads a regular file; false when it is not one or cannot be read.
bool ReadFile(const std::filesystem::path& file, std::string& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return false;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out = std::move(text).str();
    return true;
}

Response FileResponse(std::string body, std::string_view name, std::string_view cache_control) {
    Response r;
    r.headers.emplace_back("Content-Type", std::string(ContentTypeFor(name)));
    r.headers.emplace_back("Cache-Control", std::string(cache_control));
    r.body = std::move(body);
    return r;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

bool StaticFiles::Owns(std::string_view path) {
    return !(
        path == "/api" || path.starts_with("/api/") || path == "/metrics"
        || path.starts_with("/metrics/") || path.starts_with("/health")
    );
}

Response StaticFiles::Serve(std::string_view path, std::string_view request_id) const {
    std::filesystem::path file = root_;
    std::string_view name;
    std::size_t pos = 0;
    while (pos < path.size()) {
        const std::size_t end = std::min(path.find('/', pos), path.size());
        const std::string_view segment = path.substr(pos, end - pos);
        if (!segment.empty()) {
            if (Refused(segment)) {
                return ProblemResponse(
                    404, "not-found", "no file " + std::string(path), request_id
                );
            }
            file /= std::string(segment);
            name = segment;
        }
        pos = end + 1;
    }
    std::string body;
    if (!name.empty() && ReadFile(file, body)) {
        const bool hashed = path.starts_with(kAssetsPrefix);
        return FileResponse(
            std::move(body),
            name,
            hashed ? kImmutable : (name == "index.html" ? "no-store" : "no-cache")
        );
    }
    if (path.starts_with(kAssetsPrefix)) {  // a script or style must never be answered with HTML
        return ProblemResponse(404, "not-found", "no file " + std::string(path), request_id);
    }
    if (!ReadFile(root_ / "index.html", body)) {
        return ProblemResponse(
            404,
            "not-found",
            "the web UI is not built: no " + (root_ / "index.html").string()
                + " (run `make build`, or set web_root)",
            request_id
        );
    }
    return FileResponse(std::move(body), "index.html", "no-store");
}

std::string_view ContentTypeFor(std::string_view file_name) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kTypes{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
    }};
    for (const auto& [extension, type] : kTypes) {
        if (file_name.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

}  // namespace isms::http
