#include "iam/secret_box.hpp"

#include <filesystem>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/crypto.hpp"

namespace isms::iam {
namespace {

namespace fs = std::filesystem;

class SecretBoxTest : public ::testing::Test {
protected:
    void SetUp() override {
        crypto::InitCrypto();
        dir_ = fs::temp_directory_path() / ("isms-secret-box-" + crypto::RandomToken(8));
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
};

TEST_F(SecretBoxTest, OpensWhatItSealedWithAFreshNonceEachTime) {
    const SecretBox box = SecretBox::FromKey(crypto::RandomBytes(32)).value();
    const std::string first = box.Seal("the TOTP seed");
    const std::string second = box.Seal("the TOTP seed");
    EXPECT_NE(first, second);
    EXPECT_EQ(first.find("TOTP"), std::string::npos);
    EXPECT_EQ(box.Open(first).value(), "the TOTP seed");
    EXPECT_EQ(box.Open(second).value(), "the TOTP seed");
}

TEST_F(SecretBoxTest, RefusesAChangedBoxAndAnotherKey) {
    const SecretBox box = SecretBox::FromKey(crypto::RandomBytes(32)).value();
    std::string sealed = box.Seal("seed");
    const SecretBox other = SecretBox::FromKey(crypto::RandomBytes(32)).value();
    EXPECT_FALSE(other.Open(sealed));
    sealed.back() = sealed.back() == '0' ? '1' : '0';
    EXPECT_FALSE(box.Open(sealed));
    EXPECT_FALSE(box.Open("not hex"));
    EXPECT_FALSE(box.Open("00"));
    EXPECT_FALSE(SecretBox::FromKey("short"));
}

TEST_F(SecretBoxTest, KeyFileIsCreatedPrivateAndReloaded) {
    const SecretBox created = SecretBox::LoadOrCreate(dir_.string()).value();
    struct stat st {};
    ASSERT_EQ(::stat((dir_ / "secrets.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600);
    ASSERT_EQ(::stat(dir_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700);
    const SecretBox reloaded = SecretBox::LoadOrCreate(dir_.string()).value();
    EXPECT_EQ(reloaded.Open(created.Seal("seed")).value(), "seed");
}

TEST_F(SecretBoxTest, RefusesAKeyFileOthersCanRead) {
    ASSERT_TRUE(SecretBox::LoadOrCreate(dir_.string()));
    ASSERT_EQ(::chmod((dir_ / "secrets.key").c_str(), 0644), 0);
    auto refused = SecretBox::LoadOrCreate(dir_.string());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
    EXPECT_NE(refused.error().message.find("secrets.key"), std::string::npos);
}

}  // namespace
}  // namespace isms::iam
