#include "app/demo.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "app/app.hpp"
#include "catalog/builtin.hpp"
#include "core/crypto.hpp"

namespace isms::app {
namespace {

class DemoTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() / ("isms-demo-" + crypto::RandomToken(6));
        AppOptions options;
        options.config.data_dir = dir_.string();
        app_ = App::Open(std::move(options)).value();
    }
    void TearDown() override {
        app_.reset();
        std::filesystem::remove_all(dir_);
    }

    std::filesystem::path dir_;
    std::unique_ptr<App> app_;
};

TEST_F(DemoTest, SeedsAssetsAndAMappedFrameworkOnce) {
    auto login = SeedDemo(*app_);
    ASSERT_TRUE(login) << login.error().message;
    EXPECT_EQ(login->email, "admin@demo.isms.local");
    const TenantId tenant = app_->FindTenant("demo").value();
    const UserId admin = app_->iam().FindUser(login->email).value();
    const iam::Principal who = app_->iam().PrincipalFor(tenant, admin).value();

    auto assets = app_->records().List(who, "assets", {});
    ASSERT_TRUE(assets);
    EXPECT_EQ(assets->at("total").as_int64(), 6);

    auto coverage = app_->catalog().Coverage(
        who, "urn:demo:framework:supplier-requirements", catalog::kIso27001_2022, {}, 3
    );
    ASSERT_TRUE(coverage) << coverage.error().message;
    EXPECT_EQ(coverage->at("summary").at("partial").as_int64(), 4);

    auto again = SeedDemo(*app_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace isms::app
