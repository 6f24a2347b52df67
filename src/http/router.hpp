// Routes: method + path pattern ("/api/v1/{register}/{id}") → handler. Matching prefers the
// pattern with more literal segments, so "/api/v1/schema" wins over "/api/v1/{register}".
// A path that matches with another method answers 405 with Allow; no match answers 404.
// The route list is also what the permission-matrix check and the OpenAPI document read.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace isms::http {

using PathParams = std::vector<std::pair<std::string, std::string>>;

struct RouteInfo {
    std::string method;
    std::string pattern;
    std::string summary;
    std::string tag;
    bool authenticated = true;  // false: reachable without credentials
};

/// What a handler receives besides the request: path parameters and decoded query.
struct RouteContext {
    const Request& request;
    const Target& target;
    PathParams params;
    std::string_view request_id;

    [[nodiscard]] std::string_view Param(std::string_view name) const;
};

template <class Principal>
using BasicHandler = std::function<Response(const RouteContext&, const Principal*)>;

template <class Principal>
class Router {
public:
    using Handler = BasicHandler<Principal>;

    struct Route {
        RouteInfo info;
        std::vector<std::string> segments;
        Handler handler;
    };

    struct Match {
        const Route* route = nullptr;  // null: see `allowed`
        PathParams params;
        std::vector<std::string> allowed;  // methods that match the path (405 when non-empty)
    };

    void Add(RouteInfo info, Handler handler) {
        Route r;
        r.segments = Split(info.pattern);
        r.info = std::move(info);
        r.handler = std::move(handler);
        routes_.push_back(std::move(r));
    }

    [[nodiscard]] Match Find(std::string_view method, std::string_view path) const {
        Match best;
        int best_score = -1;
        const std::vector<std::string> parts = Split(path);
        for (const Route& r : routes_) {
            PathParams params;
            const int score = Score(r.segments, parts, params);
            if (score < 0) {
                continue;
            }
            if (r.info.method != method) {
                if (std::find(best.allowed.begin(), best.allowed.end(), r.info.method)
                    == best.allowed.end()) {
                    best.allowed.push_back(r.info.method);
                }
                continue;
            }
            if (score > best_score) {
                best_score = score;
                best.route = &r;
                best.params = std::move(params);
            }
        }
        return best;
    }

    [[nodiscard]] std::vector<RouteInfo> Routes() const {
        std::vector<RouteInfo> out;
        for (const auto& r : routes_) {
            out.push_back(r.info);
        }
        return out;
    }

private:
    static std::vector<std::string> Split(std::string_view path) {
        std::vector<std::string> out;
        std::size_t i = 0;
        while (i < path.size()) {
            while (i < path.size() && path[i] == '/') {
                ++i;
            }
            const std::size_t start = i;
            while (i < path.size() && path[i] != '/') {
                ++i;
            }
            if (i > start) {
                out.emplace_back(path.substr(start, i - start));
            }
        }
        return out;
    }

    /// Number of literal segments matched, or -1 when the path does not fit the pattern.
    static int Score(
        const std::vector<std::string>& pattern,
        const std::vector<std::string>& parts,
        PathParams& params
    ) {
        if (pattern.size() != parts.size()) {
            return -1;
        }
        int score = 0;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const std::string& seg = pattern[i];
            if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
                params.emplace_back(seg.substr(1, seg.size() - 2), parts[i]);
            } else if (seg == parts[i]) {
                ++score;
            } else {
                return -1;
            }
        }
        return score;
    }

    std::vector<Route> routes_;
};

}  // namespace isms::http
