// Identity and access (ISO/IEC 27001:2022 A.5.15–A.5.18, A.8.5): organizations, users with
// argon2id password hashes, memberships with roles, log-on sessions (cookie + CSRF token) and
// bearer API tokens. Secrets are only ever stored hashed: passwords with argon2id, session and
// API tokens (high-entropy random values) with SHA-256. Every change is a ledger event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/login_throttle.hpp"
#include "iam/principal.hpp"
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

struct SessionPolicy {
    std::chrono::seconds idle{30 * 60};
    std::chrono::seconds absolute{12 * 3600};
};

class IamService {
public:
    IamService(
        store::Database& db, const Clock& clock, const store::LedgerKey& key, SessionPolicy policy
    );

    [[nodiscard]] Result<Tenant> CreateTenant(
        const store::Actor& actor, const std::string& name, const std::string& slug
    );
    [[nodiscard]] Result<Tenant> FindTenant(const std::string& slug);
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

    /// Checks e-mail and password; on success opens a session in the named organization (or the
    /// user's only one). Unknown user and wrong password give the same error and take the same
    /// time.
    [[nodiscard]] Result<LoginResult> Login(
        const std::string& email,
        const std::string& password,
        const std::string& tenant_slug,
        const std::string& remote_address
    );
    [[nodiscard]] Status Logout(const Principal& who);

    /// Resolves a session cookie value; enforces idle and absolute timeouts.
    [[nodiscard]] Result<Principal> AuthenticateSession(const std::string& session_token);
    /// Resolves a bearer token; refuses expired and revoked tokens.
    [[nodiscard]] Result<Principal> AuthenticateToken(const std::string& bearer_token);

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
    /// log-offs, refused permissions, ended sessions, members and roles, tokens — each with a
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

    /// Builds the principal for a user acting in a tenant (CLI and system tasks).
    [[nodiscard]] Result<Principal> PrincipalFor(TenantId tenant, UserId user);

private:
    [[nodiscard]] Result<Principal> LoadPrincipal(TenantId tenant, UserId user, Via via);
    /// Revokes the live sessions of `user` in the transaction's organization, with a ledger
    /// event and a log line naming `reason`; returns how many.
    [[nodiscard]] Result<std::int64_t> EndSessions(
        store::WriteTx& tx, UserId user, std::string_view reason
    );

    store::Database& db_;
    const Clock& clock_;
    const store::LedgerKey& key_;
    SessionPolicy policy_;
    std::string dummy_hash_;
    LoginThrottle throttle_;  // verified against when the user is unknown, for equal timing
};

}  // namespace isms::iam
