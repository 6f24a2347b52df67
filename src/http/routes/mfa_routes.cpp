// Multi-factor authentication: a user's own TOTP enrolment, status, recovery codes and
// turning it off; an admin's reset of a member's MFA and the organization's MFA policy.
#include "http/routes/render.hpp"
#include "http/routes/services.hpp"

namespace isms::http {

namespace {

json::object WithCodes(const std::vector<std::string>& codes) {
    json::array items;
    for (const std::string& code : codes) {
        items.emplace_back(code);
    }
    return json::object{{"enabled", true}, {"recovery_codes", std::move(items)}};
}

Result<iam::MfaProof> Proof(const RouteContext& ctx) {
    ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
    ISMS_TRY(OnlyKnownMembers(body, {"code", "password"}));
    return iam::MfaProof{
        std::string(StringOr(body, "code")), std::string(StringOr(body, "password"))};
}

json::object PolicyJson(iam::MfaRequirement r) {
    return json::object{{"required_for", iam::MfaRequirementName(r)}};
}

}  // namespace

void AppendMfaRoutes(ApiRouter& router, Services& s) {
    router.Add(
        {"GET", "/api/v1/auth/mfa", "The caller's MFA status", "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, s.iam.MfaStatus(*who));
        }
    );
    router.Add(
        {"POST",
         "/api/v1/auth/mfa/enrolment",
         "Start MFA enrolment: a new TOTP secret, its otpauth URI and QR code (shown once)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(
                ctx,
                [&]() -> Result<json::object> {
                    ISMS_TRY_ASSIGN(auto enrolment, s.iam.BeginMfaEnrolment(*who));
                    return json::object{
                        {"secret", enrolment.secret},
                        {"otpauth_uri", enrolment.otpauth_uri},
                        {"qr_svg", enrolment.qr_svg}};
                }(),
                201
            );
        }
    );
    router.Add(
        {"POST",
         "/api/v1/auth/mfa/confirm",
         "Turn MFA on with a current code; returns the recovery codes (shown once)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                ISMS_TRY(OnlyKnownMembers(body, {"code"}));
                ISMS_TRY_ASSIGN(auto code, RequiredString(body, "code"));
                ISMS_TRY_ASSIGN(
                    auto codes, s.iam.ConfirmMfa(*who, code, ctx.request.remote_address)
                );
                return WithCodes(codes);
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/auth/mfa/disable",
         "Turn the caller's MFA off, given a current code or the password",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto proof, Proof(ctx));
                ISMS_TRY(s.iam.DisableMfa(*who, proof, ctx.request.remote_address));
                return json::object{{"enabled", false}};
            }());
        }
    );
    router.Add(
        {"POST",
         "/api/v1/auth/mfa/recovery-codes",
         "Replace the caller's recovery codes, given a current code or the password (shown once)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto proof, Proof(ctx));
                ISMS_TRY_ASSIGN(
                    auto codes,
                    s.iam.RegenerateRecoveryCodes(*who, proof, ctx.request.remote_address)
                );
                return WithCodes(codes);
            }());
        }
    );
    router.Add(
        {"DELETE",
         "/api/v1/members/{id}/mfa",
         "Reset a member's MFA and end their sessions (admin)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto id, IdParam(ctx, "id"));
                ISMS_TRY(s.iam.ResetMfa(*who, UserId{id}));
                return json::object{{"reset", true}};
            }());
        }
    );
    router.Add(
        {"GET",
         "/api/v1/organization/mfa-policy",
         "Which members must use MFA: nobody, admins or everyone (admin)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto policy, s.iam.MfaPolicy(*who));
                return PolicyJson(policy);
            }());
        }
    );
    router.Add(
        {"PUT",
         "/api/v1/organization/mfa-policy",
         "Require MFA of nobody, admins or everyone (admin)",
         "auth"},
        [&s](const RouteContext& ctx, const iam::Principal* who) {
            return Render(ctx, [&]() -> Result<json::object> {
                ISMS_TRY_ASSIGN(auto body, JsonBody(ctx));
                ISMS_TRY(OnlyKnownMembers(body, {"required_for"}));
                ISMS_TRY_ASSIGN(auto name, RequiredString(body, "required_for"));
                const auto requirement = iam::ParseMfaRequirement(name);
                if (!requirement) {
                    return Error::Invalid("required_for", "must be nobody, admins or everyone");
                }
                ISMS_TRY(s.iam.SetMfaPolicy(*who, *requirement));
                return PolicyJson(*requirement);
            }());
        }
    );
}

}  // namespace isms::http
