// Imports the Fluid Attacks "Criteria" security requirements (requirements/data.yaml, with the
// standards' titles from compliance/data.yaml) as a framework, and their iso27001.X_Y references
// as a mapping set onto the built-in ISO/IEC 27001:2022 Annex A. All-or-nothing, like every
// import; disagreeing control titles are reported as notices, not problems.
#pragma once

#include <string_view>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

inline constexpr std::string_view kFluidAttacksLibraryUrn =
    "urn:isms:library:fluidattacks-criteria";
inline constexpr std::string_view kFluidAttacksFrameworkUrn =
    "urn:isms:framework:fluidattacks-criteria";
inline constexpr std::string_view kFluidAttacksToIso27001_2022Urn =
    "urn:isms:mapping:fluidattacks-criteria-to-iso27001-2022";

/// requirements_yaml: criteria requirements/data.yaml; compliance_yaml: compliance/data.yaml (may
/// be empty: then no title check). iso2022: the built-in ISO/IEC 27001:2022 framework the mapping
/// targets, whose Annex A nodes have ref_ids "A.5.1" … "A.8.34".
///
/// The Library (format kFluidAttacks) holds one framework, kFluidAttacksFrameworkUrn: the
/// categories at depth 1 (kind "category") and under each the requirements at depth 2 (kind
/// "requirement", assessable, ref_id = the 3-digit id, name = en.title, description =
/// en.summary, annotation = en.description; the other references by standard, supported_in and
/// metadata in properties). The mapping set kFluidAttacksToIso27001_2022Urn has one `intersect`
/// pair per iso27001.X_Y reference, targeting the node with ref_id "A.X.Y". The file carries no
/// version, so Library::version is "sha256-" + 12 hex digits of the two texts: importing the
/// same content again is idempotent, changed content loads as a new version.
///
/// Problems, located "SOURCE:LINE" in the requirements file and "SOURCE:compliance:LINE" in the
/// compliance file: YAML syntax (kMalformedInput, alone), wrong shapes, a missing title or
/// category, an id that is not digits, a malformed reference, an iso27001 reference to a control
/// that iso2022 does not have. With compliance_yaml, each referenced iso27001 definition whose
/// title differs from the ISO node's name (ignoring case, whitespace and punctuation) adds a
/// Notice naming both titles, and saying so when two definitions' titles look swapped.
[[nodiscard]] Result<Library> ImportFluidAttacks(
    std::string_view requirements_yaml,
    std::string_view compliance_yaml,
    std::string_view source_name,
    const Framework& iso2022
);

}  // namespace isms::catalog
