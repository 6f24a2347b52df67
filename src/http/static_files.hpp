// The built web UI (web/dist) served from a directory: hashed assets cached for a year, the page
// itself never, and index.html for every other path the UI owns, so hash routes and reloads work
// (single-page fallback). Paths of the API and the system endpoints are never answered here.
#pragma once

#include <filesystem>
#include <string_view>

#include "http/message.hpp"

namespace isms::http {

class StaticFiles {
public:
    /// `root` holds index.html and assets/ (Vite's output); it may not exist (UI not built).
    explicit StaticFiles(std::filesystem::path root);

    /// True for paths the UI may answer: not /api/…, /metrics, /healthz or /health….
    [[nodiscard]] static bool Owns(std::string_view path);

    /// The answer to GET of a decoded path the UI owns: the file, index.html, or a problem+json
    /// 404 (a missing asset, a path with `..` or a hidden segment, no UI built).
    [[nodiscard]] Response Serve(std::string_view path, std::string_view request_id) const;

private:
    std::filesystem::path root_;
};

/// The Content-Type for a file name's extension (application/octet-stream when unknown).
[[nodiscard]] std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace isms::http
