#include <string_view>

#include "catalog/model.hpp"

namespace isms::catalog {

const char* RelationshipName(Relationship r) {
    switch (r) {
        case Relationship::kEqual:
            return "equal";
        case Relationship::kEquivalent:
            return "equivalent";
        case Relationship::kSubset:
            return "subset";
        case Relationship::kSuperset:
            return "superset";
        case Relationship::kIntersect:
            return "intersect";
        case Relationship::kNotRelated:
            return "not_related";
    }
    return "intersect";
}

std::optional<Relationship> ParseRelationship(std::string_view name) {
    for (auto r :
         {Relationship::kEqual,
          Relationship::kEquivalent,
          Relationship::kSubset,
          Relationship::kSuperset,
          Relationship::kIntersect,
          Relationship::kNotRelated}) {
        if (name == RelationshipName(r)) {
            return r;
        }
    }
    if (name == "not-related") {
        return Relationship::kNotRelated;
    }
    return std::nullopt;
}

const char* FormatName(Format f) {
    switch (f) {
        case Format::kNative:
            return "isms";
        case Format::kCisoAssistant:
            return "ciso-assistant";
        case Format::kOscalCatalog:
            return "oscal-catalog";
        case Format::kOscalProfile:
            return "oscal-profile";
        case Format::kFluidAttacks:
            return "fluid-attacks";
        case Format::kCsv:
            return "csv";
    }
    return "isms";
}

}  // namespace isms::catalog
