#include "store/database_url.hpp"

namespace isms::store {

bool IsPostgresUrl(std::string_view url) {
    return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

std::string RedactDatabaseUrl(std::string_view url) {
    std::string out(url);
    const std::size_t scheme = out.find("://");
    if (scheme == std::string::npos) {
        return out;
    }
    const std::size_t authority = scheme + 3;
    const std::size_t path = out.find_first_of("/?", authority);
    const std::size_t at = out.rfind('@', path == std::string::npos ? out.size() : path);
    if (at != std::string::npos && at >= authority) {
        const std::size_t colon = out.find(':', authority);
        if (colon != std::string::npos && colon < at) {
            out.replace(colon + 1, at - colon - 1, "***");
        }
    }
    const std::size_t query = out.find('?');
    for (std::size_t key = query; key != std::string::npos; key = out.find('&', key + 1)) {
        if (out.compare(key + 1, 9, "password=") == 0) {
            const std::size_t value = key + 10;
            const std::size_t end = out.find('&', value);
            out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
        }
    }
    return out;
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
