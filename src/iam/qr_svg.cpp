#include "iam/qr_svg.hpp"

#include <memory>

#include <qrencode.h>

namespace isms::iam {

namespace {

constexpr int kQuietZone = 4;

struct QrDeleter {
    void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};

}  // namespace

Result<std::string> QrSvg(std::string_view text) {
    const std::string input(text);
    const std::unique_ptr<QRcode, QrDeleter> code(
        QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M)
    );
    if (!code) {
        return Error::Internal("cannot encode the QR code");
    }
    const int size = code->width + 2 * kQuietZone;
    const std::string side = std::to_string(size);
    std::string path;
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // libqrencode: the lowest bit of each module's byte is 1 for a dark module.
            if ((code->data[y * code->width + x] & 1U) != 0) {
                path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone)
                        + "h1v1h-1z";
            }
        }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
           + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
           + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace isms::iam
