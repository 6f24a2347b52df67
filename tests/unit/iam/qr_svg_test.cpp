#include "iam/qr_svg.hpp"

#include <string>

#include <gtest/gtest.h>

namespace isms::iam {
namespace {

/// The path command of one dark module at (x, y) in the SVG's coordinates.
std::string Module(int x, int y) {
    return "M" + std::to_string(x) + " " + std::to_string(y) + "h1v1h-1z";
}

TEST(QrSvg, DrawsAQrCodeWithItsFinderPatternsAndQuietZone) {
    const std::string svg =
        QrSvg("otpauth://totp/isms:ann%40acme.test?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=isms")
            .value();
    ASSERT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    ASSERT_TRUE(svg.ends_with("</svg>"));
    // A QR code of version v is 17 + 4v modules wide; the quiet zone adds 4 on each side.
    const std::size_t at = svg.find("viewBox=\"0 0 ") + 13;
    const int size = std::stoi(svg.substr(at));
    const int width = size - 8;
    ASSERT_GE(width, 21);
    EXPECT_EQ((width - 17) % 4, 0) << width;
    // The top-left finder: a dark 7-module ring around a light ring around a dark 3×3 core.
    for (int i = 0; i < 7; ++i) {
        EXPECT_NE(svg.find(Module(4 + i, 4)), std::string::npos) << i;
        EXPECT_NE(svg.find(Module(4, 4 + i)), std::string::npos) << i;
    }
    EXPECT_EQ(svg.find(Module(5, 5)), std::string::npos);
    EXPECT_NE(svg.find(Module(7, 7)), std::string::npos);
    // The top-right and bottom-left finders start at the other corners.
    EXPECT_NE(svg.find(Module(4 + width - 7, 4)), std::string::npos);
    EXPECT_NE(svg.find(Module(4, 4 + width - 7)), std::string::npos);
    // Nothing is drawn in the quiet zone.
    EXPECT_EQ(svg.find("M3 "), std::string::npos);
}

TEST(QrSvg, DifferentTextDifferentCode) {
    EXPECT_NE(QrSvg("otpauth://a").value(), QrSvg("otpauth://b").value());
}

}  // namespace
}  // namespace isms::iam
