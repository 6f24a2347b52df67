#include "store/database_url.hpp"

#include <utility>
#include <vector>

namespace isms::store {

namespace {

/// Where the passwords of a URL are: after `user:` in the authority and in `password=`
/// query parameters, as (offset, length).
std::vector<std::pair<std::size_t, std::size_t>> PasswordSpans(std::string_view url) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return spans;
    }
    const std::size_t authority = scheme + 3;
    const std::size_t path = url.find_first_of("/?", authority);
    const std::size_t at = url.rfind('@', path == std::string_view::npos ? url.size() : path);
    if (at != std::string_view::npos && at >= authority) {
        const std::size_t colon = url.find(':', authority);
        if (colon != std::string_view::npos && colon < at) {
            spans.emplace_back(colon + 1, at - colon - 1);
        }
    }
    const std::size_t query = url.find('?');
    for (std::size_t key = query; key != std::string_view::npos; key = url.find('&', key + 1)) {
        if (url.compare(key + 1, 9, "password=") == 0) {
            const std::size_t value = key + 10;
            const std::size_t end = url.find('&', value);
            spans.emplace_back(value, (end == std::string_view::npos ? url.size() : end) - value);
        }
    }
    return spans;
}

}  // namespace

bool IsPostgresUrl(std::string_view url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string RedactDatabaseUrl(std::string_view url) {
    std::string out;
    std::size_t copied = 0;
    for (const auto& [offset, length] : PasswordSpans(url)) {
        out.append(url.substr(copied, offset - copied)).append("***");
        copied = offset + length;
    }
    out.append(url.substr(copied));
    return out;
}

std::string RedactPasswordIn(std::string text, std::string_view url) {
    for (const auto& [offset, length] : PasswordSpans(url)) {
        const std::string password(url.substr(offset, length));
        if (password.empty()) {
            continue;
        }
        for (std::size_t at = text.find(password); at != std::string::npos;
             at = text.find(password, at + 3)) {
            text.replace(at, password.size(), "***");
        }
    }
    return text;
}

std::string WithDatabaseName(std::string_view url, std::string_view name) {
    const std::size_t scheme = url.find("://");
    const std::size_t authority = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t path = url.find_first_of("/?", authority);
    std::string out(url.substr(0, path));
    out.append("/").append(name);
    if (path != std::string_view::npos) {
        const std::size_t query = url.find('?', path);
        if (query != std::string_view::npos) {
            out.append(url.substr(query));
        }
    }
    return out;
}

}  // namespace isms::store
