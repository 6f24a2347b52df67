#include "evidence/blob_store.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/crypto.hpp"

namespace isms::evidence {
namespace {

namespace fs = std::filesystem;

class BlobStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        crypto::InitCrypto();
        dir_ = fs::temp_directory_path() / ("isms-blobs-" + crypto::RandomToken(8));
    }
    void TearDown() override { fs::remove_all(dir_); }

    [[nodiscard]] std::size_t FileCount() const {
        std::size_t n = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir_)) {
            n += e.is_regular_file() ? 1U : 0U;
        }
        return n;
    }

    fs::path dir_;
};

TEST_F(BlobStoreTest, StoresByHashOnceAndReadsBack) {
    const BlobStore blobs(dir_);
    auto first = blobs.Put("%PDF-1.7 evidence");
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->sha256, crypto::HexEncode(crypto::Sha256("%PDF-1.7 evidence")));
    EXPECT_FALSE(first->existed);
    EXPECT_EQ(blobs.PathOf(first->sha256), dir_ / first->sha256.substr(0, 2) / first->sha256);
    EXPECT_EQ(fs::status(dir_).permissions() & fs::perms::all, fs::perms::owner_all);
    EXPECT_EQ(
        fs::status(blobs.PathOf(first->sha256)).permissions() & fs::perms::all,
        fs::perms::owner_read | fs::perms::owner_write
    );

    auto again = blobs.Put("%PDF-1.7 evidence");
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->existed);
    EXPECT_EQ(again->sha256, first->sha256);
    ASSERT_TRUE(blobs.Put("other content"));
    EXPECT_EQ(FileCount(), 2U);  // no temporary files left behind

    auto read = blobs.Get(first->sha256);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(*read, "%PDF-1.7 evidence");
}

TEST_F(BlobStoreTest, RefusesChangedOrMissingContent) {
    const BlobStore blobs(dir_);
    auto stored = blobs.Put("rules reviewed");
    ASSERT_TRUE(stored);
    {
        std::ofstream out(blobs.PathOf(stored->sha256), std::ios::binary | std::ios::trunc);
        out << "rules reviewed!";
    }
    auto changed = blobs.Get(stored->sha256);
    ASSERT_FALSE(changed);
    EXPECT_EQ(changed.error().code, ErrorCode::kConflict);
    EXPECT_NE(changed.error().message.find("fails its integrity check"), std::string::npos);

    fs::remove(blobs.PathOf(stored->sha256));
    auto missing = blobs.Get(stored->sha256);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("missing"), std::string::npos);

    auto bad_name = blobs.Get("../../etc/passwd");
    ASSERT_FALSE(bad_name);
    EXPECT_EQ(bad_name.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace isms::evidence
