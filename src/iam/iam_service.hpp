// Identity and access (ISO/IEC 27001:2022 A.5.15–A.5.18, A.8.5): organizations, users with
// argon2id password hashes, memberships with roles, log-on sessions (cookie + CSRF token) and
// bearer API tokens. Secrets are only ever stored hashed: passwords with argon2id, session and
// API tokens (high-entropy random values) with SHA-256; TOTP secrets, which must be read back,
// sealed with the instance's secrets key (secret_box.hpp). Every change is a ledger event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/login_throttle.hpp"
#include "iam/mfa_policy.hpp"
#include "iam/principal.hpp"
#include "iam/secret_box.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/session.hpp"

namespace isms::iam {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::string_view kTokenPrefix = "isms_";

struct Tenant {
    TenantId id;
    std::string slug;
    std::string name;
};

struct LoginResult {
    std::string session_token;  // goes into the cookie; never stored in clear
    Principal principal;
    std::optional<Timestamp> previous_login;
};

struct IssuedToken {
    std::int64_t id = 0;
    std::string token;  // shown once
    std::string name;
    TokenScope scope = TokenScope::kReadWrite;
    std::optional<Timestamp> expires_at;
};

/// What a user gets when starting MFA enrolment; shown once, never again.
struct MfaEnrolment {
    std::string secret;       // base32, for typing into an authenticator app
    std::string otpauth_uri;  // otpauth://totp/isms:<email>?secret=…&issuer=isms
    std::string qr_svg;       // the URI as a QR code
};

/// Proof that the caller holds the account, for turning MFA off or replacing recovery
/// codes: a current TOTP code or the password (one of the two).
struct MfaProof {
    std::string code;
    std::string password;
};

struct SessionPolicy {
    std::chrono::seconds idle{30 * 60};
    std::chrono::seconds absolute{12 * 3600};
};

class IamService {
public:
    IamService(
        store::Database& db,
        const Clock& clock,
        const store::LedgerKey& key,
        const SecretBox& secrets,
        SessionPolicy policy
    );

    [[nodiscard]] Result<Tenant> CreateTenant(
        const store::Actor& actor, const std::string& name, const std::string& slug
    );
    [[nodiscard]] Result<Tenant> FindTenant(const std::string& slug);
    /// The organization with this id; kNotFound when there is none.
    [[nodiscard]] Result<Tenant> GetTenant(TenantId id);
    [[nodiscard]] Result<std::vector<Tenant>> ListTenants();

    /// Creates a user (password checked for length) or, when the e-mail exists, returns it.
    [[nodiscard]] Result<UserId> EnsureUser(
        const store::Actor& actor,
        const std::string& email,
        const std::string& name,
        const std::string& password
    );
    [[nodiscard]] Result<UserId> FindUser(const std::string& email);
    [[nodiscard]] Status SetPassword(
        const store::Actor& actor, const std::string& email, const std::string& password
    );
    /// Gives `user` the role in `tenant`, replacing an earlier role.
    [[nodiscard]] Status SetMembership(
        const store::Actor& actor, TenantId tenant, UserId user, Role role
    );
    [[nodiscard]] Result<bool> IsMember(TenantId tenant, UserId user);
    [[nodiscard]] Result<json::array> ListMembers(TenantId tenant);

    /// Checks e-mail, password and, for a user with MFA, `code` (a TOTP code or an unused
    /// recovery code); on success opens a session in the named organization (or the user's
    /// only one). Unknown user, wrong password and missing or wrong code give the same error
    /// and count alike in the throttle; a user without MFA may leave `code` empty.
    [[nodiscard]] Result<LoginResult> Login(
        const std::string& email,
        const std::string& password,
        const std::string& code,
        const std::string& tenant_slug,
        const std::string& remote_address
    );
    [[nodiscard]] Status Logout(const Principal& who);

    /// Resolves a session cookie value; enforces idle and absolute timeouts.
    [[nodiscard]] Result<Principal> AuthenticateSession(const std::string& session_token);
    /// Resolves a bearer token; refuses expired and revoked tokens.
    /// The principal of a bearer token; the token's first use on a UTC day is a `token_used`
    /// ledger event with the source address.
    [[nodiscard]] Result<Principal> AuthenticateToken(
        const std::string& bearer_token, const std::string& remote
    );

    [[nodiscard]] Result<IssuedToken> CreateToken(
        const Principal& who,
        const std::string& name,
        TokenScope scope,
        std::optional<Timestamp> expires_at
    );
    [[nodiscard]] Result<json::array> ListTokens(const Principal& who);

    /// The caller's live sessions in this organization, newest first, the one in use marked
    /// `current`.
    [[nodiscard]] Result<json::array> ListSessions(const Principal& who);
    /// Ends one of the caller's own sessions; anyone else's is not found.
    [[nodiscard]] Status RevokeSession(const Principal& who, std::int64_t session_id);
    /// The organization's security events from the ledger, newest first: log-ons and
    /// log-offs, refused permissions, ended sessions, members and roles, tokens, MFA — each with a
    /// severity (security_events.hpp). Failed log-ons and lock-outs name no organization (the
    /// caller is not known yet) and stay instance-wide. Admins and auditors only.
    /// {"items": [{"seq", "at", "actor": {"id", "name"}, "event", "severity", "subject",
    /// "subject_id", "detail"}], "limit", "offset"}.
    [[nodiscard]] Result<json::object> SecurityEvents(
        const Principal& who, std::int64_t limit, std::int64_t offset
    );
    /// Records a refused request (HTTP 403) as a security event in the ledger.
    [[nodiscard]] Status RecordDenied(
        const Principal& who, const std::string& method, const std::string& path
    );
    /// An admin ends every session `user` has in the admin's organization; returns how many.
    [[nodiscard]] Result<std::int64_t> RevokeUserSessions(const Principal& who, UserId user);
    [[nodiscard]] Status RevokeToken(const Principal& who, std::int64_t token_id);

    // Multi-factor authentication (iam_mfa.cpp). A user has at most one TOTP factor, for every
    // organization they belong to; the events go to the caller's organization.

    /// {"enabled", "pending", "confirmed_at", "recovery_codes_left", "required"}: the caller's
    /// factor and whether the organization requires MFA of them.
    [[nodiscard]] Result<json::object> MfaStatus(const Principal& who);
    /// Starts (or restarts) enrolment with a new secret; kConflict when MFA is already on.
    [[nodiscard]] Result<MfaEnrolment> BeginMfaEnrolment(const Principal& who);
    /// Turns MFA on with a code of the pending secret; returns the recovery codes (shown once).
    [[nodiscard]] Result<std::vector<std::string>> ConfirmMfa(
        const Principal& who, const std::string& code, const std::string& remote_address
    );
    /// Turns the caller's MFA off, given a current code or the password.
    [[nodiscard]] Status DisableMfa(
        const Principal& who, const MfaProof& proof, const std::string& remote_address
    );
    /// Replaces the caller's recovery codes, given a current code or the password.
    [[nodiscard]] Result<std::vector<std::string>> RegenerateRecoveryCodes(
        const Principal& who, const MfaProof& proof, const std::string& remote_address
    );
    /// An admin removes a member's factor (a lost device) and ends the member's sessions in
    /// the organization; the member enrols again.
    [[nodiscard]] Status ResetMfa(const Principal& who, UserId user);
    /// The same for an operator at the command line (`isms user mfa-reset`): every session of
    /// the user ends; the event is instance-wide.
    [[nodiscard]] Status ResetMfaByOperator(const store::Actor& actor, const std::string& email);
    /// The organization's MFA requirement (admins).
    [[nodiscard]] Result<MfaRequirement> MfaPolicy(const Principal& who);
    [[nodiscard]] Status SetMfaPolicy(const Principal& who, MfaRequirement requirement);

    /// Builds the principal for a user acting in a tenant (CLI and system tasks).
    [[nodiscard]] Result<Principal> PrincipalFor(TenantId tenant, UserId user);

private:
    [[nodiscard]] Result<Principal> LoadPrincipal(TenantId tenant, UserId user, Via via);
    /// Revokes the live sessions of `user` in the transaction's organization, with a ledger
    /// event and a log line naming `reason`; returns how many.
    [[nodiscard]] Result<std::int64_t> EndSessions(
        store::WriteTx& tx, UserId user, std::string_view reason
    );
    /// kNotFound unless `user` is a member of the transaction's organization.
    [[nodiscard]] Status RequireMember(store::WriteTx& tx, UserId user);
    /// Counts a failed attempt of `account` from `remote` in the throttle, with a ledger event
    /// and a log line for each lock it sets.
    [[nodiscard]] Status CountFailure(
        store::WriteTx& tx,
        std::optional<UserId> user,
        const std::string& account,
        const std::string& remote
    );
    /// Checks `code` against the user's confirmed factor inside `tx`: a TOTP code of a step not
    /// used before, or an unused recovery code (then used up, with a ledger event). Returns
    /// the factor that passed ("none" for a user without MFA, "totp", "recovery_code"), or
    /// nullopt for a missing or wrong code.
    [[nodiscard]] Result<std::optional<std::string_view>> UseSecondFactor(
        store::WriteTx& tx, UserId user, const std::string& code
    );
    /// Checks that the caller may write and has MFA on (kConflict otherwise), then the
    /// MfaProof; a wrong proof is recorded (ledger, log, throttle) in its own transaction and
    /// answered with the error naming the field.
    [[nodiscard]] Status CheckProof(
        const Principal& who, const MfaProof& proof, const std::string& remote_address
    );
    /// Records a refused code: an `mfa_failed` event in `tenant`, a log line, a throttle count.
    [[nodiscard]] Status RecordMfaFailure(
        TenantId tenant,
        UserId user,
        const std::string& account,
        std::string_view stage,
        const std::string& remote_address
    );

    store::Database& db_;
    const Clock& clock_;
    const store::LedgerKey& key_;
    const SecretBox& secrets_;
    SessionPolicy policy_;
    std::string dummy_hash_;
    LoginThrottle throttle_;  // verified against when the user is unknown, for equal timing
};

}  // namespace isms::iam
