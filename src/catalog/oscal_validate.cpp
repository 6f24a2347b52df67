// GCC 12 at -O3 reports a false -Wrestrict inside std::string::replace as inlined from valijson's
// JSON-pointer unescaping (GCC bug 105329). The warning is located in <bits/char_traits.h>, so
// it can only be silenced before the first standard header is included.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include "catalog/oscal_validate.hpp"

// valijson reports a schema it cannot load by calling abort() unless told to throw.
#define VALIJSON_USE_EXCEPTIONS 1  // NOLINT(readability-identifier-naming): valijson's name

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <regex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "core/assert.hpp"

namespace isms::catalog {

namespace {

namespace json = boost::json;

#if defined(__GLIBCXX__)
// libstdc++'s default regex executor recurses once per input character and overflows the stack
// on long strings (a 1 MB base64 resource against "^[0-9A-Za-z+/]+={0,2}$"); __polynomial, its
// documented extension, selects the breadth-first executor, which does not.
constexpr auto kBoundedRecursion = std::regex_constants::__polynomial;
#else
constexpr auto kBoundedRecursion = std::regex_constants::syntax_option_type{};
#endif

constexpr std::size_t kQuotedValueLimit = 60;

using Adapter = valijson::adapters::BoostJsonAdapter;

// Keywords whose value maps names to subschemas, holds one subschema, or lists subschemas.
constexpr std::array<std::string_view, 5> kSchemaMaps = {
    "properties", "definitions", "patternProperties", "dependencies", "$defs"};
constexpr std::array<std::string_view, 9> kSubschemas = {
    "items",
    "additionalProperties",
    "additionalItems",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames"};
constexpr std::array<std::string_view, 4> kSubschemaLists = {"allOf", "anyOf", "oneOf", "items"};

// valijson's messages for a parent whose child failed; the child's own error says why.
constexpr std::array<std::string_view, 6> kChainMessages = {
    "Failed to validate against schema associated with property name",
    "Failed to validate item #",
    "Failed to validate against child schema #",
    "Failed to validate against schema associated with pattern",
    "Failed to validate against additional properties schema",
    "Failed to validate against dependent schema",
};
constexpr std::string_view kPatternMessage =
    "Failed to match regex specified by 'pattern' constraint.";

template <std::size_t N>
bool IsOneOf(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// A JSON pointer reference token: "~" → "~0", "/" → "~1".
std::string PointerToken(std::string_view name) {
    std::string out;
    for (const char c : name) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

/// Calls visit(schema_object, json_pointer) for every subschema, following only keyword
/// positions (so data under "enum", "const" or "default" is never taken for a schema).
template <class Visit>
void ForEachSubschema(json::value& schema, const std::string& pointer, Visit& visit) {
    if (!schema.is_object()) {
        return;
    }
    json::object& object = schema.get_object();
    visit(object, pointer);
    for (auto& [key, value] : object) {
        const std::string here = fmt::format("{}/{}", pointer, PointerToken(key));
        if (IsOneOf(kSchemaMaps, key) && value.is_object()) {
            for (auto& [name, subschema] : value.get_object()) {
                ForEachSubschema(subschema, fmt::format("{}/{}", here, PointerToken(name)), visit);
            }
        } else if (IsOneOf(kSubschemaLists, key) && value.is_array()) {
            for (std::size_t i = 0; i < value.get_array().size(); ++i) {
                ForEachSubschema(value.get_array()[i], fmt::format("{}/{}", here, i), visit);
            }
        } else if (IsOneOf(kSubschemas, key)) {
            ForEachSubschema(value, here, visit);
        }
    }
}

/// Makes an OSCAL schema loadable by valijson: references to "$id" anchors ("#assembly_x")
/// become JSON pointers to the subschema that declares the anchor, every "$id" is removed (the
/// root's absolute $id would otherwise make valijson treat "#/definitions/…" as remote), and
/// the patterns are returned.
std::set<std::string> RewriteForValijson(json::value& schema) {
    std::unordered_map<std::string, std::string> pointer_of_anchor;
    auto collect_anchor = [&](json::object& subschema, const std::string& pointer) {
        const json::value* id = subschema.if_contains("$id");
        if (id != nullptr && id->is_string() && id->get_string().starts_with("#")
            && !id->get_string().starts_with("#/")) {
            pointer_of_anchor.emplace(id->get_string(), "#" + pointer);
        }
    };
    ForEachSubschema(schema, "", collect_anchor);

    std::set<std::string> patterns;
    auto rewrite = [&](json::object& subschema, const std::string&) {
        subschema.erase("$id");
        if (json::value* ref = subschema.if_contains("$ref"); ref != nullptr && ref->is_string()) {
            const auto anchor = pointer_of_anchor.find(std::string(ref->get_string()));
            if (anchor != pointer_of_anchor.end()) {
                *ref = anchor->second;
            }
        }
        if (const json::value* pattern = subschema.if_contains("pattern");
            pattern != nullptr && pattern->is_string()) {
            patterns.emplace(pattern->get_string());
        }
    };
    ForEachSubschema(schema, "", rewrite);
    return patterns;
}

/// "$.catalog.groups[0].title" for valijson's context ["<root>", "[catalog]", "[groups]",
/// "[0]", "[title]"], telling array indexes from member names by walking the document. Also
/// returns the value the path ends at (nullptr when it does not exist).
std::pair<std::string, const json::value*> PathOf(
    const std::vector<std::string>& context, const json::value& document
) {
    std::string path = "$";
    const json::value* at = &document;
    for (std::size_t i = 1; i < context.size(); ++i) {
        std::string_view token = context[i];
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
            token = token.substr(1, token.size() - 2);
        }
        if (at != nullptr && at->is_array()) {
            path += fmt::format("[{}]", token);
            std::size_t index = 0;
            const bool numeric =
                !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
                    return c >= '0' && c <= '9';
                });
            if (numeric) {
                index = std::stoul(std::string(token));
            }
            at = numeric && index < at->get_array().size() ? &at->get_array()[index] : nullptr;
        } else {
            path += '.';
            path += token;
            at = at != nullptr && at->is_object() ? at->get_object().if_contains(token) : nullptr;
        }
    }
    return {std::move(path), at};
}

/// One error as valijson reported it, before the chain messages are dropped.
struct ReportedError {
    FieldError error;
    bool only_reports_a_child = false;  // one of kChainMessages
};

bool IsChainMessage(std::string_view message) {
    return std::any_of(kChainMessages.begin(), kChainMessages.end(), [&](std::string_view prefix) {
        return message.starts_with(prefix);
    });
}

/// Whether `inner` is `outer` or a path below it.
bool IsWithin(std::string_view inner, std::string_view outer) {
    return inner.starts_with(outer)
           && (inner.size() == outer.size() || inner[outer.size()] == '.'
               || inner[outer.size()] == '[');
}

std::string Describe(std::string_view message, const json::value* value) {
    if (message != kPatternMessage || value == nullptr) {
        return std::string(message);
    }
    std::string quoted = json::serialize(*value);
    if (quoted.size() > kQuotedValueLimit) {
        quoted = quoted.substr(0, kQuotedValueLimit) + "…";
    }
    return fmt::format("{} does not match the pattern the schema requires", quoted);
}

}  // namespace

namespace detail {

std::string TranslateUnicodeProperties(std::string_view pattern) {
    std::string out;
    out.reserve(pattern.size());
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char escaped = pattern[i + 1];
            const std::size_t close = pattern.find('}', i);
            if ((escaped == 'p' || escaped == 'P') && i + 2 < pattern.size()
                && pattern[i + 2] == '{' && close != std::string_view::npos) {
                const std::string_view property = pattern.substr(i + 3, close - i - 3);
                std::string_view members = "\\s\\S";  // any character
                if (escaped == 'p' && property.starts_with("L")) {
                    members = "A-Za-z\\x80-\\xFF";
                } else if (escaped == 'p' && property.starts_with("N")) {
                    members = "0-9\\x80-\\xFF";
                }
                out += in_class ? std::string(members) : fmt::format("[{}]", members);
                i = close;
                continue;
            }
            out += c;
            out += escaped;
            ++i;
            continue;
        }
        if (c == '[' && !in_class) {
            in_class = true;
        } else if (c == ']' && in_class) {
            in_class = false;
        }
        out += c;
    }
    return out;
}

}  // namespace detail

struct OscalSchema::Prepared {
    json::value document;  // the rewritten schema the valijson schema was built from
    valijson::Schema schema;
    std::unordered_map<std::string, std::regex> patterns;  // by the pattern as written
};

OscalSchema::OscalSchema(std::unique_ptr<Prepared> prepared) : prepared_(std::move(prepared)) {}
OscalSchema::OscalSchema(OscalSchema&& other) noexcept = default;
OscalSchema& OscalSchema::operator=(OscalSchema&& other) noexcept = default;
OscalSchema::~OscalSchema() = default;

Result<OscalSchema> OscalSchema::Prepare(const json::value& schema) {
    if (!schema.is_object()) {
        return Error::Invalid("$", "an OSCAL JSON schema must be a JSON object");
    }
    auto prepared = std::make_unique<Prepared>();
    prepared->document = schema;
    const std::set<std::string> patterns = RewriteForValijson(prepared->document);
    // valijson and std::regex signal a schema they cannot use with exceptions; this is the
    // boundary where they become an error value.
    try {
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        const Adapter adapter(prepared->document);
        parser.populateSchema(adapter, prepared->schema);
        for (const std::string& pattern : patterns) {
            prepared->patterns.emplace(
                pattern,
                std::regex(
                    detail::TranslateUnicodeProperties(pattern),
                    std::regex::ECMAScript | kBoundedRecursion
                )
            );
        }
    } catch (const std::exception& e) {
        return Error::Invalid("$", fmt::format("the schema cannot be used: {}", e.what()));
    }
    return OscalSchema(std::move(prepared));
}

std::vector<FieldError> OscalSchema::Validate(const json::value& document) const {
    // valijson looks patterns up in (and would add them to) this cache: each call gets a copy
    // of the compiled ones, so that Validate stays const and thread-safe.
    std::unordered_map<std::string, std::regex> patterns = prepared_->patterns;
    valijson::ValidationResults results;
    const Adapter target(document);
    valijson::ValidationVisitor<Adapter> visitor(target, {"<root>"}, true, &results, patterns);
    visitor.validateSchema(prepared_->schema);

    valijson::ValidationResults::Error error;
    std::vector<ReportedError> reported;
    while (results.popError(error)) {
        auto [path, value] = PathOf(error.context, document);
        reported.push_back(
            {{std::move(path), Describe(error.description, value)},
             IsChainMessage(error.description)}
        );
    }
    std::vector<FieldError> found;
    std::set<std::pair<std::string, std::string>> seen;
    for (const ReportedError& candidate : reported) {
        const bool explained_below =
            candidate.only_reports_a_child
            && std::any_of(reported.begin(), reported.end(), [&](const ReportedError& other) {
                   return &other != &candidate
                          && IsWithin(other.error.field, candidate.error.field);
               });
        if (!explained_below
            && seen.emplace(candidate.error.field, candidate.error.message).second) {
            found.push_back(candidate.error);
        }
    }
    return found;
}

Result<std::vector<FieldError>> ValidateOscal(
    const json::value& document, const json::value& schema
) {
    ISMS_TRY_ASSIGN(const OscalSchema prepared, OscalSchema::Prepare(schema));
    return prepared.Validate(document);
}

const char* OscalSchemaFileName(OscalModel model) {
    switch (model) {
        case OscalModel::kCatalog:
            return "oscal_catalog_schema.json";
        case OscalModel::kProfile:
            return "oscal_profile_schema.json";
        case OscalModel::kMappingCollection:
            return "oscal_mapping_schema.json";
        case OscalModel::kComponentDefinition:
            return "oscal_component_schema.json";
        case OscalModel::kSystemSecurityPlan:
            return "oscal_ssp_schema.json";
        case OscalModel::kAssessmentPlan:
            return "oscal_assessment-plan_schema.json";
        case OscalModel::kAssessmentResults:
            return "oscal_assessment-results_schema.json";
        case OscalModel::kPlanOfActionAndMilestones:
            return "oscal_poam_schema.json";
    }
    ISMS_UNREACHABLE();
}

}  // namespace isms::catalog
