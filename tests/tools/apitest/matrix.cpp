#include "apitest/matrix.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace isms::apitest {

namespace {

bool IsSpace(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return out;
}

bool IsMethod(std::string_view s) {
    return !s.empty()
           && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// A caller column: `anonymous`, `other_tenant`, `<role>` or `<role>:<scope>`.
bool IsCaller(std::string_view s) {
    const std::size_t colon = s.find(':');
    if (colon == std::string_view::npos) {
        return IsIdentifier(s);
    }
    return IsIdentifier(s.substr(0, colon)) && IsIdentifier(s.substr(colon + 1));
}

/// Reads a line word by word; the rest of the line can be taken whole (a JSON body).
class LineReader {
public:
    explicit LineReader(std::string_view line) : line_(line) {}

    [[nodiscard]] bool AtEnd() {
        SkipSpace();
        return pos_ >= line_.size();
    }
    [[nodiscard]] char Peek() {
        SkipSpace();
        return pos_ < line_.size() ? line_[pos_] : '\0';
    }
    [[nodiscard]] std::string_view PeekWord() {
        const std::size_t saved = pos_;
        const std::string_view word = Word();
        pos_ = saved;
        return word;
    }
    std::string_view Word() {
        SkipSpace();
        const std::size_t start = pos_;
        while (pos_ < line_.size() && !IsSpace(line_[pos_])) {
            ++pos_;
        }
        return line_.substr(start, pos_ - start);
    }
    std::string_view Rest() {
        SkipSpace();
        const std::string_view rest = line_.substr(pos_);
        pos_ = line_.size();
        return rest;
    }

private:
    void SkipSpace() {
        while (pos_ < line_.size() && IsSpace(line_[pos_])) {
            ++pos_;
        }
    }

    std::string_view line_;
    std::size_t pos_ = 0;
};

class MatrixParser {
public:
    MatrixParser(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    Result<Matrix> Parse() {
        Matrix matrix;
        matrix.file = file_;
        std::istringstream in{std::string(text_)};
        std::string raw;
        while (std::getline(in, raw)) {
            ++line_;
            if (!raw.empty() && raw.back() == '\r') {
                raw.pop_back();
            }
            const std::string_view line = StripComment(raw);
            LineReader reader(line);
            if (reader.AtEnd() || reader.Peek() == '#') {
                continue;
            }
            ISMS_TRY(ParseLine(reader, matrix));
        }
        if (matrix.columns.empty()) {
            return Fail("no `columns` line");
        }
        if (matrix.rows.empty()) {
            return Fail("no rows");
        }
        return matrix;
    }

private:
    Status ParseLine(LineReader& reader, Matrix& matrix) {
        const std::string_view word = reader.Word();
        if (word == "other_tenant") {
            const std::string_view slug = reader.Word();
            const std::string_view role = reader.Word();
            if (slug.empty() || role.empty() || !reader.AtEnd()) {
                return Fail("usage: other_tenant <slug> <role>");
            }
            matrix.other_tenant = std::string(slug);
            matrix.other_tenant_role = std::string(role);
            return {};
        }
        if (word == "secret") {
            const std::string_view text = reader.Rest();
            if (text.empty()) {
                return Fail("usage: secret <text>");
            }
            matrix.secrets.push_back(Lower(text));
            return {};
        }
        if (word == "columns") {
            if (!matrix.columns.empty()) {
                return Fail("a second `columns` line");
            }
            while (!reader.AtEnd()) {
                const std::string_view caller = reader.Word();
                if (!IsCaller(caller)) {
                    return Fail(
                        "bad column \"" + std::string(caller)
                        + "\" (a role, role:scope, anonymous or other_tenant)"
                    );
                }
                if (std::find(matrix.columns.begin(), matrix.columns.end(), caller)
                    != matrix.columns.end()) {
                    return Fail("column \"" + std::string(caller) + "\" twice");
                }
                matrix.columns.emplace_back(caller);
            }
            if (matrix.columns.empty()) {
                return Fail("usage: columns <caller>…");
            }
            const bool other =
                std::find(matrix.columns.begin(), matrix.columns.end(), kOtherTenantCaller)
                != matrix.columns.end();
            if (other && matrix.other_tenant.empty()) {
                return Fail(
                    "the other_tenant column needs an `other_tenant <slug> <role>` line first"
                );
            }
            return {};
        }
        if (word == "fresh") {
            return ParseFresh(reader, matrix);
        }
        if (IsMethod(word)) {
            return ParseRow(word, reader, matrix);
        }
        return Fail(
            "unknown line \"" + std::string(word)
            + "\" (other_tenant, secret, columns, fresh, or a row: METHOD /pattern statuses…)"
        );
    }

    Status ParseFresh(LineReader& reader, Matrix& matrix) {
        MatrixFresh fresh;
        fresh.line = line_;
        const std::string_view var = reader.Word();
        const std::string_view as = reader.Word();
        const std::string_view caller = reader.Word();
        const std::string_view method = reader.Word();
        const std::string_view target = reader.Word();
        const std::string_view capture = reader.Word();
        const std::string_view path = reader.Word();
        if (!IsIdentifier(var) || as != "as" || !IsCaller(caller) || !IsMethod(method)
            || !target.starts_with('/') || capture != "capture" || !path.starts_with('$')) {
            return Fail(
                "usage: fresh <var> as <caller> <METHOD> <target> capture <$.path> [<json body>]"
            );
        }
        if (auto parsed = ParsePath(path); !parsed) {
            return Fail(parsed.error().message);
        }
        fresh.var = std::string(var);
        fresh.caller = std::string(caller);
        fresh.capture = std::string(path);
        fresh.request.method = std::string(method);
        fresh.request.target = std::string(target);
        ISMS_TRY(ParseHeadersAndBody(reader, fresh.request));
        matrix.fresh.push_back(std::move(fresh));
        return {};
    }

    Status ParseRow(std::string_view method, LineReader& reader, Matrix& matrix) {
        if (matrix.columns.empty()) {
            return Fail("a row before the `columns` line");
        }
        MatrixRow row;
        row.line = line_;
        row.request.method = std::string(method);
        const std::string_view pattern = reader.Word();
        if (!pattern.starts_with('/')) {
            return Fail("a row needs the route pattern after the method");
        }
        row.pattern = std::string(pattern);
        for (const std::string& column : matrix.columns) {
            const std::string_view cell = reader.Word();
            unsigned status = 0;
            const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), status);
            if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size()
                || status < 100 || status > 599) {
                return Fail(
                    "the " + column + " column needs a status from 100 to 599, got \""
                    + std::string(cell) + "\""
                );
            }
            row.statuses.push_back(status);
        }
        if (reader.Peek() == '/') {
            row.request.target = std::string(reader.Word());
        } else if (row.pattern.find('{') != std::string::npos) {
            return Fail("the pattern has {parameters}: give the target to request");
        } else {
            row.request.target = row.pattern;
        }
        ISMS_TRY(ParseHeadersAndBody(reader, row.request));
        matrix.rows.push_back(std::move(row));
        return {};
    }

    Status ParseHeadersAndBody(LineReader& reader, MatrixRequest& request) {
        while (!reader.AtEnd()) {
            const char next = reader.Peek();
            if (next == '{' || next == '[') {
                const std::string_view body = reader.Rest();
                auto placeholders = SubstituteJson(body, PlaceholderLookup());
                if (!placeholders) {
                    return Fail(placeholders.error().message);
                }
                if (auto parsed = ParseJson(*placeholders); !parsed) {
                    return Fail("the body is not JSON: " + parsed.error().message);
                }
                request.body_kind = BodyKind::kJson;
                request.body = std::string(body);
                return {};
            }
            if (reader.PeekWord() == "raw") {
                static_cast<void>(reader.Word());
                request.body_kind = BodyKind::kRaw;
                request.body = std::string(reader.Rest());
                return {};
            }
            const std::string_view header = reader.Word();
            const std::size_t colon = header.find(':');
            if (colon == std::string_view::npos || colon == 0 || colon + 1 == header.size()) {
                return Fail(
                    "unexpected \"" + std::string(header)
                    + "\" (a Header:value, a JSON body, or raw <text>)"
                );
            }
            request.headers.emplace_back(
                Lower(header.substr(0, colon)), std::string(header.substr(colon + 1))
            );
        }
        return {};
    }

    Error Fail(const std::string& message) const {
        return Error::Malformed(file_ + ":" + std::to_string(line_) + ": " + message);
    }

    std::string_view text_;
    const std::string& file_;
    int line_ = 0;
};

bool Uses(const MatrixRequest& request, const std::string& var) {
    const std::string token = "{{" + var + "}}";
    if (request.target.find(token) != std::string::npos
        || request.body.find(token) != std::string::npos) {
        return true;
    }
    return std::any_of(request.headers.begin(), request.headers.end(), [&](const auto& header) {
        return header.second.find(token) != std::string::npos;
    });
}

/// The response body in lower case without the words of the target and the request body that
/// hold a secret: what the caller sent itself, which an answer may repeat ("no framework
/// urn:acme:…").
std::string WithoutEcho(
    std::string_view response_body,
    const http::Request& request,
    const std::vector<std::string>& secrets
) {
    std::string body = Lower(response_body);
    std::vector<std::string> echoes{Lower(request.body)};
    std::string word;
    for (const char c : Lower(request.target) + "/") {
        if (c == '/' || c == '?' || c == '&' || c == '=') {
            echoes.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    for (const std::string& echo : echoes) {
        const bool holds_secret =
            std::any_of(secrets.begin(), secrets.end(), [&echo](const std::string& secret) {
                return echo.find(secret) != std::string::npos;
            });
        if (!holds_secret) {
            continue;
        }
        for (std::size_t at = body.find(echo); at != std::string::npos; at = body.find(echo, at)) {
            body.erase(at, echo.size());
        }
    }
    return body;
}

/// Runs one matrix against a host: callers' tokens are provisioned on first use.
class MatrixRun {
public:
    MatrixRun(const Matrix& matrix, Host& host, const std::string& tenant, const VarLookup& vars)
        : matrix_(matrix), host_(host), tenant_(tenant), vars_(vars) {}

    Result<MatrixOutcome> Run() {
        MatrixOutcome outcome;
        for (const MatrixRow& row : matrix_.rows) {
            std::vector<const MatrixFresh*> fresh;
            for (const MatrixFresh& f : matrix_.fresh) {
                if (Uses(row.request, f.var)) {
                    fresh.push_back(&f);
                }
            }
            for (std::size_t c = 0; c < matrix_.columns.size(); ++c) {
                const std::string& caller = matrix_.columns[c];
                std::map<std::string, std::string> bound;
                for (const MatrixFresh* f : fresh) {
                    ISMS_TRY_ASSIGN(bound[f->var], Fresh(*f, row.line));
                }
                ISMS_TRY_ASSIGN(
                    http::Request request, Build(row.request, caller, Lookup(bound), row.line)
                );
                ISMS_TRY_ASSIGN(http::Response response, host_.Send(request));
                ++outcome.requests;
                std::optional<std::string> problem;
                if (response.status != row.statuses[c]) {
                    problem = "expected " + std::to_string(row.statuses[c]) + ", got "
                              + std::to_string(response.status);
                } else if (caller == kAnonymousCaller || caller == kOtherTenantCaller) {
                    const std::string body = WithoutEcho(response.body, request, matrix_.secrets);
                    for (const std::string& secret : matrix_.secrets) {
                        if (body.find(secret) != std::string::npos) {
                            problem = "the response shows \"" + secret
                                      + "\", data of the organization it may not see";
                            break;
                        }
                    }
                }
                if (problem) {
                    for (auto& [name, value] : request.headers) {
                        if (name == "authorization") {
                            value = "Bearer <token of " + caller + ">";
                        }
                    }
                    outcome.mismatches.push_back(
                        {row.line, caller, *problem, std::move(request), std::move(response)}
                    );
                }
            }
        }
        return outcome;
    }

private:
    [[nodiscard]] VarLookup Lookup(const std::map<std::string, std::string>& bound) const {
        return [&bound, this](std::string_view name) -> std::optional<std::string> {
            if (auto it = bound.find(std::string(name)); it != bound.end()) {
                return it->second;
            }
            return vars_(name);
        };
    }

    [[nodiscard]] Error Fail(int line, const std::string& message) const {
        return Error::Malformed(matrix_.file + ":" + std::to_string(line) + ": " + message);
    }

    Result<std::string> Fresh(const MatrixFresh& fresh, int row_line) {
        const std::map<std::string, std::string> none;
        ISMS_TRY_ASSIGN(
            http::Request request, Build(fresh.request, fresh.caller, Lookup(none), fresh.line)
        );
        ISMS_TRY_ASSIGN(http::Response response, host_.Send(request));
        auto doc = ParseJson(response.body);
        const json::value* value = nullptr;
        if (doc) {
            auto path = ParsePath(fresh.capture);
            value = path ? Resolve(*doc, *path) : nullptr;
        }
        if (response.status < 200 || response.status > 299 || value == nullptr) {
            return Fail(
                fresh.line,
                "fresh " + fresh.var + " (for the row at line " + std::to_string(row_line)
                    + "): " + fresh.request.method + " " + request.target + " answered "
                    + std::to_string(response.status) + " without " + fresh.capture + ": "
                    + response.body
            );
        }
        return CaptureText(*value);
    }

    Result<http::Request> Build(
        const MatrixRequest& spec, const std::string& caller, const VarLookup& lookup, int line
    ) {
        const auto sub = [&](const std::string& text, bool json) -> Result<std::string> {
            auto out = json ? SubstituteJson(text, lookup) : Substitute(text, lookup);
            if (!out) {
                return Fail(line, out.error().message);
            }
            return out;
        };
        http::Request request;
        request.method = spec.method;
        request.remote_address = "127.0.0.1";
        ISMS_TRY_ASSIGN(request.target, sub(spec.target, false));
        for (const auto& [name, value] : spec.headers) {
            ISMS_TRY_ASSIGN(auto substituted, sub(value, false));
            request.headers.emplace_back(name, std::move(substituted));
        }
        if (spec.body_kind != BodyKind::kNone) {
            ISMS_TRY_ASSIGN(request.body, sub(spec.body, spec.body_kind == BodyKind::kJson));
            const bool typed =
                std::any_of(request.headers.begin(), request.headers.end(), [](const auto& header) {
                    return header.first == "content-type";
                });
            if (!typed) {
                request.headers.emplace_back(
                    "content-type",
                    spec.body_kind == BodyKind::kJson ? "application/json" : "text/plain"
                );
            }
        }
        ISMS_TRY_ASSIGN(std::optional<std::string> token, TokenOf(caller, line));
        if (token) {
            request.headers.emplace_back("authorization", "Bearer " + *token);
        }
        return request;
    }

    /// The bearer token a caller sends; nullopt for anonymous.
    Result<std::optional<std::string>> TokenOf(const std::string& caller, int line) {
        if (caller == kAnonymousCaller) {
            return std::optional<std::string>{};
        }
        if (auto it = tokens_.find(caller); it != tokens_.end()) {
            return std::optional<std::string>{it->second};
        }
        std::string token;
        const std::size_t colon = caller.find(':');
        if (caller == kOtherTenantCaller) {
            ISMS_TRY(host_.EnsureTenant(matrix_.other_tenant));
            ISMS_TRY_ASSIGN(token, host_.TokenFor(matrix_.other_tenant, matrix_.other_tenant_role));
        } else if (colon == std::string::npos) {
            ISMS_TRY_ASSIGN(token, host_.TokenFor(tenant_, caller));
        } else {
            ISMS_TRY_ASSIGN(
                token, IssueScopedToken(caller.substr(0, colon), caller.substr(colon + 1), line)
            );
        }
        tokens_[caller] = token;
        return std::optional<std::string>{token};
    }

    /// A token of `scope` for the role's fixture user, issued through the API with its token.
    Result<std::string> IssueScopedToken(
        const std::string& role, const std::string& scope, int line
    ) {
        ISMS_TRY_ASSIGN(std::string base, host_.TokenFor(tenant_, role));
        http::Request request;
        request.method = "POST";
        request.target = "/api/v1/tokens";
        request.remote_address = "127.0.0.1";
        request.headers = {
            {"authorization", "Bearer " + base}, {"content-type", "application/json"}};
        request.body = json::serialize(json::object{{"name", "matrix " + scope}, {"scope", scope}});
        ISMS_TRY_ASSIGN(http::Response response, host_.Send(request));
        auto doc = ParseJsonObject(response.body);
        if (response.status != 201 || !doc || !doc->contains("token")) {
            return Fail(
                line,
                "cannot issue a " + scope + " token to " + role + "@" + tenant_ + ": "
                    + std::to_string(response.status) + " " + response.body
            );
        }
        return std::string(doc->at("token").as_string());
    }

    const Matrix& matrix_;
    Host& host_;
    const std::string& tenant_;
    const VarLookup& vars_;
    std::map<std::string, std::string> tokens_;  // caller → bearer token
};

std::string RouteKey(std::string_view method, std::string_view pattern) {
    return std::string(method) + " " + std::string(pattern);
}

}  // namespace

Result<Matrix> ParseMatrix(std::string_view text, const std::string& file) {
    return MatrixParser(text, file).Parse();
}

Result<Matrix> LoadMatrix(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error::NotFound("cannot read the matrix " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return ParseMatrix(text.str(), path);
}

Result<MatrixOutcome> RunMatrix(
    const Matrix& matrix, Host& host, const std::string& tenant, const VarLookup& vars
) {
    return MatrixRun(matrix, host, tenant, vars).Run();
}

std::vector<std::string> CompareWithRoutes(
    const Matrix& matrix, const std::vector<http::RouteInfo>& routes
) {
    http::Router<int> router;
    std::set<std::string> known;
    for (const http::RouteInfo& route : routes) {
        known.insert(RouteKey(route.method, route.pattern));
        router.Add(route, [](const http::RouteContext&, const int*) { return http::Response{}; });
    }
    std::vector<std::string> problems;
    std::set<std::string> covered;
    for (const MatrixRow& row : matrix.rows) {
        const std::string key = RouteKey(row.request.method, row.pattern);
        const std::string where = matrix.file + ":" + std::to_string(row.line) + ": ";
        if (known.count(key) == 0) {
            problems.push_back(where + key + " is no route of the router");
            continue;
        }
        covered.insert(key);
        auto substituted = Substitute(row.request.target, PlaceholderLookup());
        const std::string target = substituted ? *substituted : row.request.target;
        const std::string path = target.substr(0, target.find('?'));
        const auto match = router.Find(row.request.method, path);
        if (match.route == nullptr || match.route->info.pattern != row.pattern) {
            problems.push_back(
                where + row.request.method + " " + row.request.target + " is routed to "
                + (match.route == nullptr ? std::string("no route") : match.route->info.pattern)
                + ", not " + row.pattern
            );
        }
    }
    for (const http::RouteInfo& route : routes) {
        const std::string key = RouteKey(route.method, route.pattern);
        if (covered.count(key) == 0 && known.count(key) != 0) {
            problems.push_back(
                matrix.file + ": " + key
                + " has no row (add one: docs/testing.md, the permission matrix)"
            );
            known.erase(key);  // a route added twice is reported once
        }
    }
    return problems;
}

}  // namespace isms::apitest
