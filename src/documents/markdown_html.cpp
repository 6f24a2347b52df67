#include "documents/markdown_html.hpp"

#include <cstdlib>
#include <memory>

#include <cmark.h>

namespace isms::documents {

std::string RenderMarkdown(std::string_view markdown) {
    // CMARK_OPT_UNSAFE stays off: raw HTML becomes a comment and unsafe URLs are emptied.
    constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_NORMALIZE;
    static_assert((kOptions & CMARK_OPT_UNSAFE) == 0);
    const std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), kOptions), &std::free
    );
    return html ? std::string(html.get()) : std::string();
}

}  // namespace isms::documents
