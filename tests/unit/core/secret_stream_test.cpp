#include "core/secret_stream.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/crypto.hpp"

namespace isms::crypto {
namespace {

class SecretStreamTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() { InitCrypto(); }

    /// Seals `plaintext`, writing it to the sealer in pieces of `piece` bytes.
    static std::string Seal(const StreamKey& key, std::string_view plaintext, std::size_t piece) {
        std::string sealed;
        Sealer sealer(key, [&](std::string_view bytes) -> Status {
            sealed.append(bytes);
            return {};
        });
        for (std::size_t at = 0; at < plaintext.size(); at += piece) {
            EXPECT_TRUE(sealer.Write(plaintext.substr(at, piece)));
        }
        EXPECT_TRUE(sealer.Finish());
        return sealed;
    }

    static Result<std::string> Open(
        const StreamKey& key, std::string_view sealed, std::size_t piece
    ) {
        std::string opened;
        Unsealer unsealer(key, [&](std::string_view bytes) -> Status {
            opened.append(bytes);
            return {};
        });
        for (std::size_t at = 0; at < sealed.size(); at += piece) {
            ISMS_TRY(unsealer.Write(sealed.substr(at, piece)));
        }
        ISMS_TRY(unsealer.Finish());
        return opened;
    }

    static std::string Text(std::size_t size) {
        std::string text(size, '\0');
        for (std::size_t i = 0; i < size; ++i) {
            text[i] = static_cast<char>((i * 131U + 7U) % 251U);
        }
        return text;
    }
};

TEST_F(SecretStreamTest, RoundTripsEverySizeAroundChunkBoundaries) {
    const StreamKey key = GenerateStreamKey();
    for (std::size_t size :
         {std::size_t{0},
          std::size_t{1},
          kSealChunkBytes - 1,
          kSealChunkBytes,
          kSealChunkBytes + 1,
          3 * kSealChunkBytes,
          3 * kSealChunkBytes + 17}) {
        const std::string plaintext = Text(size);
        for (std::size_t piece : {std::size_t{1000}, kSealChunkBytes, std::size_t{1} << 20}) {
            const std::string sealed = Seal(key, plaintext, piece);
            const std::size_t chunks =
                size == 0 ? 1 : (size + kSealChunkBytes - 1) / kSealChunkBytes;
            EXPECT_EQ(sealed.size(), kSealPrefixBytes + size + chunks * 17) << size;
            EXPECT_TRUE(LooksSealed(sealed));
            if (size >= 64) {  // the plaintext does not show through
                EXPECT_EQ(sealed.find(plaintext.substr(0, 64)), std::string::npos) << size;
            }
            for (std::size_t read_piece :
                 {std::size_t{7}, std::size_t{65536 + 17}, sealed.size() + 1}) {
                auto opened = Open(key, sealed, read_piece);
                ASSERT_TRUE(opened) << size << ": " << opened.error().message;
                EXPECT_EQ(*opened, plaintext) << size;
            }
        }
    }
}

TEST_F(SecretStreamTest, SameContentSealsDifferentlyEachTime) {
    const StreamKey key = GenerateStreamKey();
    EXPECT_NE(Seal(key, "evidence", 100), Seal(key, "evidence", 100));
}

TEST_F(SecretStreamTest, WrongKeyIsNamedByItsId) {
    const StreamKey key = GenerateStreamKey();
    const StreamKey other = GenerateStreamKey();
    auto opened = Open(other, Seal(key, "secret plan", 100), 100);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::kConflict);
    EXPECT_NE(
        opened.error().message.find("another key (key id " + StreamKeyId(key)), std::string::npos
    ) << opened.error().message;
    EXPECT_NE(opened.error().message.find(StreamKeyId(other)), std::string::npos);
}

TEST_F(SecretStreamTest, EveryChangedByteIsDetected) {
    const StreamKey key = GenerateStreamKey();
    const std::string sealed = Seal(key, Text(kSealChunkBytes + 100), 4096);
    // Magic, key id, header, both chunks' ciphertext and MACs.
    for (std::size_t at :
         {std::size_t{0},
          std::size_t{9},
          std::size_t{20},
          std::size_t{50},
          kSealPrefixBytes + kSealChunkBytes + 5,
          sealed.size() - 1}) {
        std::string changed = sealed;
        changed[at] = static_cast<char>(changed[at] ^ 0x01);
        auto opened = Open(key, changed, 4096);
        EXPECT_FALSE(opened) << "byte " << at;
    }
    std::string changed = sealed;
    changed[kSealPrefixBytes + 3] = static_cast<char>(changed[kSealPrefixBytes + 3] ^ 0x40);
    auto opened = Open(key, changed, 4096);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("chunk 0 does not authenticate"), std::string::npos)
        << opened.error().message;
}

TEST_F(SecretStreamTest, TruncationAndTrailingDataAreDetected) {
    const StreamKey key = GenerateStreamKey();
    const std::string sealed = Seal(key, Text(2 * kSealChunkBytes + 10), 4096);
    // Cut after the first full chunk: every remaining chunk authenticates, but FINAL is missing.
    auto cut = Open(key, sealed.substr(0, kSealPrefixBytes + kSealChunkBytes + 17), 4096);
    ASSERT_FALSE(cut);
    EXPECT_NE(cut.error().message.find("cut off before the final chunk"), std::string::npos)
        << cut.error().message;
    EXPECT_FALSE(Open(key, sealed.substr(0, sealed.size() - 1), 4096));
    EXPECT_FALSE(Open(key, sealed.substr(0, 20), 4096));
    EXPECT_FALSE(Open(key, sealed + "x", 4096));  // the last chunk no longer authenticates
    // After a full final chunk, anything more is refused as such.
    auto trailing = Open(key, Seal(key, Text(kSealChunkBytes), 4096) + "x", 4096);
    ASSERT_FALSE(trailing);
    EXPECT_NE(trailing.error().message.find("data follows the final chunk"), std::string::npos)
        << trailing.error().message;
}

TEST_F(SecretStreamTest, PlainDataIsNotTakenForSealed) {
    const StreamKey key = GenerateStreamKey();
    auto opened = Open(key, "SQLite format 3\0 and a lot more bytes than a header", 8);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("not encrypted by isms"), std::string::npos);
    EXPECT_FALSE(LooksSealed("SQLite format 3"));
}

TEST_F(SecretStreamTest, KeyFilesAreRawOrHexAndPrivate) {
    const std::string raw(32, 'k');
    auto parsed = ParseStreamKey(raw, "blob_key_file");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->bytes[0], 'k');
    const std::string hex = HexEncode(raw) + "\n";
    auto from_hex = ParseStreamKey(hex, "blob_key_file");
    ASSERT_TRUE(from_hex);
    EXPECT_EQ(from_hex->bytes, parsed->bytes);
    auto short_key = ParseStreamKey("too short", "blob_key_file");
    ASSERT_FALSE(short_key);
    EXPECT_EQ(short_key.error().fields.at(0).field, "blob_key_file");

    const auto dir = std::filesystem::temp_directory_path()
                     / ("isms-secret-stream-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "blob.key";
    {
        std::ofstream out(path, std::ios::binary);
        out << raw;
    }
    ::chmod(path.c_str(), 0644);
    auto refused = LoadStreamKey(path, "blob_key_file");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_NE(refused.error().message.find("chmod 600"), std::string::npos);
    ::chmod(path.c_str(), 0600);
    auto loaded = LoadStreamKey(path, "blob_key_file");
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->bytes, parsed->bytes);
    auto missing = LoadStreamKey(dir / "absent.key", "blob_key_file");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().fields.at(0).field, "blob_key_file");

    // Whole files: sealed to a new 0600 file and back; a wrong key leaves no output behind.
    const auto plain = dir / "plain.db";
    const std::string content = Text(kSealChunkBytes * 2 + 3);
    {
        std::ofstream out(plain, std::ios::binary);
        out << content;
    }
    ASSERT_TRUE(SealFile(*loaded, plain, dir / "sealed"));
    EXPECT_TRUE(FileLooksSealed(dir / "sealed"));
    EXPECT_FALSE(FileLooksSealed(plain));
    struct stat st {};
    ASSERT_EQ(::stat((dir / "sealed").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600U);
    EXPECT_FALSE(SealFile(*loaded, plain, dir / "sealed"));  // never overwrites
    EXPECT_FALSE(UnsealFile(GenerateStreamKey(), dir / "sealed", dir / "wrong"));
    EXPECT_FALSE(std::filesystem::exists(dir / "wrong"));
    ASSERT_TRUE(UnsealFile(*loaded, dir / "sealed", dir / "opened"));
    std::ifstream in(dir / "opened", std::ios::binary);
    const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(back, content);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace isms::crypto
