// Catalog value types: frameworks with their requirement trees, mapping sets between them, and
// the library that carries them (one imported file, or one built-in). Catalog objects are
// shared, immutable reference data identified by stable URNs; a tenant's own objects point at
// them by URN and pin the library version. No I/O here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "catalog/problems.hpp"

namespace isms::catalog {

/// How two requirements relate (the OSCAL / NIST OLIR vocabulary), read "source REL target".
enum class Relationship {
    kEqual,       // same text and meaning
    kEquivalent,  // same meaning, different words
    kSubset,      // source is contained in target
    kSuperset,    // source contains target
    kIntersect,   // they overlap
    kNotRelated,  // explicitly unrelated
};

/// "equal", "equivalent", "subset", "superset", "intersect", "not_related".
[[nodiscard]] const char* RelationshipName(Relationship r);
/// Parses the names above (also "not-related"); nullopt for anything else.
[[nodiscard]] std::optional<Relationship> ParseRelationship(std::string_view name);

/// One node of a framework tree: a clause, theme, control, enhancement, category, article …
struct Node {
    std::string urn;          // stable, unique in the catalog
    std::string ref_id;       // human identifier: "A.5.1", "6.1.2", "AC-2(1)", "GV.OC-01"
    std::string name;         // title
    std::string description;  // our words for built-ins; the publisher's for imports
    std::string annotation;   // further text: guidance, discussion, examples
    std::string parent_urn;   // empty for a top-level node
    std::string kind;         // "clause", "theme", "control", "group", "enhancement", …
    int depth = 1;            // 1 for top-level nodes
    bool assessable = false;  // a result can be recorded against it (controls, sub-clauses)
    bool withdrawn = false;   // kept for reference, excluded from assessments
    bool is_new = false;      // introduced in this edition (ISO 27001:2022: 11 controls)
    std::vector<std::string> reference_controls;  // URNs of ReferenceControl
    std::vector<std::string> threats;             // URNs of Threat
    /// Attribute values by vocabulary id (ISO/IEC 27002 attributes once a tenant imports them).
    std::map<std::string, std::vector<std::string>> attributes;
    /// Format-specific extras kept for display: OSCAL params and parts, implementation groups.
    boost::json::object properties;
};

/// A named selection of top-level nodes ("Clauses", "Annex A / SoA").
struct Group {
    std::string id;  // "clauses", "annex-a"
    std::string name;
    std::vector<std::string> roots;  // URNs of top-level nodes
};

/// An attribute and its allowed values ("control_type": preventive, detective, corrective).
struct AttributeVocabulary {
    std::string id;
    std::string name;
    std::vector<std::string> values;
};

struct Framework {
    std::string urn;
    std::string ref_id;  // "ISO/IEC 27001:2022", "NIST SP 800-53 rev5"
    std::string name;
    std::string description;
    std::vector<Group> groups;
    std::vector<AttributeVocabulary> attribute_vocabularies;
    /// Other URNs that denote the same framework (another publisher's copy of ISO 27001:2022);
    /// nodes with equal ref_id are treated as equal across them.
    std::vector<std::string> aliases;
    std::vector<Node> nodes;  // document order; a parent comes before its children
};

struct MappingPair {
    std::string source_urn;
    std::string target_urn;
    Relationship relationship = Relationship::kIntersect;
    std::optional<int> strength;  // 1..10 where the publisher gives one
    std::string rationale;
};

/// A crosswalk from one framework to another.
struct MappingSet {
    std::string urn;
    std::string ref_id;
    std::string name;
    std::string description;
    std::string source_framework_urn;
    std::string target_framework_urn;
    std::vector<MappingPair> pairs;
};

/// A generic measure a requirement may suggest (CISO Assistant "reference control").
struct ReferenceControl {
    std::string urn;
    std::string ref_id;
    std::string name;
    std::string description;
    std::string category;  // policy, process, technical, physical
    std::string function;  // govern, identify, protect, detect, respond, recover
};

struct Threat {
    std::string urn;
    std::string ref_id;
    std::string name;
    std::string description;
    std::string category;
    std::vector<std::string> origins;  // deliberate, accidental, environmental (when known)
};

/// A risk matrix as published: probability and impact scales, risk levels and the grid. Kept
/// as JSON here; the risk module turns it into a tenant's method.
struct RiskMatrix {
    std::string urn;
    std::string ref_id;
    std::string name;
    std::string description;
    boost::json::object definition;  // {"probability":[…],"impact":[…],"risk":[…],"grid":[[…]]}
};

/// Where a library came from.
enum class Format {
    kNative,         // isms library JSON (built-ins are written in it)
    kCisoAssistant,  // CISO Assistant library YAML
    kOscalCatalog,   // OSCAL catalog, JSON or XML
    kOscalProfile,   // OSCAL profile, resolved against its catalog
    kFluidAttacks,   // Fluid Attacks criteria requirements + compliance YAML
    kCsv,            // isms framework or mapping CSV/XLSX
};

[[nodiscard]] const char* FormatName(Format f);

/// One unit of import: everything one file (or one built-in) brings. (urn, version) identifies
/// it; importing the same pair again is idempotent, a new version loads beside the old.
struct Library {
    std::string urn;
    std::string version;  // as published: "1", "5.0.1"
    std::string ref_id;
    std::string name;
    std::string description;
    std::string provider;  // who published the content ("ISO/IEC", "NIST")
    std::string packager;  // who packaged the file ("intuitem", "isms")
    std::string copyright;
    std::string source;  // file name or address it came from
    Format format = Format::kNative;
    std::vector<std::string> dependencies;  // library URNs that must be present
    std::vector<Framework> frameworks;
    std::vector<MappingSet> mapping_sets;
    std::vector<ReferenceControl> reference_controls;
    std::vector<Threat> threats;
    std::vector<RiskMatrix> risk_matrices;
    std::vector<Notice> notices;  // findings shown after import; not part of the content
};

}  // namespace isms::catalog
