// Log-on, log-off, the caller's identity, API tokens and organization members.
#include "core/crypto.hpp"
#include "iam/permission.hpp"
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

json::object Me(const iam::Principal& p) {
    return json::object{{"user", json::object{{"id", p.user.value}, {"email", p.email}}},
                        {"organization", p.tenant.value},
                        {"role", iam::RoleName(p.role)},
                        {"via", p.via == iam::Via::kToken ? "token" : "session"}};
}

Result<std::string> RequiredString(const json::object& body, std::string_view key) {
    const json::value* v = body.if_contains(key);
    if (v == nullptr || !v->is_string() || v->get_string().empty()) {
        return Error::Invalid(std::string(key), "is required");
    }
    return std::string(v->get_string());
}

Status OnlyMembers(const json::object& body, std::initializer_list<std::string_view> allowed) {
    std::vector<FieldError> errors;
    for (const auto& [key, value] : body) {
        if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end()) {
            errors.push_back({std::string(key), "unknown field"});
        }
    }
    if (!errors.empty()) {
        return Error::Invalid(std::move(errors));
    }
    return {};
}

}  // namespace

void AppendAuthRoutes(ApiRouter& router, Services& s) {
    router.Add({"POST", "/api/v1/auth/login", "Log on with e-mail and password; sets the session cookie", "auth", false},
               [&s](const RouteContext& ctx, const iam::Principal*) {
                   auto body = JsonBody(ctx);
                   if (!body) {
                       return RenderError(ctx, body.error());
                   }
                   if (auto ok = OnlyMembers(*body, {"email", "password", "organization"}); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   auto email = RequiredString(*body, "email");
                   auto password = RequiredString(*body, "password");
                   if (!email || !password) {
                       return RenderError(ctx, !email ? email.error() : password.error());
                   }
                   auto login = s.iam.Login(*email, *password, std::string(StringOr(*body, "organization")),
                                            ctx.request.remote_address);
                   if (!login) {
                       return RenderError(ctx, login.error());
                   }
                   json::object out = Me(login->principal);
                   out["csrf_token"] = login->principal.csrf_token;
                   out["previous_login_at"] = login->previous_login ? json::value(FormatTimestamp(*login->previous_login))
                                                                    : json::value(nullptr);
                   Response r = JsonResponse(200, json::serialize(out));
                   r.headers.emplace_back("Set-Cookie", "isms_session=" + login->session_token
                                                            + "; Path=/; HttpOnly; SameSite=Strict");
                   return r;
               });
    router.Add({"POST", "/api/v1/auth/logout", "End the cookie session", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   if (auto ok = s.iam.Logout(*who); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   Response r = JsonResponse(200, R"({"logged_out":true})");
                   r.headers.emplace_back("Set-Cookie", "isms_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
                   return r;
               });
    router.Add({"GET", "/api/v1/auth/me", "Who the caller is", "auth"},
               [](const RouteContext&, const iam::Principal* who) {
                   return JsonResponse(200, json::serialize(Me(*who)));
               });
    router.Add({"GET", "/api/v1/tokens", "List API tokens (admins: all of the organization)", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto tokens = s.iam.ListTokens(*who);
                   if (!tokens) {
                       return RenderError(ctx, tokens.error());
                   }
                   return JsonResponse(200, json::serialize(json::object{{"items", std::move(*tokens)}}));
               });
    router.Add({"POST", "/api/v1/tokens", "Issue an API token (shown once)", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto body = JsonBody(ctx);
                   if (!body) {
                       return RenderError(ctx, body.error());
                   }
                   if (auto ok = OnlyMembers(*body, {"name", "scope", "expires_at"}); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   auto name = RequiredString(*body, "name");
                   if (!name) {
                       return RenderError(ctx, name.error());
                   }
                   auto scope = iam::ParseTokenScope(StringOr(*body, "scope", "read_write"));
                   if (!scope) {
                       return RenderError(ctx, Error::Invalid("scope", "must be read, read_write or admin"));
                   }
                   std::optional<Timestamp> expires;
                   if (const auto* e = body->if_contains("expires_at"); e != nullptr && !e->is_null()) {
                       expires = e->is_string() ? ParseTimestamp(e->get_string()) : std::nullopt;
                       if (!expires) {
                           return RenderError(ctx, Error::Invalid("expires_at", "must be an RFC 3339 date-time"));
                       }
                   }
                   auto issued = s.iam.CreateToken(*who, *name, *scope, expires);
                   if (!issued) {
                       return RenderError(ctx, issued.error());
                   }
                   json::object out{{"id", issued->id}, {"name", issued->name}, {"token", issued->token},
                                    {"scope", iam::TokenScopeName(issued->scope)},
                                    {"expires_at", expires ? json::value(FormatTimestamp(*expires)) : json::value(nullptr)}};
                   return JsonResponse(201, json::serialize(out));
               });
    router.Add({"DELETE", "/api/v1/tokens/{id}", "Revoke an API token", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto id = IdParam(ctx, "id");
                   if (!id) {
                       return RenderError(ctx, id.error());
                   }
                   if (auto ok = s.iam.RevokeToken(*who, *id); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   return JsonResponse(200, R"({"revoked":true})");
               });
    router.Add({"GET", "/api/v1/members", "Members of the organization and their roles", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   auto members = s.iam.ListMembers(who->tenant);
                   if (!members) {
                       return RenderError(ctx, members.error());
                   }
                   return JsonResponse(200, json::serialize(json::object{{"items", std::move(*members)}}));
               });
    router.Add({"POST", "/api/v1/members", "Add a user to the organization with a role (admin)", "auth"},
               [&s](const RouteContext& ctx, const iam::Principal* who) {
                   if (auto ok = iam::RequireAdmin(*who); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   auto body = JsonBody(ctx);
                   if (!body) {
                       return RenderError(ctx, body.error());
                   }
                   if (auto ok = OnlyMembers(*body, {"email", "name", "password", "role"}); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   auto email = RequiredString(*body, "email");
                   if (!email) {
                       return RenderError(ctx, email.error());
                   }
                   auto role = iam::ParseRole(StringOr(*body, "role"));
                   if (!role) {
                       return RenderError(ctx, Error::Invalid("role", "must be admin, isms_manager, risk_owner, "
                                                                      "control_owner, auditor or reader"));
                   }
                   auto user = s.iam.EnsureUser(who->AsActor(), *email, std::string(StringOr(*body, "name")),
                                                std::string(StringOr(*body, "password")));
                   if (!user) {
                       return RenderError(ctx, user.error());
                   }
                   if (auto ok = s.iam.SetMembership(who->AsActor(), who->tenant, *user, *role); !ok) {
                       return RenderError(ctx, ok.error());
                   }
                   return JsonResponse(201, json::serialize(json::object{
                                                {"id", user->value}, {"email", *email}, {"role", iam::RoleName(*role)}}));
               });
}

}  // namespace isms::http
