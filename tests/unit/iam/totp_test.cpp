#include "iam/totp.hpp"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace isms::iam {
namespace {

// The shared secret of the RFC 4226 and RFC 6238 test vectors (SHA-1).
const std::string kRfcKey = "12345678901234567890";

Timestamp At(std::int64_t unix_seconds) {
    return Timestamp{std::chrono::seconds{unix_seconds}};
}

TEST(Base32, EncodesTheRfc4648VectorsWithoutPadding) {
    const std::array<std::pair<const char*, const char*>, 7> vectors{{
        {"", ""},
        {"f", "MY"},
        {"fo", "MZXQ"},
        {"foo", "MZXW6"},
        {"foob", "MZXW6YQ"},
        {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI"},
    }};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(Base32Encode(plain), encoded) << plain;
        EXPECT_EQ(Base32Decode(encoded).value(), plain) << encoded;
    }
}

TEST(Base32, DecodesPaddingLowerCaseAndSpaces) {
    EXPECT_EQ(Base32Decode("MZXW6YQ=").value(), "foob");
    EXPECT_EQ(Base32Decode("mzxw 6ytb oi").value(), "foobar");
}

TEST(Base32, RefusesOtherCharactersNamingTheSecret) {
    auto decoded = Base32Decode("MZXW1");  // '1' is not in the alphabet
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(decoded.error().fields.at(0).field, "secret");
}

TEST(Base32, RoundTripsEveryByteValue) {
    std::string all;
    for (int b = 0; b < 256; ++b) {
        all += static_cast<char>(b);
    }
    EXPECT_EQ(Base32Decode(Base32Encode(all)).value(), all);
}

TEST(Hotp, MatchesRfc4226AppendixD) {
    const std::array<const char*, 10> expected{
        "755224",
        "287082",
        "359152",
        "969429",
        "338314",
        "254676",
        "287922",
        "162583",
        "399871",
        "520489"};
    for (std::uint64_t counter = 0; counter < expected.size(); ++counter) {
        EXPECT_EQ(Hotp(kRfcKey, counter, 6), expected[counter]) << counter;
    }
}

TEST(Totp, MatchesRfc6238AppendixBForSha1) {
    const std::array<std::pair<std::int64_t, const char*>, 6> vectors{{
        {59, "94287082"},
        {1111111109, "07081804"},
        {1111111111, "14050471"},
        {1234567890, "89005924"},
        {2000000000, "69279037"},
        {20000000000, "65353130"},
    }};
    for (const auto& [unix_seconds, code] : vectors) {
        const auto step = static_cast<std::uint64_t>(TotpStep(At(unix_seconds)));
        EXPECT_EQ(Hotp(kRfcKey, step, 8), code) << unix_seconds;
    }
}

TEST(Totp, SixDigitCodeIsTheLastSixOfTheRfcValue) {
    EXPECT_EQ(TotpCode(kRfcKey, TotpStep(At(1111111109))), "081804");
    EXPECT_EQ(TotpStep(At(59)), 1);
    EXPECT_EQ(TotpStep(At(60)), 2);
}

TEST(MatchTotp, AcceptsOneStepOfDriftEitherWay) {
    const Timestamp now = At(1234567890);
    const std::int64_t step = TotpStep(now);
    for (const std::int64_t offset : {-1, 0, 1}) {
        EXPECT_EQ(MatchTotp(kRfcKey, TotpCode(kRfcKey, step + offset), now, 0), step + offset);
    }
    EXPECT_FALSE(MatchTotp(kRfcKey, TotpCode(kRfcKey, step - 2), now, 0));
    EXPECT_FALSE(MatchTotp(kRfcKey, TotpCode(kRfcKey, step + 2), now, 0));
}

TEST(MatchTotp, RefusesAStepUsedBeforeAndAnyEarlierOne) {
    const Timestamp now = At(1234567890);
    const std::int64_t step = TotpStep(now);
    const std::string code = TotpCode(kRfcKey, step);
    ASSERT_EQ(MatchTotp(kRfcKey, code, now, 0), step);
    EXPECT_FALSE(MatchTotp(kRfcKey, code, now, step));  // the replay
    EXPECT_FALSE(MatchTotp(kRfcKey, TotpCode(kRfcKey, step - 1), now, step));
    EXPECT_EQ(MatchTotp(kRfcKey, TotpCode(kRfcKey, step + 1), now, step), step + 1);
}

TEST(MatchTotp, RefusesWrongCodesAndShapes) {
    const Timestamp now = At(1234567890);
    const std::string code = TotpCode(kRfcKey, TotpStep(now));
    std::string wrong = code;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    EXPECT_FALSE(MatchTotp(kRfcKey, wrong, now, 0));
    EXPECT_FALSE(MatchTotp(kRfcKey, "", now, 0));
    EXPECT_FALSE(MatchTotp(kRfcKey, code + "0", now, 0));
    EXPECT_FALSE(MatchTotp("another key of 20 byt", code, now, 0));
}

TEST(OtpauthUri, NamesIssuerAndPercentEncodesTheAccount) {
    EXPECT_EQ(
        OtpauthUri("ann+mfa@acme.test", "JBSWY3DPEHPK3PXP"),
        "otpauth://totp/isms:ann%2Bmfa%40acme.test?secret=JBSWY3DPEHPK3PXP&issuer=isms"
    );
}

}  // namespace
}  // namespace isms::iam
