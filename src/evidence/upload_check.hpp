// What an evidence upload must be: a file name without path or control characters, a content
// type on the accepted list, an extension that fits the type, and content that really is of
// that type (its signature bytes, or text without NUL bytes that is valid UTF-8). A browser's
// generic "application/octet-stream" is replaced by the type the extension names.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace isms::evidence {

struct CheckedUpload {
    std::string file_name;
    std::string content_type;  // normalized: lowercase, without parameters
};

/// Checks one upload; kInvalidArgument naming "file_name", "content_type" or "file".
[[nodiscard]] Result<CheckedUpload> CheckUpload(
    std::string_view file_name, std::string_view declared_type, std::string_view content
);

/// The accepted content types, comma-separated, for messages and documentation.
[[nodiscard]] std::string AcceptedTypes();

}  // namespace isms::evidence
