// The files of an upload request, as catalog imports and evidence take them: the parts of a
// multipart/form-data body that carry a file name (as browsers send), or the raw body named by
// ?filename= with the request's Content-Type.
#pragma once

#include <vector>

#include "core/error.hpp"
#include "http/multipart.hpp"
#include "http/router.hpp"

namespace isms::http {

/// At least one file; kInvalidArgument naming "file" (a form without a file) or "filename" (a
/// raw body without a name).
[[nodiscard]] Result<std::vector<FormPart>> UploadedFiles(const RouteContext& ctx);

}  // namespace isms::http
