#include "http/message.hpp"

#include <boost/url/parse.hpp>
#include <strings.h>

namespace isms::http {

namespace {

std::string_view Find(const HeaderList& headers, std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            return value;
        }
    }
    return {};
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view Request::Header(std::string_view name) const {
    return Find(headers, name);
}

std::string_view Response::Header(std::string_view name) const {
    return Find(headers, name);
}

void Response::SetHeader(std::string_view name, std::string value) {
    for (auto& [key, existing] : headers) {
        if (EqualsIgnoreCase(key, name)) {
            existing = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::string(name), std::move(value));
}

std::optional<Target> ParseTarget(std::string_view target) {
    auto parsed = boost::urls::parse_origin_form(target);
    if (!parsed) {
        return std::nullopt;
    }
    Target out;
    out.path = parsed->path();  // decoded
    for (auto param : parsed->params()) {
        out.query.emplace_back(param.key, param.has_value ? param.value : std::string());
    }
    return out;
}

Response JsonResponse(unsigned status, std::string body) {
    Response r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

}  // namespace isms::http
