#include "risk/svg.hpp"

#include <cmath>

#include <fmt/format.h>

namespace isms::risk {

std::string SvgOpen(double width, double height, std::string_view title, double title_x) {
    return fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
        "<title>{2}</title>\n"
        "<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
        "<text x=\"{3}\" y=\"28\" font-size=\"16\" font-weight=\"bold\">{2}</text>\n",
        SvgNumber(width),
        SvgNumber(height),
        XmlEscape(title),
        SvgNumber(title_x)
    );
}

std::string SvgNumber(double value) {
    std::string text = fmt::format("{:.2f}", std::round(value * 100) / 100);
    while (text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

}  // namespace isms::risk
