// Markdown to HTML for document bodies, safely: CommonMark through cmark with raw HTML and
// dangerous link schemes (javascript:, vbscript:, file:, data: other than images) dropped, so
// a body can never carry script into the page that shows it.
#pragma once

#include <string>
#include <string_view>

namespace isms::documents {

[[nodiscard]] std::string RenderMarkdown(std::string_view markdown);

}  // namespace isms::documents
