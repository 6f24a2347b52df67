#include "risk/loss_exceedance_svg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "risk/svg.hpp"

namespace isms::risk {

namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 400;
constexpr double kLeft = 64;
constexpr double kRight = 24;
constexpr double kTop = 48;
constexpr double kBottom = 96;  // loss axis labels, axis title, legend

struct Axis {
    double low_log = 0;   // log10 of the left end
    double high_log = 1;  // log10 of the right end

    [[nodiscard]] double X(double loss) const {
        const double at = (std::log10(std::max(loss, 1e-9)) - low_log) / (high_log - low_log);
        return kLeft + std::clamp(at, 0.0, 1.0) * (kWidth - kLeft - kRight);
    }
};

double Y(double probability) {
    return kTop + (1 - std::clamp(probability, 0.0, 1.0)) * (kHeight - kTop - kBottom);
}

}  // namespace

std::string ShortAmount(double amount) {
    static constexpr std::pair<double, const char*> kUnits[] = {
        {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    for (const auto& [unit, suffix] : kUnits) {
        if (amount >= unit) {
            return SvgNumber(std::round(amount / unit * 10) / 10) + suffix;
        }
    }
    return SvgNumber(amount);
}

std::string LossExceedanceSvg(std::string_view title, const std::vector<ExceedanceSeries>& series) {
    double low = std::numeric_limits<double>::max();
    double high = 0;
    for (const ExceedanceSeries& s : series) {
        for (const ExceedancePoint& p : s.points) {
            if (p.loss > 0) {
                low = std::min(low, p.loss);
                high = std::max(high, p.loss);
            }
        }
    }
    std::string svg = SvgOpen(kWidth, kHeight, title, kLeft);
    const double plot_bottom = kHeight - kBottom;
    // Probability grid: 0, 25, 50, 75, 100 %.
    for (int percent = 0; percent <= 100; percent += 25) {
        const std::string y = SvgNumber(Y(percent / 100.0));
        svg += fmt::format(
            "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#e0e0e0\"/>\n"
            "<text x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5} %</text>\n",
            kLeft,
            y,
            kWidth - kRight,
            kLeft - 6,
            SvgNumber(Y(percent / 100.0) + 4),
            percent
        );
    }
    if (high <= 0) {
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">no loss simulated</text>\n</svg>\n",
            kLeft + (kWidth - kLeft - kRight) / 2,
            SvgNumber(kTop + (plot_bottom - kTop) / 2)
        );
        return svg;
    }
    Axis axis{std::floor(std::log10(low)), std::ceil(std::log10(high))};
    if (axis.high_log <= axis.low_log) {
        axis.high_log = axis.low_log + 1;
    }
    for (double decade = axis.low_log; decade <= axis.high_log; decade += 1) {
        const std::string x = SvgNumber(axis.X(std::pow(10, decade)));
        svg += fmt::format(
            "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#e0e0e0\"/>\n"
            "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
            x,
            kTop,
            SvgNumber(plot_bottom),
            SvgNumber(plot_bottom + 16),
            ShortAmount(std::pow(10, decade))
        );
    }
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">Annual loss "
        "(log scale)</text>\n"
        "<text x=\"14\" y=\"{}\" font-weight=\"bold\" transform=\"rotate(-90 14 {})\" "
        "text-anchor=\"middle\">P(loss ≥ amount)</text>\n",
        SvgNumber(kLeft + (kWidth - kLeft - kRight) / 2),
        SvgNumber(plot_bottom + 36),
        SvgNumber(kTop + (plot_bottom - kTop) / 2),
        SvgNumber(kTop + (plot_bottom - kTop) / 2)
    );
    double legend_x = kLeft;
    for (const ExceedanceSeries& s : series) {
        if (s.points.empty()) {
            continue;
        }
        std::string points;
        for (const ExceedancePoint& p : s.points) {
            points += fmt::format(
                "{}{},{}",
                points.empty() ? "" : " ",
                SvgNumber(axis.X(p.loss)),
                SvgNumber(Y(p.probability))
            );
        }
        svg += fmt::format(
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"><title>{}"
            "</title></polyline>\n"
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"4\" fill=\"{}\"/>\n"
            "<text x=\"{}\" y=\"{}\">{}</text>\n",
            XmlEscape(s.colour),
            points,
            XmlEscape(s.name),
            SvgNumber(legend_x),
            SvgNumber(kHeight - 22),
            XmlEscape(s.colour),
            SvgNumber(legend_x + 20),
            SvgNumber(kHeight - 16),
            XmlEscape(s.name)
        );
        legend_x += 280;
    }
    return svg + "</svg>\n";
}

}  // namespace isms::risk
