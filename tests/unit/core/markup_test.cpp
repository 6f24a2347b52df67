#include "core/markup.hpp"

#include <gtest/gtest.h>

namespace isms {
namespace {

TEST(XmlEscape, ReplacesTheFiveMarkupCharacters) {
    EXPECT_EQ(
        XmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
    );
    EXPECT_EQ(XmlEscape("plain — text"), "plain — text");
    EXPECT_EQ(XmlEscape(""), "");
}

}  // namespace
}  // namespace isms
