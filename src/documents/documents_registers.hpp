// The registers of documented information (ISO/IEC 27001:2022 7.5, 5.2): `documents`,
// `document_versions` and `acknowledgements`.
#pragma once

#include "core/error.hpp"
#include "schema/registry.hpp"

namespace isms::documents {

/// The lifecycle of a version, in order: draft → in_review → approved → published → obsolete.
inline constexpr const char* kVersionStates[] = {
    "draft", "in_review", "approved", "published", "obsolete"};

[[nodiscard]] Status DeclareDocumentRegisters(schema::Registry& registry);

}  // namespace isms::documents
