// Log-on, log-off, the caller's identity, API tokens and organization members.
#include "core/crypto.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"
#include "iam/permission.hpp"

namespace isms::http {

namespace {

/// The session cookie: HttpOnly, SameSite=Strict, and Secure when the request came over TLS
/// (a browser then never sends it over plain HTTP).
std::string SessionCookie(const RouteContext& ctx, const std::string& value) {
    std::string cookie = "isms_session=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (ctx.request.tls) {
        cookie += "; Secure";
    }
    return cookie;
}

/// The caller as /auth/me and log-on answer it: user, organization (id and name), role.
Result<json::object> Me(Services& s, const iam::Principal& p) {
    ISMS_TRY_ASSIGN(const auto tenant, s.iam.GetTenant(p.tenant));
    return json::object{
        {"user", json::object{{"id", p.user.value}, {"email", p.email}}},
        {"organization", p.tenant.value},
        {"organization_name", tenant.name},
        {"role", iam::RoleName(p.role)},
        {"via", p.via == iam::Via::kToken ? "token" : "session"},
        {"mfa_enrolment_required", p.mfa_enrolment_only}};
}

Result<json::object> IssueToken(Services& s, const RouteContext& ctx, const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
    ISMS_TRY(OnlyKnownMembers(body, {"name", "scope", "expires_at"}));
    ISMS_TRY_ASSIGN(auto name, RequiredString(body, "name"));
    auto scope = iam::ParseTokenScope(StringOr(body, "scope", "read_write"));
    if (!scope) {
        return Error::Invalid("scope", "must be read, read_write or admin");
    }
    std::optional<Timestamp> expires;
    if (const auto* e = body.if_contains("expires_at"); e != nullptr && !e->is_null()) {
        expires = e->is_string() ? ParseTimestamp(e->get_string()) : std::nullopt;
        if (!expires) {
            return Error::Invalid("expires_at", "must be an RFC 3339 date-time");
        }
    }
    ISMS_TRY_ASSIGN(auto issued, s.iam.CreateToken(who, name, *scope, expires));
    return json::object{
        {"id", issued.id},
        {"name", issued.name},
        {"token", issued.token},
        {"scope", iam::TokenScopeName(issued.scope)},
        {"expires_at", expires ? json::value(FormatTimestamp(*expires)) : json::value(nullptr)}};
}

Result<json::object> AddMember(Services& s, const RouteContext& ctx, const iam::Principal& who) {
    ISMS_TRY(iam::RequireAdmin(who));
    ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
    ISMS_TRY(OnlyKnownMembers(body, {"email", "name", "password", "role"}));
    ISMS_TRY_ASSIGN(auto email, RequiredString(body, "email"));
    auto role = iam::ParseRole(StringOr(body, "role"));
    if (!role) {
        return Error::Invalid(
            "role", "must be admin, isms_manager, risk_owner, control_owner, auditor or reader"
        );
    }
    ISMS_TRY_ASSIGN(
        UserId user,
        s.iam.EnsureUser(
            who.AsActor(),
            email,
            std::string(StringOr(body, "name")),
            std::string(StringOr(body, "password"))
        )
    );
    ISMS_TRY(s.iam.SetMembership(who.AsActor(), who.tenant, user, *role));
    return json::object{{"id", user.value}, {"email", email}, {"role", iam::RoleName(*role)}};
}

}  // namespace

void AppendAuthRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"POST",
         "/api/v1/auth/login",
         "Log on with e-mail, password and, with MFA, a code; sets the session cookie",
         "auth",
         false},
        [&s](const RouteContext& ctx, const iam::Principal*) {
            std::string cookie;
            auto result = [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                ISMS_TRY(OnlyKnownMembers(body, {"email", "password", "code", "organization"}));
                ISMS_TRY_ASSIGN(auto email, RequiredString(body, "email"));
                ISMS_TRY_ASSIGN(auto password, RequiredString(body, "password"));
                ISMS_TRY_ASSIGN(
                    auto login,
                    s.iam.Login(
                        email,
                        password,
                        std::string(StringOr(body, "code")),
                        std::string(StringOr(body, "organization")),
                        ctx.request.remote_address
                    )
                );
                cookie = SessionCookie(ctx, login.session_token);
                ISMS_TRY_ASSIGN(json::object out, Me(s, login.principal));
                out["csrf_token"] = login.principal.csrf_token;
                out["previous_login_at"] = login.previous_login
                                               ? json::value(FormatTimestamp(*login.previous_login))
                                               : json::value(nullptr);
                return out;
            }();
            Response r = Render(ctx, result);
            if (result) {
                r.headers.emplace_back("Set-Cookie", cookie);
            }
            return r;
        }
    );
    router.Add(
        {"POST", "/api/v1/auth/logout", "End the cookie session", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            auto result = [&]() -> Result<json::object> {
                ISMS_TRY(s.iam.Logout(*who));
                return json::object{{"logged_out", true}};
            }();
            Response r = Render(ctx, result);
            if (result) {
                r.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "") + "; Max-Age=0");
            }
            return r;
        }
    );
    router.Add(
        {"GET", "/api/v1/auth/me", "Who the caller is", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, Me(s, *who));
        }
    );
    router.Add(
        {"GET", "/api/v1/tokens", "List API tokens (admins: all of the organization)", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto tokens, s.iam.ListTokens(*who));
                return json::object{{"items", std::move(tokens)}};
            }());
        }
    );
    router.Add(
        {"POST", "/api/v1/tokens", "Issue an API token (shown once)", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, IssueToken(s, ctx, *who), 201);
        }
    );
    router.Add(
        {"DELETE", "/api/v1/tokens/{id}", "Revoke an API token", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY(s.iam.RevokeToken(*who, id));
                return json::object{{"revoked", true}};
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/auth/sessions", "The caller's live log-on sessions", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto sessions, s.iam.ListSessions(*who));
                return json::object{{"items", std::move(sessions)}};
            }());
        }
    );
    router.Add(
        {"DELETE", "/api/v1/auth/sessions/{id}", "End one of the caller's sessions", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY(s.iam.RevokeSession(*who, id));
                return json::object{{"revoked", true}};
            }());
        }
    );
    router.Add(
        {"DELETE",
         "/api/v1/members/{id}/sessions",
         "End every session a member has in the organization (admin)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY_ASSIGN(auto ended, s.iam.RevokeUserSessions(*who, UserId{id}));
                return json::object{{"revoked", ended}};
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/security-events",
         "Log-ons, refused permissions, ended sessions, role, token and MFA changes, from the "
         "ledger (admins and auditors; limit, offset)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY(OnlyKnownQuery(ctx, {"limit", "offset"}));
                ISMS_TRY_ASSIGN(auto limit, QueryInt(ctx, "limit", 100));
                ISMS_TRY_ASSIGN(auto offset, QueryInt(ctx, "offset", 0));
                return s.iam.SecurityEvents(*who, limit, offset);
            }());
        }
    );
    router.Add(
        {"GET", "/api/v1/members", "Members of the organization and their roles", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto members, s.iam.ListMembers(who->tenant));
                return json::object{{"items", std::move(members)}};
            }());
        }
    );
    router.Add(
        {"POST", "/api/v1/members", "Add a user to the organization with a role (admin)", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, AddMember(s, ctx, *who), 201);
        }
    );
}

}  // namespace isms::http
