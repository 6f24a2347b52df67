// multipart/form-data request bodies (RFC 7578), as browsers send file uploads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace isms::http {

struct FormPart {
    std::string name;      // the form field
    std::string filename;  // empty for plain fields
    std::string content_type;
    std::string body;
};

/// The boundary of a multipart/form-data Content-Type, or "" when the type is something else.
[[nodiscard]] std::string MultipartBoundary(std::string_view content_type);

/// Splits a body into its parts; kMalformedInput naming what is wrong (missing boundary line,
/// part without Content-Disposition, unterminated body).
[[nodiscard]] Result<std::vector<FormPart>> ParseMultipart(
    std::string_view body, std::string_view boundary
);

}  // namespace isms::http
