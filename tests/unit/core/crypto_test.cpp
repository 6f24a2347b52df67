#include "core/crypto.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace isms::crypto {
namespace {

class CryptoTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { InitCrypto(); }
};

TEST_F(CryptoTest, Sha256KnownVectors) {
    // FIPS 180-2 examples.
    EXPECT_EQ(
        HexEncode(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    EXPECT_EQ(
        HexEncode(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    EXPECT_EQ(
        HexEncode(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
}

TEST_F(CryptoTest, IncrementalHashEqualsOneShot) {
    Sha256Hasher hasher;
    hasher.Update("ab");
    hasher.Update("c");
    EXPECT_EQ(hasher.Finish(), Sha256("abc"));

    // Hashing a digest feeds its 32 raw bytes (how the ledger chains events).
    const Sha256Digest first = Sha256("x");
    Sha256Hasher chained;
    chained.Update(first);
    chained.Update("y");
    const std::string raw(reinterpret_cast<const char*>(first.data()), first.size());
    EXPECT_EQ(chained.Finish(), Sha256(raw + "y"));
}

TEST_F(CryptoTest, HexRoundTrip) {
    const std::string bytes("\x00\x01\x7f\x80\xfe\xff", 6);
    EXPECT_EQ(HexEncode(bytes), "00017f80feff");
    auto decoded = HexDecode("00017F80FEff");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, bytes);
    auto empty = HexDecode("");
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
}

TEST_F(CryptoTest, HexDecodeRejectsNonHex) {
    for (const char* bad : {"0", "abc", "zz", "0g", "00 11", "0x00"}) {
        auto r = HexDecode(bad);
        ASSERT_FALSE(r) << bad;
        EXPECT_EQ(r.error().code, ErrorCode::kMalformedInput) << bad;
    }
}

TEST_F(CryptoTest, SignAndVerify) {
    const SigningKey key = GenerateSigningKey();
    EXPECT_EQ(key.public_key.size(), 32U);
    EXPECT_EQ(key.secret_key.size(), 64U);
    const std::string sig = Sign(key, "ledger head 42");
    EXPECT_EQ(sig.size(), 64U);
    EXPECT_TRUE(VerifySignature(key.public_key, "ledger head 42", sig));
}

TEST_F(CryptoTest, VerifyRejectsTampering) {
    const SigningKey key = GenerateSigningKey();
    const SigningKey other = GenerateSigningKey();
    std::string sig = Sign(key, "ledger head 42");
    EXPECT_FALSE(VerifySignature(key.public_key, "ledger head 43", sig));
    EXPECT_FALSE(VerifySignature(other.public_key, "ledger head 42", sig));
    EXPECT_FALSE(VerifySignature(key.public_key, "ledger head 42", sig.substr(1)));
    EXPECT_FALSE(VerifySignature("short", "ledger head 42", sig));
    sig[10] = static_cast<char>(sig[10] ^ 0x01);
    EXPECT_FALSE(VerifySignature(key.public_key, "ledger head 42", sig));
}

TEST_F(CryptoTest, PasswordHashVerifies) {
    auto hash = HashPassword("correct horse battery staple");
    ASSERT_TRUE(hash);
    EXPECT_TRUE(hash->starts_with("$argon2id$"));
    EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
    EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapler"));
    EXPECT_FALSE(VerifyPassword(*hash, ""));
    EXPECT_FALSE(PasswordNeedsRehash(*hash));
    EXPECT_FALSE(VerifyPassword("not a hash", "x"));
}

TEST_F(CryptoTest, PasswordHashesAreSalted) {
    auto a = HashPassword("same");
    auto b = HashPassword("same");
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_NE(*a, *b);
}

TEST_F(CryptoTest, RandomTokenLengthAndAlphabet) {
    // base64url without padding: ceil(n * 4 / 3) characters.
    EXPECT_EQ(RandomToken().size(), 43U);
    EXPECT_EQ(RandomToken(16).size(), 22U);
    EXPECT_EQ(RandomToken(3).size(), 4U);
    for (const char c : RandomToken(64)) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_';
        EXPECT_TRUE(ok) << c;
    }
}

TEST_F(CryptoTest, RandomTokensAreUnique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        EXPECT_TRUE(seen.insert(RandomToken()).second);
    }
    EXPECT_EQ(RandomBytes(17).size(), 17U);
}

TEST_F(CryptoTest, ConstantTimeEquals) {
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
    EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace isms::crypto
