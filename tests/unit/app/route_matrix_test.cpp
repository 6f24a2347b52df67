// The companion check of the permission matrix: every route the App answers has a row in
// tests/api/iam/permissions.matrix, every row names a live route, and each row's target reaches
// the route it names. A new endpoint without a row fails here (docs/testing.md says how to add
// one).
#include <filesystem>

#include <gtest/gtest.h>

#include "apitest/matrix.hpp"
#include "app/app.hpp"
#include "core/crypto.hpp"

namespace isms::app {
namespace {

TEST(RouteMatrixTest, EveryRouteHasARowAndEveryRowARoute) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("isms-route-matrix-" + crypto::RandomToken(6));
    std::vector<http::RouteInfo> routes;
    {
        AppOptions options;
        options.config.data_dir = dir.string();
        auto app = App::Open(std::move(options));
        ASSERT_TRUE(app) << app.error().message;
        routes = (*app)->routes();
    }
    std::filesystem::remove_all(dir);
    ASSERT_FALSE(routes.empty());

    auto matrix = apitest::LoadMatrix(ISMS_PERMISSION_MATRIX);
    ASSERT_TRUE(matrix) << matrix.error().message;
    const std::vector<std::string> problems = apitest::CompareWithRoutes(*matrix, routes);
    std::string report;
    for (const std::string& problem : problems) {
        report += problem + "\n";
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " problem(s):\n" << report;
}

}  // namespace
}  // namespace isms::app
