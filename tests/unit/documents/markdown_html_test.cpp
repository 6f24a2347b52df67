#include "documents/markdown_html.hpp"

#include <gtest/gtest.h>

namespace isms::documents {
namespace {

TEST(MarkdownHtmlTest, RendersCommonMark) {
    EXPECT_EQ(
        RenderMarkdown("# Policy\n\nWe **protect** data."),
        "<h1>Policy</h1>\n<p>We <strong>protect</strong> data.</p>\n"
    );
    EXPECT_EQ(RenderMarkdown("- one\n- two\n"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
    EXPECT_EQ(RenderMarkdown(""), "");
}

TEST(MarkdownHtmlTest, DropsRawHtml) {
    const std::string html =
        RenderMarkdown("<script>alert(1)</script>\n\nText <img src=x onerror=alert(2)>");
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_NE(html.find("raw HTML omitted"), std::string::npos) << html;
}

TEST(MarkdownHtmlTest, EmptiesDangerousLinks) {
    for (const char* url :
         {"javascript:alert(1)",
          "JAVASCRIPT:alert(1)",
          "vbscript:x",
          "file:///etc/passwd",
          "data:text/html,<b>x</b>"}) {
        const std::string html = RenderMarkdown(std::string("[go](") + url + ")");
        EXPECT_EQ(html, "<p><a href=\"\">go</a></p>\n") << url;
    }
    EXPECT_EQ(
        RenderMarkdown("[go](https://example.org/a?b=1&c=2)"),
        "<p><a href=\"https://example.org/a?b=1&amp;c=2\">go</a></p>\n"
    );
}

TEST(MarkdownHtmlTest, EscapesTextAndAttributes) {
    EXPECT_EQ(RenderMarkdown("a < b & \"c\""), "<p>a &lt; b &amp; &quot;c&quot;</p>\n");
    EXPECT_EQ(
        RenderMarkdown("[x](https://e.org/\"onmouseover=\"alert(1))"),
        "<p><a href=\"https://e.org/%22onmouseover=%22alert(1)\">x</a></p>\n"
    );
}

}  // namespace
}  // namespace isms::documents
