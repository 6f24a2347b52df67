#include "iam/iam_service.hpp"

#include <algorithm>
#include <regex>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::iam {

namespace {

using store::SqlValue;

const store::Actor kSystem{UserId{0}, "system"};

/// A row of `SELECT id, slug, name FROM tenants`.
Tenant TenantFromRow(const store::SqlRow& row) {
    return Tenant{TenantId{row.Int(0)}, row.Text(1), row.Text(2)};
}

std::string TokenHash(std::string_view token) {
    return crypto::HexEncode(crypto::Sha256(token));
}

bool ValidEmail(std::string_view email) {
    static const std::regex kEmail(R"([^@\s]{1,64}@[^@\s]{1,255})");
    return email.size() <= 254 && std::regex_match(email.begin(), email.end(), kEmail);
}

bool ValidSlug(std::string_view slug) {
    static const std::regex kSlug("[a-z0-9][a-z0-9-]{0,62}");
    return std::regex_match(slug.begin(), slug.end(), kSlug);
}

std::string Lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    return s;
}

SqlValue OptionalTime(const std::optional<Timestamp>& t) {
    return t ? SqlValue(FormatTimestamp(*t)) : SqlValue(std::monostate{});
}

}  // namespace

IamService::IamService(
    store::Database& db,
    const Clock& clock,
    const store::LedgerKey& key,
    const SecretBox& secrets,
    SessionPolicy policy
)
    : db_(db), clock_(clock), key_(key), secrets_(secrets), policy_(policy) {
    dummy_hash_ = crypto::HashPassword("isms-timing-equalizer").value();
}

Result<Tenant> IamService::CreateTenant(
    const store::Actor& actor, const std::string& name, const std::string& slug
) {
    if (!ValidSlug(slug)) {
        return Error::Invalid("slug", "must be lower-case letters, digits and dashes (at most 63)");
    }
    if (name.empty() || name.size() > 200) {
        return Error::Invalid("name", "must be 1 to 200 characters");
    }
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, TenantId{0}, actor, clock_, key_));
    ISMS_TRY_ASSIGN(auto existing, tx.sql().Query("SELECT id FROM tenants WHERE slug = ?", {slug}));
    if (!existing.empty()) {
        return Error::Conflict("an organization with slug '" + slug + "' exists");
    }
    ISMS_TRY_ASSIGN(
        std::int64_t id,
        tx.sql().QueryInt(
            "INSERT INTO tenants (slug, name, created_at) VALUES (?, ?, ?) RETURNING id",
            {slug, name, FormatTimestamp(tx.now())}
        )
    );
    json::object after{{"id", id}, {"slug", slug}, {"name", name}};
    ISMS_TRY(tx.Append("created", "tenants", id, std::nullopt, json::serialize(after)));
    ISMS_TRY(tx.Commit());
    return Tenant{TenantId{id}, slug, name};
}

Result<Tenant> IamService::FindTenant(const std::string& slug) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows, conn->Query("SELECT id, slug, name FROM tenants WHERE slug = ?", {slug})
    );
    if (rows.empty()) {
        return Error::NotFound("no organization '" + slug + "'");
    }
    return TenantFromRow(rows[0]);
}

Result<Tenant> IamService::GetTenant(TenantId id) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows, conn->Query("SELECT id, slug, name FROM tenants WHERE id = ?", {id.value})
    );
    if (rows.empty()) {
        return Error::NotFound("no organization " + std::to_string(id.value));
    }
    return TenantFromRow(rows[0]);
}

Result<std::vector<Tenant>> IamService::ListTenants() {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(auto rows, conn->Query("SELECT id, slug, name FROM tenants ORDER BY id", {}));
    std::vector<Tenant> out;
    for (const auto& r : rows) {
        out.push_back(TenantFromRow(r));
    }
    return out;
}

Result<UserId> IamService::FindUser(const std::string& email) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(auto rows, conn->Query("SELECT id FROM users WHERE email = ?", {Lower(email)}));
    if (rows.empty()) {
        return Error::NotFound("no user " + email);
    }
    return UserId{rows[0].Int(0)};
}

Result<UserId> IamService::EnsureUser(
    const store::Actor& actor,
    const std::string& email_in,
    const std::string& name,
    const std::string& password
) {
    const std::string email = Lower(email_in);
    if (!ValidEmail(email)) {
        return Error::Invalid("email", "is not an e-mail address");
    }
    if (auto existing = FindUser(email)) {
        return *existing;
    }
    if (password.size() < kMinPasswordLength) {
        return Error::Invalid(
            "password", "must be at least " + std::to_string(kMinPasswordLength) + " characters"
        );
    }
    ISMS_TRY_ASSIGN(std::string hash, crypto::HashPassword(password));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, TenantId{0}, actor, clock_, key_));
    ISMS_TRY_ASSIGN(
        std::int64_t id,
        tx.sql().QueryInt(
            "INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            {email, name.empty() ? email : name, hash, FormatTimestamp(tx.now())}
        )
    );
    json::object after{{"id", id}, {"email", email}, {"name", name.empty() ? email : name}};
    ISMS_TRY(tx.Append("created", "users", id, std::nullopt, json::serialize(after)));
    ISMS_TRY(tx.Commit());
    return UserId{id};
}

Status IamService::SetPassword(
    const store::Actor& actor, const std::string& email, const std::string& password
) {
    if (password.size() < kMinPasswordLength) {
        return Error::Invalid(
            "password", "must be at least " + std::to_string(kMinPasswordLength) + " characters"
        );
    }
    ISMS_TRY_ASSIGN(UserId user, FindUser(email));
    ISMS_TRY_ASSIGN(std::string hash, crypto::HashPassword(password));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, TenantId{0}, actor, clock_, key_));
    ISMS_TRY(tx.sql().Exec("UPDATE users SET password_hash = ? WHERE id = ?", {hash, user.value}));
    // A new password ends every open session of that user.
    ISMS_TRY(tx.sql().Exec(
        "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
        {FormatTimestamp(tx.now()), user.value}
    ));
    ISMS_TRY(tx.Append("password_changed", "users", user.value, std::nullopt, std::nullopt));
    return tx.Commit();
}

Status IamService::SetMembership(
    const store::Actor& actor, TenantId tenant, UserId user, Role role
) {
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, tenant, actor, clock_, key_));
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT role FROM memberships WHERE tenant_id = ? AND user_id = ?",
            {tenant.value, user.value}
        )
    );
    std::optional<std::string> before;
    if (!rows.empty()) {
        if (rows[0].Text(0) == RoleName(role)) {
            return {};
        }
        before = json::serialize(json::object{{"user", user.value}, {"role", rows[0].Text(0)}});
        ISMS_TRY(tx.sql().Exec(
            "UPDATE memberships SET role = ? WHERE tenant_id = ? AND user_id = ?",
            {std::string(RoleName(role)), tenant.value, user.value}
        ));
    } else {
        ISMS_TRY(tx.sql().Exec(
            "INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, ?)",
            {tenant.value, user.value, std::string(RoleName(role))}
        ));
    }
    const std::string after =
        json::serialize(json::object{{"user", user.value}, {"role", RoleName(role)}});
    ISMS_TRY(tx.Append(
        before ? "role_changed" : "member_added", "memberships", user.value, before, after
    ));
    if (before) {  // sessions opened under the old role end: the user logs on again
        ISMS_TRY(EndSessions(tx, user, "role_changed"));
    }
    return tx.Commit();
}

Result<bool> IamService::IsMember(TenantId tenant, UserId user) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT 1 FROM memberships WHERE tenant_id = ? AND user_id = ?",
            {tenant.value, user.value}
        )
    );
    return !rows.empty();
}

Result<json::array> IamService::ListMembers(TenantId tenant) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT u.id, u.email, u.name, m.role, u.last_login_at FROM memberships m "
            "JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ? ORDER BY u.id",
            {tenant.value}
        )
    );
    json::array out;
    for (const auto& r : rows) {
        out.push_back(json::object{
            {"id", r.Int(0)},
            {"email", r.Text(1)},
            {"name", r.Text(2)},
            {"role", r.Text(3)},
            {"last_login_at", r.IsNull(4) ? json::value(nullptr) : json::value(r.Text(4))}});
    }
    return out;
}

Result<Principal> IamService::LoadPrincipal(TenantId tenant, UserId user, Via via) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT u.email, m.role, u.disabled, t.mfa_required_for, (SELECT COUNT(*) FROM "
            "mfa_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) FROM users u "
            "JOIN memberships m ON m.user_id = u.id JOIN tenants t ON t.id = m.tenant_id "
            "WHERE u.id = ? AND m.tenant_id = ?",
            {user.value, tenant.value}
        )
    );
    if (rows.empty() || rows[0].Int(2) != 0) {
        return Error::Unauthenticated("not a member of this organization");
    }
    auto role = ParseRole(rows[0].Text(1));
    if (!role) {
        return Error::Internal("unknown role in the database: " + rows[0].Text(1));
    }
    Principal p;
    p.tenant = tenant;
    p.user = user;
    p.email = rows[0].Text(0);
    p.role = *role;
    p.via = via;
    const auto required = ParseMfaRequirement(rows[0].Text(3)).value_or(MfaRequirement::kNobody);
    p.mfa_enrolment_only =
        via == Via::kSession && MfaRequiredFor(required, p.role) && rows[0].Int(4) == 0;
    return p;
}

Result<Principal> IamService::PrincipalFor(TenantId tenant, UserId user) {
    return LoadPrincipal(tenant, user, Via::kSystem);
}

Result<LoginResult> IamService::Login(
    const std::string& email,
    const std::string& password,
    const std::string& code,
    const std::string& tenant_slug,
    const std::string& remote_address
) {
    const auto refused = Error::Unauthenticated("e-mail, password or code is wrong");
    const std::string account = Lower(email);
    std::optional<UserId> user;
    std::string hash = dummy_hash_;
    std::optional<Timestamp> previous_login;
    {
        ISMS_TRY_ASSIGN(auto conn, db_.Reader());
        ISMS_TRY_ASSIGN(
            const std::int64_t wait,
            throttle_.LockedFor(*conn, account, remote_address, clock_.Now())
        );
        if (wait > 0) {  // no password is checked while locked
            Log().Log(
                Severity::kWarning,
                "auth.login_throttled",
                {{"email", email}, {"remote", remote_address}, {"retry_after", wait}}
            );
            return Error::RateLimited(
                "too many failed log-ons; try again in " + std::to_string(wait) + " s", wait
            );
        }
        ISMS_TRY_ASSIGN(
            auto rows,
            conn->Query(
                "SELECT id, password_hash, disabled, last_login_at FROM users WHERE email = ?",
                {account}
            )
        );
        if (!rows.empty() && rows[0].Int(2) == 0) {
            user = UserId{rows[0].Int(0)};
            hash = rows[0].Text(1);
            if (!rows[0].IsNull(3)) {
                previous_login = ParseTimestamp(rows[0].Text(3));
            }
        }
    }
    const bool password_ok = crypto::VerifyPassword(hash, password);  // runs for unknown users too
    if (!user || !password_ok) {
        Log().Log(
            Severity::kWarning, "auth.login_failed", {{"email", email}, {"remote", remote_address}}
        );
        ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, TenantId{0}, kSystem, clock_, key_));
        ISMS_TRY(tx.Append(
            "login_failed",
            "auth",
            user ? user->value : 0,
            std::nullopt,
            json::serialize(json::object{{"email", account}, {"remote", remote_address}})
        ));
        ISMS_TRY(CountFailure(tx, user, account, remote_address));
        ISMS_TRY(tx.Commit());
        return refused;
    }
    // Pick the organization: the named one, or the only one.
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT t.id, t.slug FROM memberships m JOIN tenants t ON t.id = m.tenant_id "
            "WHERE m.user_id = ? ORDER BY t.id",
            {user->value}
        )
    );
    std::optional<TenantId> tenant;
    for (const auto& r : rows) {
        if (tenant_slug.empty() ? rows.size() == 1 : r.Text(1) == tenant_slug) {
            tenant = TenantId{r.Int(0)};
        }
    }
    if (!tenant) {
        return tenant_slug.empty() && rows.size() > 1
                   ? Error::Invalid("organization", "you belong to several organizations: name one")
                   : refused;
    }
    ISMS_TRY_ASSIGN(Principal p, LoadPrincipal(*tenant, *user, Via::kSession));
    // The session and the used-up code are written together or not at all; a refused code
    // rolls the log-on back and is then recorded on its own.
    auto opened = [&]() -> Result<std::optional<LoginResult>> {
        ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, *tenant, p.AsActor(), clock_, key_));
        ISMS_TRY_ASSIGN(const auto factor, UseSecondFactor(tx, *user, code));
        if (!factor) {
            return std::nullopt;
        }
        LoginResult result;
        result.session_token = crypto::RandomToken(32);
        p.csrf_token = crypto::RandomToken(24);
        const Timestamp now = tx.now();
        if (crypto::PasswordNeedsRehash(hash)) {
            ISMS_TRY_ASSIGN(std::string rehashed, crypto::HashPassword(password));
            ISMS_TRY(tx.sql().Exec(
                "UPDATE users SET password_hash = ? WHERE id = ?", {rehashed, user->value}
            ));
        }
        ISMS_TRY_ASSIGN(
            p.credential_id,
            tx.sql().QueryInt(
                "INSERT INTO sessions (token_hash, tenant_id, user_id, csrf_token, created_at, "
                "last_seen_at, expires_at, remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {TokenHash(result.session_token),
                 tenant->value,
                 user->value,
                 p.csrf_token,
                 FormatTimestamp(now),
                 FormatTimestamp(now),
                 FormatTimestamp(now + policy_.absolute),
                 remote_address}
            )
        );
        ISMS_TRY(tx.sql().Exec(
            "UPDATE users SET last_login_at = ? WHERE id = ?", {FormatTimestamp(now), user->value}
        ));
        ISMS_TRY(throttle_.Forget(tx.sql(), account));
        ISMS_TRY(tx.Append(
            "login",
            "auth",
            user->value,
            std::nullopt,
            json::serialize(json::object{
                {"session", p.credential_id}, {"remote", remote_address}, {"factor", *factor}})
        ));
        ISMS_TRY(tx.Commit());
        result.principal = p;
        result.previous_login = previous_login;
        return result;
    };
    ISMS_TRY_ASSIGN(auto result, opened());
    if (!result) {
        ISMS_TRY(RecordMfaFailure(*tenant, *user, account, "login", remote_address));
        return refused;
    }
    Log().Log(
        Severity::kInfo,
        "auth.login",
        {{"user", user->value}, {"tenant", tenant->value}, {"remote", remote_address}}
    );
    return std::move(*result);
}

Status IamService::CountFailure(
    store::WriteTx& tx,
    std::optional<UserId> user,
    const std::string& account,
    const std::string& remote
) {
    ISMS_TRY_ASSIGN(
        const std::vector<Lockout> locked,
        throttle_.CountFailure(tx.sql(), account, remote, tx.now())
    );
    for (const Lockout& lock : locked) {
        const json::object what{
            {"key", lock.key}, {"failures", lock.failures}, {"until", FormatTimestamp(lock.until)}};
        ISMS_TRY(tx.Append(
            "lockout", "auth", user ? user->value : 0, std::nullopt, json::serialize(what)
        ));
        Log().Log(Severity::kWarning, "auth.lockout", what);
    }
    return {};
}

Status IamService::Logout(const Principal& who) {
    if (who.via != Via::kSession) {
        return Error::Invalid("session", "log-out ends a cookie session; revoke tokens instead");
    }
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(tx.sql().Exec(
        "UPDATE sessions SET revoked_at = ? WHERE id = ? AND tenant_id = ?",
        {FormatTimestamp(tx.now()), who.credential_id, who.tenant.value}
    ));
    ISMS_TRY(tx.Append("logout", "auth", who.user.value, std::nullopt, std::nullopt));
    return tx.Commit();
}

Result<Principal> IamService::AuthenticateSession(const std::string& session_token) {
    const auto refused = Error::Unauthenticated("session expired or unknown: log in again");
    std::int64_t session_id = 0;
    TenantId tenant;
    UserId user;
    std::string csrf;
    Timestamp last_seen;
    const Timestamp now = clock_.Now();
    {
        ISMS_TRY_ASSIGN(auto conn, db_.Reader());
        ISMS_TRY_ASSIGN(
            auto rows,
            conn->Query(
                "SELECT id, tenant_id, user_id, csrf_token, last_seen_at, expires_at FROM sessions "
                "WHERE token_hash = ? AND revoked_at IS NULL",
                {TokenHash(session_token)}
            )
        );
        if (rows.empty()) {
            return refused;
        }
        const auto seen = ParseTimestamp(rows[0].Text(4));
        const auto expires = ParseTimestamp(rows[0].Text(5));
        if (!seen || !expires || now >= *expires || now - *seen >= policy_.idle) {
            return refused;
        }
        session_id = rows[0].Int(0);
        tenant = TenantId{rows[0].Int(1)};
        user = UserId{rows[0].Int(2)};
        csrf = rows[0].Text(3);
        last_seen = *seen;
    }
    ISMS_TRY_ASSIGN(Principal p, LoadPrincipal(tenant, user, Via::kSession));
    p.csrf_token = std::move(csrf);
    p.credential_id = session_id;
    if (now - last_seen
        >= std::chrono::seconds{60}) {  // keep the idle timer, at most a write a minute
        ISMS_TRY_ASSIGN(auto writer, db_.Writer());
        auto touched = writer->Exec(
            "UPDATE sessions SET last_seen_at = ? WHERE tenant_id = ? AND id = ?",
            {FormatTimestamp(now), tenant.value, session_id}
        );
        ISMS_TRY(writer->ExecScript(touched ? "COMMIT" : "ROLLBACK"));
    }
    return p;
}

Result<Principal> IamService::AuthenticateToken(
    const std::string& bearer_token, const std::string& remote
) {
    const auto refused = Error::Unauthenticated("API token invalid, expired or revoked");
    if (!bearer_token.starts_with(kTokenPrefix)) {
        return refused;
    }
    const Timestamp now = clock_.Now();
    Principal p;
    std::optional<std::string> last_used;  // as stored: "YYYY-MM-DDTHH:MM:SSZ"
    std::string name;
    {
        // One query on the hot path: token, user and membership together.
        ISMS_TRY_ASSIGN(auto conn, db_.Reader());
        ISMS_TRY_ASSIGN(
            auto rows,
            conn->Query(
                "SELECT t.id, t.tenant_id, t.user_id, t.scope, t.expires_at, t.last_used_at, "
                "u.email, m.role, t.name FROM api_tokens t JOIN users u ON u.id = t.user_id "
                "JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id = t.user_id "
                "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0",
                {TokenHash(bearer_token)}
            )
        );
        if (rows.empty()) {
            return refused;
        }
        const store::SqlRow& row = rows[0];
        if (!row.IsNull(4)) {
            auto expires = ParseTimestamp(row.Text(4));
            if (!expires || now >= *expires) {
                return refused;
            }
        }
        auto role = ParseRole(row.Text(7));
        if (!role) {
            return Error::Internal("unknown role in the database: " + row.Text(7));
        }
        p.credential_id = row.Int(0);
        p.tenant = TenantId{row.Int(1)};
        p.user = UserId{row.Int(2)};
        p.scope = ParseTokenScope(row.Text(3)).value_or(TokenScope::kReadOnly);
        if (!row.IsNull(5)) {
            last_used = row.Text(5);
        }
        p.email = row.Text(6);
        name = row.Text(8);
        p.role = *role;
        p.via = Via::kToken;
    }
    const std::int64_t token_id = p.credential_id;
    const std::string now_text = FormatTimestamp(now);
    if (!last_used || last_used->substr(0, 10) != now_text.substr(0, 10)) {
        // The first use of a token on a UTC day is a security event; later uses that day only
        // move last_used_at, so the ledger gets a line a token a day, not one a request.
        ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, p.tenant, p.AsActor(), clock_, key_));
        // Conditional, so two first requests of the day at once record one event, not two.
        ISMS_TRY_ASSIGN(
            const std::int64_t first,
            tx.sql().Exec(
                "UPDATE api_tokens SET last_used_at = ? WHERE tenant_id = ? AND id = ? AND "
                "(last_used_at IS NULL OR substr(last_used_at, 1, 10) <> ?)",
                {now_text, p.tenant.value, token_id, now_text.substr(0, 10)}
            )
        );
        if (first == 0) {
            return p;  // another request recorded today's use; the transaction rolls back
        }
        ISMS_TRY(tx.Append(
            "token_used",
            "tokens",
            token_id,
            std::nullopt,
            ToJsonText(json::object{{"name", name}, {"remote", remote}})
        ));
        ISMS_TRY(tx.Commit());
        return p;
    }
    const auto last = ParseTimestamp(*last_used);
    if (!last || now - *last >= std::chrono::seconds{60}) {  // at most a write a minute
        ISMS_TRY_ASSIGN(auto writer, db_.Writer());
        auto touched = writer->Exec(
            "UPDATE api_tokens SET last_used_at = ? WHERE tenant_id = ? AND id = ?",
            {now_text, p.tenant.value, token_id}
        );
        ISMS_TRY(writer->ExecScript(touched ? "COMMIT" : "ROLLBACK"));
    }
    return p;
}

Result<IssuedToken> IamService::CreateToken(
    const Principal& who,
    const std::string& name,
    TokenScope scope,
    std::optional<Timestamp> expires_at
) {
    if (name.empty() || name.size() > 100) {
        return Error::Invalid("name", "must be 1 to 100 characters");
    }
    if (who.via == Via::kToken && who.scope == TokenScope::kReadOnly) {
        return Error::Denied("a read-only token cannot issue tokens");
    }
    if (scope == TokenScope::kAdmin && who.role != Role::kAdmin) {
        return Error::Denied("only an admin may issue an admin token");
    }
    if (who.via == Via::kToken && scope > who.scope) {
        return Error::Denied("a token cannot issue a token with a wider scope than its own");
    }
    if (expires_at && *expires_at <= clock_.Now()) {
        return Error::Invalid("expires_at", "must be in the future");
    }
    IssuedToken issued;
    issued.token = std::string(kTokenPrefix) + crypto::RandomToken(32);
    issued.name = name;
    issued.scope = scope;
    issued.expires_at = expires_at;
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(
        issued.id,
        tx.sql().QueryInt(
            "INSERT INTO api_tokens (token_hash, tenant_id, user_id, name, scope, created_at, "
            "expires_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {TokenHash(issued.token),
             who.tenant.value,
             who.user.value,
             name,
             std::string(TokenScopeName(scope)),
             FormatTimestamp(tx.now()),
             OptionalTime(expires_at)}
        )
    );
    json::object after{
        {"id", issued.id},
        {"name", name},
        {"user", who.user.value},
        {"scope", TokenScopeName(scope)},
        {"expires_at",
         expires_at ? json::value(FormatTimestamp(*expires_at)) : json::value(nullptr)}};
    ISMS_TRY(tx.Append("token_created", "tokens", issued.id, std::nullopt, json::serialize(after)));
    ISMS_TRY(tx.Commit());
    return issued;
}

Result<json::array> IamService::ListTokens(const Principal& who) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    // Admins see every token of the organization; others their own.
    const bool all = who.role == Role::kAdmin;
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query(
            "SELECT t.id, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at, "
            "t.revoked_at, u.email "
            "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.tenant_id = ? AND (? = 1 "
            "OR t.user_id = ?) "
            "ORDER BY t.id",
            {who.tenant.value, std::int64_t{all ? 1 : 0}, who.user.value}
        )
    );
    json::array out;
    auto opt = [](const store::SqlRow& r, std::size_t i) {
        return r.IsNull(i) ? json::value(nullptr) : json::value(r.Text(i));
    };
    for (const auto& r : rows) {
        out.push_back(json::object{
            {"id", r.Int(0)},
            {"name", r.Text(1)},
            {"scope", r.Text(2)},
            {"created_at", r.Text(3)},
            {"expires_at", opt(r, 4)},
            {"last_used_at", opt(r, 5)},
            {"revoked_at", opt(r, 6)},
            {"user", r.Text(7)}});
    }
    return out;
}

Status IamService::RevokeToken(const Principal& who, std::int64_t token_id) {
    ISMS_TRY(RequireWrite(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT user_id, revoked_at FROM api_tokens WHERE id = ? AND tenant_id = ?",
            {token_id, who.tenant.value}
        )
    );
    if (rows.empty() || (rows[0].Int(0) != who.user.value && who.role != Role::kAdmin)) {
        return Error::NotFound("token " + std::to_string(token_id) + " not found");
    }
    if (!rows[0].IsNull(1)) {
        return Error::Conflict("token " + std::to_string(token_id) + " is already revoked");
    }
    ISMS_TRY(tx.sql().Exec(
        "UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND id = ?",
        {FormatTimestamp(tx.now()), who.tenant.value, token_id}
    ));
    ISMS_TRY(tx.Append("token_revoked", "tokens", token_id, std::nullopt, std::nullopt));
    return tx.Commit();
}

}  // namespace isms::iam
