// IamService: multi-factor authentication with TOTP (ISO/IEC 27001:2022 A.8.5 secure
// authentication; A.5.17 authentication information). The secret is sealed with the secrets
// key, recovery codes are kept as SHA-256 only, and every change is a ledger event.
#include <algorithm>
#include <cctype>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "iam/iam_service.hpp"
#include "iam/permission.hpp"
#include "iam/qr_svg.hpp"
#include "iam/totp.hpp"

namespace isms::iam {

namespace {

constexpr int kRecoveryCodeCount = 10;
constexpr std::size_t kRecoveryCodeBytes = 10;  // 80 bits: 16 base32 characters

struct Factor {
    std::string secret;  // raw bytes, opened
    bool confirmed = false;
    std::optional<std::string> confirmed_at;
    std::int64_t last_step = 0;
};

Result<std::optional<Factor>> LoadFactor(
    store::Connection& conn, const SecretBox& secrets, UserId user
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        conn.Query(
            "SELECT secret_sealed, confirmed_at, last_step FROM mfa_factors WHERE user_id = ?",
            {user.value}
        )
    );
    if (rows.empty()) {
        return std::nullopt;
    }
    Factor f;
    ISMS_TRY_ASSIGN(f.secret, secrets.Open(rows[0].Text(0)));
    f.confirmed = !rows[0].IsNull(1);
    if (f.confirmed) {
        f.confirmed_at = rows[0].Text(1);
    }
    f.last_step = rows[0].Int(2);
    return f;
}

/// Upper case without spaces and dashes: "abcd-efgh …" and "ABCDEFGH…" are the same code.
std::string NormalizeCode(std::string_view code) {
    std::string out;
    for (const char c : code) {
        if (c != ' ' && c != '-') {
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

bool IsTotpShape(std::string_view code) {
    return code.size() == static_cast<std::size_t>(kTotpDigits)
           && std::all_of(code.begin(), code.end(), [](char c) {
                  return std::isdigit(static_cast<unsigned char>(c)) != 0;
              });
}

std::string RecoveryCodeHash(std::string_view normalized) {
    return crypto::HexEncode(crypto::Sha256(normalized));
}

/// Replaces the user's recovery codes with new ones; returns them as "XXXX-XXXX-XXXX-XXXX".
Result<std::vector<std::string>> IssueRecoveryCodes(store::WriteTx& tx, UserId user) {
    ISMS_TRY(tx.sql().Exec("DELETE FROM mfa_recovery_codes WHERE user_id = ?", {user.value}));
    std::vector<std::string> codes;
    for (int i = 0; i < kRecoveryCodeCount; ++i) {
        const std::string raw = Base32Encode(crypto::RandomBytes(kRecoveryCodeBytes));
        ISMS_TRY(tx.sql().Exec(
            "INSERT INTO mfa_recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)",
            {user.value, RecoveryCodeHash(raw), FormatTimestamp(tx.now())}
        ));
        codes.push_back(
            raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4) + "-"
            + raw.substr(12, 4)
        );
    }
    return codes;
}

Status DeleteFactor(store::WriteTx& tx, UserId user) {
    ISMS_TRY(tx.sql().Exec("DELETE FROM mfa_recovery_codes WHERE user_id = ?", {user.value}));
    ISMS_TRY(tx.sql().Exec("DELETE FROM mfa_factors WHERE user_id = ?", {user.value}));
    return {};
}

/// Records that the code of `step` was used; false when that step or a later one already was
/// (a concurrent log-on with the same code), so each code passes once on any engine.
Result<bool> UseStep(store::WriteTx& tx, UserId user, std::int64_t step) {
    ISMS_TRY_ASSIGN(
        const std::int64_t updated,
        tx.sql().Exec(
            "UPDATE mfa_factors SET last_step = ? WHERE user_id = ? AND last_step < ?",
            {step, user.value, step}
        )
    );
    return updated == 1;
}

Result<std::int64_t> RecoveryCodesLeft(store::Connection& conn, UserId user) {
    return conn.QueryInt(
        "SELECT COUNT(*) FROM mfa_recovery_codes WHERE user_id = ? AND used_at IS NULL",
        {user.value}
    );
}

}  // namespace

Result<json::object> IamService::MfaStatus(const Principal& who) {
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(const auto factor, LoadFactor(*conn, secrets_, who.user));
    ISMS_TRY_ASSIGN(const std::int64_t left, RecoveryCodesLeft(*conn, who.user));
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query("SELECT mfa_required_for FROM tenants WHERE id = ?", {who.tenant.value})
    );
    const auto required =
        rows.empty() ? MfaRequirement::kNobody
                     : ParseMfaRequirement(rows[0].Text(0)).value_or(MfaRequirement::kNobody);
    const bool enabled = factor && factor->confirmed;
    return json::object{
        {"enabled", enabled},
        {"pending", factor && !factor->confirmed},
        {"confirmed_at", enabled ? json::value(*factor->confirmed_at) : json::value(nullptr)},
        {"recovery_codes_left", enabled ? left : 0},
        {"required", MfaRequiredFor(required, who.role)}};
}

Result<MfaEnrolment> IamService::BeginMfaEnrolment(const Principal& who) {
    ISMS_TRY(RequireWrite(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(const auto factor, LoadFactor(tx.sql(), secrets_, who.user));
    if (factor && factor->confirmed) {
        return Error::Conflict("MFA is already on; turn it off before enrolling again");
    }
    const std::string secret = crypto::RandomBytes(kTotpSecretBytes);
    ISMS_TRY(tx.sql().Exec("DELETE FROM mfa_factors WHERE user_id = ?", {who.user.value}));
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO mfa_factors (user_id, secret_sealed, created_at) VALUES (?, ?, ?)",
        {who.user.value, secrets_.Seal(secret), FormatTimestamp(tx.now())}
    ));
    ISMS_TRY(tx.Append("mfa_enrolment_started", "mfa", who.user.value, std::nullopt, std::nullopt));
    MfaEnrolment out;
    out.secret = Base32Encode(secret);
    out.otpauth_uri = OtpauthUri(who.email, out.secret);
    ISMS_TRY_ASSIGN(out.qr_svg, QrSvg(out.otpauth_uri));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kInfo, "auth.mfa_enrolment_started", {{"user", who.user.value}});
    return out;
}

Result<std::vector<std::string>> IamService::ConfirmMfa(
    const Principal& who, const std::string& code, const std::string& remote_address
) {
    ISMS_TRY(RequireWrite(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(const auto factor, LoadFactor(tx.sql(), secrets_, who.user));
    if (!factor) {
        return Error::Conflict("no MFA enrolment is pending: start one first");
    }
    if (factor->confirmed) {
        return Error::Conflict("MFA is already on");
    }
    const auto step = MatchTotp(factor->secret, NormalizeCode(code), tx.now(), 0);
    if (!step) {
        return Error::Invalid("code", "is wrong or expired: give the current code of the app");
    }
    ISMS_TRY(tx.sql().Exec(
        "UPDATE mfa_factors SET confirmed_at = ?, last_step = ? WHERE user_id = ?",
        {FormatTimestamp(tx.now()), *step, who.user.value}
    ));
    ISMS_TRY_ASSIGN(auto codes, IssueRecoveryCodes(tx, who.user));
    ISMS_TRY(tx.Append(
        "mfa_enabled",
        "mfa",
        who.user.value,
        std::nullopt,
        ToJsonText(json::object{
            {"recovery_codes", static_cast<std::int64_t>(codes.size())}, {"remote", remote_address}}
        )
    ));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kNotice, "auth.mfa_enabled", {{"user", who.user.value}});
    return codes;
}

Status IamService::CheckProof(
    const Principal& who, const MfaProof& proof, const std::string& remote_address
) {
    ISMS_TRY(RequireWrite(who));
    ISMS_TRY_ASSIGN(const auto status, MfaStatus(who));
    if (!status.at("enabled").as_bool()) {
        return Error::Conflict("MFA is not on");
    }
    if (proof.code.empty() == proof.password.empty()) {
        return Error::Invalid(
            proof.code.empty() ? "code" : "password", "give a current code or the password (one)"
        );
    }
    {
        ISMS_TRY_ASSIGN(auto conn, db_.Reader());
        ISMS_TRY_ASSIGN(
            const std::int64_t wait,
            throttle_.LockedFor(*conn, who.email, remote_address, clock_.Now())
        );
        if (wait > 0) {
            return Error::RateLimited(
                "too many failed attempts; try again in " + std::to_string(wait) + " s", wait
            );
        }
    }
    bool passed = false;
    if (!proof.code.empty()) {
        ISMS_TRY_ASSIGN(
            auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_)
        );
        ISMS_TRY_ASSIGN(const auto factor, LoadFactor(tx.sql(), secrets_, who.user));
        const auto step =
            factor && factor->confirmed
                ? MatchTotp(factor->secret, NormalizeCode(proof.code), tx.now(), factor->last_step)
                : std::nullopt;
        if (step) {
            ISMS_TRY_ASSIGN(passed, UseStep(tx, who.user, *step));
            ISMS_TRY(tx.Commit());
        }
    } else {
        ISMS_TRY_ASSIGN(auto conn, db_.Reader());
        ISMS_TRY_ASSIGN(
            auto rows, conn->Query("SELECT password_hash FROM users WHERE id = ?", {who.user.value})
        );
        passed = !rows.empty() && crypto::VerifyPassword(rows[0].Text(0), proof.password);
    }
    if (passed) {
        return {};
    }
    ISMS_TRY(RecordMfaFailure(who.tenant, who.user, who.email, "proof", remote_address));
    return Error::Invalid(proof.code.empty() ? "password" : "code", "is wrong");
}

Status IamService::DisableMfa(
    const Principal& who, const MfaProof& proof, const std::string& remote_address
) {
    ISMS_TRY(CheckProof(who, proof, remote_address));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(DeleteFactor(tx, who.user));
    ISMS_TRY(tx.Append(
        "mfa_disabled",
        "mfa",
        who.user.value,
        std::nullopt,
        ToJsonText(json::object{
            {"proof", proof.code.empty() ? "password" : "code"}, {"remote", remote_address}})
    ));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kNotice, "auth.mfa_disabled", {{"user", who.user.value}});
    return {};
}

Result<std::vector<std::string>> IamService::RegenerateRecoveryCodes(
    const Principal& who, const MfaProof& proof, const std::string& remote_address
) {
    ISMS_TRY(CheckProof(who, proof, remote_address));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY_ASSIGN(auto codes, IssueRecoveryCodes(tx, who.user));
    ISMS_TRY(tx.Append(
        "mfa_recovery_codes_regenerated",
        "mfa",
        who.user.value,
        std::nullopt,
        ToJsonText(json::object{{"recovery_codes", static_cast<std::int64_t>(codes.size())}})
    ));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kNotice, "auth.mfa_recovery_codes_regenerated", {{"user", who.user.value}});
    return codes;
}

Status IamService::ResetMfa(const Principal& who, UserId user) {
    ISMS_TRY(RequireAdmin(who));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(RequireMember(tx, user));
    ISMS_TRY_ASSIGN(
        const std::int64_t factors,
        tx.sql().QueryInt("SELECT COUNT(*) FROM mfa_factors WHERE user_id = ?", {user.value})
    );
    if (factors == 0) {
        return Error::Conflict("member " + std::to_string(user.value) + " has no MFA to reset");
    }
    ISMS_TRY(DeleteFactor(tx, user));
    ISMS_TRY(tx.Append(
        "mfa_reset",
        "mfa",
        user.value,
        std::nullopt,
        ToJsonText(json::object{{"user", user.value}, {"by", "admin"}})
    ));
    ISMS_TRY(EndSessions(tx, user, "mfa_reset"));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kWarning, "auth.mfa_reset", {{"user", user.value}, {"by", who.user.value}});
    return {};
}

Status IamService::ResetMfaByOperator(const store::Actor& actor, const std::string& email) {
    ISMS_TRY_ASSIGN(const UserId user, FindUser(email));
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, TenantId{0}, actor, clock_, key_));
    ISMS_TRY_ASSIGN(
        const std::int64_t factors,
        tx.sql().QueryInt("SELECT COUNT(*) FROM mfa_factors WHERE user_id = ?", {user.value})
    );
    if (factors == 0) {
        return Error::Conflict(email + " has no MFA to reset");
    }
    ISMS_TRY(DeleteFactor(tx, user));
    ISMS_TRY_ASSIGN(
        const std::int64_t ended,
        tx.sql().Exec(
            "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
            {FormatTimestamp(tx.now()), user.value}
        )
    );
    const json::object what{{"user", user.value}, {"by", "operator"}, {"sessions", ended}};
    ISMS_TRY(tx.Append("mfa_reset", "mfa", user.value, std::nullopt, ToJsonText(what)));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kWarning, "auth.mfa_reset", what);
    return {};
}

Result<MfaRequirement> IamService::MfaPolicy(const Principal& who) {
    ISMS_TRY(RequireAdmin(who));
    ISMS_TRY_ASSIGN(auto conn, db_.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query("SELECT mfa_required_for FROM tenants WHERE id = ?", {who.tenant.value})
    );
    if (rows.empty()) {
        return Error::NotFound("organization not found");
    }
    return ParseMfaRequirement(rows[0].Text(0)).value_or(MfaRequirement::kNobody);
}

Status IamService::SetMfaPolicy(const Principal& who, MfaRequirement requirement) {
    ISMS_TRY_ASSIGN(const MfaRequirement before, MfaPolicy(who));
    if (before == requirement) {
        return {};
    }
    ISMS_TRY_ASSIGN(auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_));
    ISMS_TRY(tx.sql().Exec(
        "UPDATE tenants SET mfa_required_for = ? WHERE id = ?",
        {std::string(MfaRequirementName(requirement)), who.tenant.value}
    ));
    ISMS_TRY(tx.Append(
        "mfa_policy_changed",
        "mfa",
        who.tenant.value,
        ToJsonText(json::object{{"required_for", MfaRequirementName(before)}}),
        ToJsonText(json::object{{"required_for", MfaRequirementName(requirement)}})
    ));
    ISMS_TRY(tx.Commit());
    Log().Log(
        Severity::kNotice,
        "auth.mfa_policy_changed",
        {{"tenant", who.tenant.value}, {"required_for", MfaRequirementName(requirement)}}
    );
    return {};
}

Result<std::optional<std::string_view>> IamService::UseSecondFactor(
    store::WriteTx& tx, UserId user, const std::string& code
) {
    ISMS_TRY_ASSIGN(const auto factor, LoadFactor(tx.sql(), secrets_, user));
    if (!factor || !factor->confirmed) {
        return std::optional<std::string_view>("none");
    }
    const std::string normalized = NormalizeCode(code);
    if (normalized.empty()) {
        return std::optional<std::string_view>();
    }
    if (IsTotpShape(normalized)) {
        const auto step = MatchTotp(factor->secret, normalized, tx.now(), factor->last_step);
        if (!step) {
            return std::optional<std::string_view>();
        }
        ISMS_TRY_ASSIGN(const bool used, UseStep(tx, user, *step));
        return used ? std::optional<std::string_view>("totp") : std::nullopt;
    }
    ISMS_TRY_ASSIGN(
        const std::int64_t used,
        tx.sql().Exec(
            "UPDATE mfa_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
            "used_at IS NULL",
            {FormatTimestamp(tx.now()), user.value, RecoveryCodeHash(normalized)}
        )
    );
    if (used == 0) {
        return std::optional<std::string_view>();
    }
    ISMS_TRY_ASSIGN(const std::int64_t left, RecoveryCodesLeft(tx.sql(), user));
    const json::object what{{"user", user.value}, {"left", left}};
    ISMS_TRY(tx.Append("mfa_recovery_code_used", "mfa", user.value, std::nullopt, ToJsonText(what))
    );
    Log().Log(Severity::kWarning, "auth.mfa_recovery_code_used", what);
    return std::optional<std::string_view>("recovery_code");
}

Status IamService::RecordMfaFailure(
    TenantId tenant,
    UserId user,
    const std::string& account,
    std::string_view stage,
    const std::string& remote_address
) {
    ISMS_TRY_ASSIGN(
        auto tx, store::WriteTx::Begin(db_, tenant, store::Actor{user, account}, clock_, key_)
    );
    const json::object what{{"user", user.value}, {"stage", stage}, {"remote", remote_address}};
    ISMS_TRY(tx.Append("mfa_failed", "mfa", user.value, std::nullopt, ToJsonText(what)));
    ISMS_TRY(CountFailure(tx, user, account, remote_address));
    ISMS_TRY(tx.Commit());
    Log().Log(Severity::kWarning, "auth.mfa_failed", what);
    return {};
}

}  // namespace isms::iam
