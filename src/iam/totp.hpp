// Time-based one-time passwords for multi-factor authentication (ISO/IEC 27001:2022 A.8.5):
// HOTP (RFC 4226) over HMAC-SHA1, TOTP (RFC 6238) with 30-second steps and 6 digits, the
// base32 text (RFC 4648) authenticator apps take the secret in, and the otpauth:// URI their
// QR codes carry. Pure functions: no clock, no I/O; the caller passes the time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace isms::iam {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

/// RFC 4648 base32, upper case, without padding ("JBSWY3DP").
[[nodiscard]] std::string Base32Encode(std::string_view bytes);
/// Decodes base32, ignoring case, spaces and trailing '='; an error for any other character.
[[nodiscard]] Result<std::string> Base32Decode(std::string_view text);

/// The HOTP value of `key` at `counter`, `digits` long with leading zeros (RFC 4226 §5.3).
[[nodiscard]] std::string Hotp(std::string_view key, std::uint64_t counter, int digits);
/// The TOTP time step of `at`: whole 30-second periods since the Unix epoch.
[[nodiscard]] std::int64_t TotpStep(Timestamp at);
/// The 6-digit TOTP code of `key` for time step `step`.
[[nodiscard]] std::string TotpCode(std::string_view key, std::int64_t step);
/// The step whose code `code` is, looking at the step of `now` and one on either side (clock
/// drift), and only at steps after `last_used_step` (a code is accepted once); nullopt when
/// none matches. Compares in constant time.
[[nodiscard]] std::optional<std::int64_t> MatchTotp(
    std::string_view key, std::string_view code, Timestamp now, std::int64_t last_used_step
);

/// "otpauth://totp/isms:<email>?secret=<base32>&issuer=isms", the e-mail percent-encoded.
[[nodiscard]] std::string OtpauthUri(std::string_view email, std::string_view base32_secret);

}  // namespace isms::iam
