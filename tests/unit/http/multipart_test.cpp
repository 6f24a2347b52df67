#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace isms::http {
namespace {

TEST(Multipart, BoundaryComesFromTheContentType) {
    EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
    EXPECT_EQ(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b");
    EXPECT_EQ(MultipartBoundary("application/json"), "");
}

TEST(Multipart, SplitsFilesAndFieldsWithCrlf) {
    const std::string body =
        "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\nx,y\r\n1,2\r\n--b--\r\n";
    auto parts = ParseMultipart(body, "b");
    ASSERT_TRUE(parts) << parts.error().message;
    ASSERT_EQ(parts->size(), 2U);
    EXPECT_EQ((*parts)[0].name, "note");
    EXPECT_EQ((*parts)[0].body, "hello");
    EXPECT_EQ((*parts)[1].filename, "a.csv");
    EXPECT_EQ((*parts)[1].content_type, "text/csv");
    EXPECT_EQ((*parts)[1].body, "x,y\r\n1,2");
}

TEST(Multipart, MalformedBodiesAreRefusedWithAReason) {
    auto missing = ParseMultipart("no boundary here", "b");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::kMalformedInput);
    auto unterminated = ParseMultipart(
        "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\ndata", "b"
    );
    ASSERT_FALSE(unterminated);
    EXPECT_NE(unterminated.error().message.find("closing boundary"), std::string::npos);
    auto no_disposition = ParseMultipart("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b");
    ASSERT_FALSE(no_disposition);
    EXPECT_NE(no_disposition.error().message.find("Content-Disposition"), std::string::npos);
    EXPECT_FALSE(ParseMultipart("--b\r\n", ""));
}

}  // namespace
}  // namespace isms::http
