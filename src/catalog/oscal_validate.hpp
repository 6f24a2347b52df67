// Validation of OSCAL JSON documents against the published OSCAL JSON Schemas (draft-07), with
// valijson. Two things in those schemas need preparing first: references by "$id" anchor
// ("#assembly_oscal-catalog_catalog"), which valijson cannot follow and which are rewritten
// into JSON pointers, and Unicode property escapes in patterns (\p{L}, \p{N}), which std::regex
// cannot compile and which are approximated (see detail::TranslateUnicodeProperties).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "catalog/oscal_import.hpp"
#include "core/error.hpp"

namespace isms::catalog {

/// An OSCAL JSON Schema prepared once for any number of validations. Validate is const and
/// safe to call from several threads.
class OscalSchema {
public:
    /// Prepares a draft-07 schema document. kInvalidArgument when valijson cannot load it (a
    /// reference that does not resolve, a pattern that is no regular expression …).
    [[nodiscard]] static Result<OscalSchema> Prepare(const boost::json::value& schema);

    OscalSchema(OscalSchema&& other) noexcept;
    OscalSchema& operator=(OscalSchema&& other) noexcept;
    ~OscalSchema();

    /// Every violation of the schema, empty when the document is valid. FieldError::field is
    /// the JSON path of the offending value ("$.catalog.groups[0].controls[3].id"); only the
    /// innermost failures are reported, not the "item #3 failed" chain above them.
    [[nodiscard]] std::vector<FieldError> Validate(const boost::json::value& document) const;

private:
    struct Prepared;
    explicit OscalSchema(std::unique_ptr<Prepared> prepared);

    std::unique_ptr<Prepared> prepared_;
};

/// Prepares `schema` and validates `document` against it (see OscalSchema).
[[nodiscard]] Result<std::vector<FieldError>> ValidateOscal(
    const boost::json::value& document, const boost::json::value& schema
);

/// The file name of the model's schema in the OSCAL releases ("oscal_ssp_schema.json").
[[nodiscard]] const char* OscalSchemaFileName(OscalModel model);

namespace detail {  // exposed for oscal_validate_test.cpp only

/// Rewrites \p{…} and \P{…} escapes of an ECMAScript pattern into what std::regex accepts,
/// matching UTF-8 bytes: letter classes (\p{L}, \p{Lu} …) become ASCII letters or any
/// non-ASCII byte, number classes (\p{N}, \p{Nd} …) ASCII digits or any non-ASCII byte; other
/// properties, and every negated \P{…}, become "any character". The result is never stricter
/// than the original, so no valid document is rejected; ASCII text meets a letter or number
/// class exactly as before, while outside ASCII any byte passes (a non-ASCII punctuation mark
/// passes as a letter). OSCAL's schemas use only \p{L} and \p{N}, in its token type.
[[nodiscard]] std::string TranslateUnicodeProperties(std::string_view pattern);

}  // namespace detail

}  // namespace isms::catalog
