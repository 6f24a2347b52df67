// Imports OSCAL control catalogs and profiles (JSON of OSCAL 1.0.x–1.2.x, or the same models in
// XML) as catalog libraries: a catalog becomes one framework tree of groups, controls and
// enhancements; a profile is resolved against the catalog it imports and becomes a framework of
// the selected controls plus a mapping set back to the catalog. All-or-nothing: every structural
// problem of a document is reported at once, and nothing is returned then.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include <boost/json/value.hpp>

#include "catalog/model.hpp"
#include "core/error.hpp"

namespace isms::catalog {

/// The OSCAL document models, each named by its root key in JSON and root element in XML.
enum class OscalModel {
    kCatalog,                    // "catalog"
    kProfile,                    // "profile"
    kMappingCollection,          // "mapping-collection" (OSCAL 1.2)
    kComponentDefinition,        // "component-definition"
    kSystemSecurityPlan,         // "system-security-plan"
    kAssessmentPlan,             // "assessment-plan"
    kAssessmentResults,          // "assessment-results"
    kPlanOfActionAndMilestones,  // "plan-of-action-and-milestones"
};

/// The model named by a root key or root element name; nullopt for any other name.
[[nodiscard]] std::optional<OscalModel> OscalModelFromRootKey(std::string_view key);

/// The model of a parsed OSCAL JSON document: the first member of the root object that names
/// a model ("$schema" and unknown members are skipped); nullopt when there is none.
[[nodiscard]] std::optional<OscalModel> OscalModelOf(const boost::json::value& document);

/// What a user calls the model: "catalog", "system security plan", "assessment results" …
[[nodiscard]] const char* OscalModelDisplayName(OscalModel model);

/// Finds the catalog (or profile) a profile imports and returns it already imported as a
/// Library. It is called with each candidate href of one import in turn: for "#uuid" the
/// rlink hrefs of that back-matter resource (JSON ones first, as written, e.g.
/// "../../json/NIST_SP-800-53_rev5_catalog.json"), then the href itself. The caller usually
/// matches by file name beside the profile or among imported libraries. kNotFound means "not
/// this candidate, try the next"; any other error stops resolution and is reported.
using OscalCatalogResolver = std::function<Result<Library>(std::string_view href)>;

struct OscalOptions {
    /// Leave out controls that look withdrawn without a status marker (see ImportOscal)
    /// instead of keeping them marked; either way each gets a Notice.
    bool exclude_suspected_withdrawn = false;
};

/// Imports an OSCAL catalog or profile from JSON or XML text (XML when the first non-space
/// character is '<'). source_name becomes Library::source and prefixes every problem location.
///
/// Catalog: Library "urn:isms:library:oscal:<slug of metadata.title>", version =
/// metadata.version, one Framework "urn:isms:framework:oscal:<slug>" and one Framework::Group
/// per top-level group. Groups become nodes of kind "group", controls "control", controls nested
/// in controls "enhancement"; node URN = framework URN + ":" + OSCAL id; ref_id = the control's
/// unclassed `label` prop when it has no spaces ("AC-2(1)"), else the id; description = the
/// statement part (or else an overview part) flattened with item labels, parameters shown as
/// "[Assignment: …]" / "[Selection (one or more): a; b]"; annotation = guidance part, then any
/// `example` parts; the rest (class, params, props as {name[.class]: value}, links, other
/// parts) goes to Node::properties. withdrawn = prop status=withdrawn; controls and
/// enhancements that are not withdrawn are assessable.
///
/// Suspected withdrawals (NIST's CSF 2.0 OSCAL file keeps 91 CSF 1.1 items without a status):
/// when some controls of a catalog carry `example` parts, a control without child controls
/// that has none looks withdrawn; a control with children looks withdrawn when its statement is
/// empty, it has no examples and every child control is withdrawn or looks withdrawn. Such
/// nodes get properties["suspected_withdrawn"] = true and a Notice, or are left out (with a
/// Notice) under OscalOptions::exclude_suspected_withdrawn.
///
/// Profile: each import is resolved with `resolve`; include-all, include-controls (with-ids,
/// matching glob patterns, with-child-controls) and exclude-controls select controls, which are
/// copied into Framework "urn:isms:framework:oscal-profile:<slug>" (URN = that + ":" + id) in
/// catalog order together with their ancestors (groups, and parent controls the profile did not
/// select, kept with assessable = false and properties["profile_context"] = true) so the tree
/// stays browsable. Library "urn:isms:library:oscal-profile:<slug>" (format kOscalProfile)
/// lists the imported libraries in `dependencies` and carries one MappingSet per imported
/// framework with an `equal` pair from every selected control to its catalog original.
/// Parameter settings and alterations (`modify`) are not applied; a Notice says so.
///
/// Errors: kMalformedInput for JSON or XML that does not parse (with line and column);
/// kInvalidArgument naming the model for other OSCAL documents (system security plans,
/// assessment results, component definitions …) and for non-OSCAL documents; otherwise
/// kInvalidArgument with every problem located by JSON path ("source:$.catalog.groups[0]
/// .controls[3].id") or, for XML, by line ("source:line 86"): metadata, title, version or
/// oscal-version missing or not 1.x, group or control without title or usable id, an id used
/// twice, an import that cannot be resolved, a with-ids entry that is not a control of the
/// imported catalog, an import that selects nothing.
[[nodiscard]] Result<Library> ImportOscal(
    std::string_view text,
    std::string_view source_name,
    const OscalCatalogResolver& resolve,
    const OscalOptions& options = {}
);

/// As ImportOscal, for a JSON document the caller has already parsed (it is consumed: texts and
/// parts are moved out of it).
[[nodiscard]] Result<Library> ImportOscalDocument(
    boost::json::value document,
    std::string_view source_name,
    const OscalCatalogResolver& resolve,
    const OscalOptions& options = {}
);

}  // namespace isms::catalog
