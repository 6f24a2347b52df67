#include "iam/totp.hpp"

#include <array>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/crypto.hpp"

namespace isms::iam {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int Base32Value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a';
    }
    if (c >= '2' && c <= '7') {
        return c - '2' + 26;
    }
    return -1;
}

bool Unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
           || c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (Unreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4U];
            out += kHex[c & 0xFU];
        }
    }
    return out;
}

}  // namespace

std::string Base32Encode(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : bytes) {
        buffer = (buffer << 8U) | static_cast<unsigned char>(ch);
        bits += 8;
        while (bits >= 5) {
            out += kBase32Alphabet[(buffer >> static_cast<unsigned>(bits - 5)) & 0x1FU];
            bits -= 5;
        }
    }
    if (bits > 0) {
        out += kBase32Alphabet[(buffer << static_cast<unsigned>(5 - bits)) & 0x1FU];
    }
    return out;
}

Result<std::string> Base32Decode(std::string_view text) {
    while (!text.empty() && text.back() == '=') {
        text.remove_suffix(1);
    }
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : text) {
        if (ch == ' ') {
            continue;
        }
        const int value = Base32Value(ch);
        if (value < 0) {
            return Error::Invalid("secret", "is not base32 (A–Z, 2–7)");
        }
        buffer = (buffer << 5U) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> static_cast<unsigned>(bits - 8)) & 0xFFU);
            bits -= 8;
        }
    }
    return out;
}

std::string Hotp(std::string_view key, std::uint64_t counter, int digits) {
    std::array<unsigned char, 8> message{};
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFFU);
        counter >>= 8U;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int mac_size = 0;
    HMAC(
        EVP_sha1(),
        key.data(),
        static_cast<int>(key.size()),
        message.data(),
        message.size(),
        mac.data(),
        &mac_size
    );
    // Dynamic truncation (RFC 4226 §5.3): four bytes at the offset the last nibble names.
    const std::size_t offset = mac[mac_size - 1] & 0x0FU;
    const auto byte = [&mac, offset](std::size_t i) -> std::uint32_t {
        return mac[offset + i];
    };
    const std::uint32_t binary =
        ((byte(0) & 0x7FU) << 24U) | (byte(1) << 16U) | (byte(2) << 8U) | byte(3);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) {
        modulus *= 10;
    }
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t TotpStep(Timestamp at) {
    return at.time_since_epoch().count() / kTotpStepSeconds;
}

std::string TotpCode(std::string_view key, std::int64_t step) {
    return Hotp(key, static_cast<std::uint64_t>(step), kTotpDigits);
}

std::optional<std::int64_t> MatchTotp(
    std::string_view key, std::string_view code, Timestamp now, std::int64_t last_used_step
) {
    if (code.size() != static_cast<std::size_t>(kTotpDigits)) {
        return std::nullopt;
    }
    const std::int64_t current = TotpStep(now);
    std::optional<std::int64_t> matched;
    for (std::int64_t step = current - 1; step <= current + 1; ++step) {
        // Every candidate is computed and compared, so the time does not tell which matched.
        const bool equal = crypto::ConstantTimeEquals(TotpCode(key, step), code);
        if (equal && step > last_used_step && !matched) {
            matched = step;
        }
    }
    return matched;
}

std::string OtpauthUri(std::string_view email, std::string_view base32_secret) {
    return "otpauth://totp/isms:" + PercentEncode(email) + "?secret=" + std::string(base32_secret)
           + "&issuer=isms";
}

}  // namespace isms::iam
