// QR codes as SVG (libqrencode), for showing an otpauth:// URI to an authenticator app when a
// user enrols in multi-factor authentication.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::iam {

/// An SVG image of the QR code of `text` (error correction M, a 4-module quiet zone), one
/// black path on a white background, sized in modules (scale it with CSS).
[[nodiscard]] Result<std::string> QrSvg(std::string_view text);

}  // namespace isms::iam
