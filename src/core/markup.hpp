// Text placed inside XML or HTML (SVG charts, printable reports): escaped so user-written names
// cannot break the markup or inject elements.
#pragma once

#include <string>
#include <string_view>

namespace isms {

/// `text` with & < > " ' replaced by entities.
[[nodiscard]] std::string XmlEscape(std::string_view text);

}  // namespace isms
