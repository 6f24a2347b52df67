#include "catalog/oscal_import.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "reference_files.hpp"

namespace isms::catalog {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNistCatalogFile = "NIST_SP-800-53_rev5_catalog.json";
constexpr std::string_view kNistFramework =
    "urn:isms:framework:oscal:nist-special-publication-800-53-revision-5-security-and-privacy-"
    "controls-for-federal-information-systems-and-organizations";

/// Every problem of a failed import, one per line, for assertion messages.
std::string Describe(const Error& error) {
    std::string out = error.message;
    for (const FieldError& field : error.fields) {
        out += "\n  " + field.field + ": " + field.message;
    }
    return out;
}

/// Whether some problem sits at `location` and its message contains `words`.
bool HasProblem(const Error& error, std::string_view location, std::string_view words) {
    return std::any_of(error.fields.begin(), error.fields.end(), [&](const FieldError& f) {
        return f.field == location && f.message.find(words) != std::string::npos;
    });
}

Result<Library> NotFound(std::string_view href) {
    return Error::NotFound(std::string(href));
}

/// Imports text that must import; fails the test with every problem listed otherwise.
Library MustImport(
    std::string_view text,
    std::string_view name,
    const OscalCatalogResolver& resolve = NotFound,
    const OscalOptions& options = {}
) {
    auto library = ImportOscal(text, name, resolve, options);
    if (!library) {
        ADD_FAILURE() << Describe(library.error());
        return {};
    }
    return std::move(*library);
}

Error MustFail(std::string_view text, const OscalCatalogResolver& resolve = NotFound) {
    auto library = ImportOscal(text, "broken.json", resolve);
    if (library) {
        ADD_FAILURE() << "imported although broken";
        return {};
    }
    return library.error();
}

std::size_t CountKind(const Framework& framework, std::string_view kind) {
    return static_cast<std::size_t>(std::count_if(
        framework.nodes.begin(),
        framework.nodes.end(),
        [&](const Node& n) { return n.kind == kind; }
    ));
}

template <class Predicate>
std::size_t CountIf(const Framework& framework, Predicate&& predicate) {
    return static_cast<std::size_t>(
        std::count_if(framework.nodes.begin(), framework.nodes.end(), predicate)
    );
}

bool IsSuspected(const Node& node) {
    const boost::json::value* flag = node.properties.if_contains("suspected_withdrawn");
    return flag != nullptr && flag->is_bool() && flag->get_bool();
}

bool IsProfileContext(const Node& node) {
    return node.properties.contains("profile_context");
}

const Node* FindByRefId(const Framework& framework, std::string_view ref_id) {
    auto it = std::find_if(framework.nodes.begin(), framework.nodes.end(), [&](const Node& n) {
        return n.ref_id == ref_id;
    });
    return it == framework.nodes.end() ? nullptr : &*it;
}

/// The SP 800-53 rev5 catalog, imported once for the whole test binary (3.2 MB).
const Library& NistCatalog(const fs::path& reference) {
    static const Library kImported = MustImport(
        testing::ReadText(reference / "nist-oscal-content/sp800-53-rev5" / kNistCatalogFile),
        kNistCatalogFile
    );
    return kImported;
}

/// Resolves hrefs by file name against the 800-53 catalog, recording every href it is given.
OscalCatalogResolver NistResolver(const fs::path& reference, std::vector<std::string>* asked) {
    return [reference, asked](std::string_view href) -> Result<Library> {
        asked->emplace_back(href);
        if (fs::path(std::string(href)).filename() == kNistCatalogFile) {
            return NistCatalog(reference);
        }
        return Error::NotFound(std::string(href));
    };
}

// --- SP 800-53 rev5 (SOURCES.md §2) ---------------------------------------------------------

TEST(OscalImport, Nist80053CatalogCounts) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Library& library = NistCatalog(dir);
    ASSERT_EQ(library.frameworks.size(), 1U);
    const Framework& framework = library.frameworks.front();
    EXPECT_EQ(
        library.urn,
        "urn:isms:library:oscal:nist-special-publication-800-53-revision-5-security-and-privacy-"
        "controls-for-federal-information-systems-and-organizations"
    );
    EXPECT_EQ(library.version, "5.0.1");
    EXPECT_EQ(library.format, Format::kOscalCatalog);
    EXPECT_EQ(library.source, kNistCatalogFile);
    EXPECT_EQ(library.provider, "Joint Task Force, Interagency Working Group");
    EXPECT_EQ(framework.urn, kNistFramework);
    EXPECT_EQ(framework.groups.size(), 20U);
    EXPECT_EQ(CountKind(framework, "group"), 20U);
    EXPECT_EQ(CountKind(framework, "control"), 322U);
    EXPECT_EQ(CountKind(framework, "enhancement"), 867U);
    EXPECT_EQ(CountIf(framework, [](const Node& n) { return n.withdrawn; }), 182U);
    EXPECT_EQ(CountIf(framework, [](const Node& n) { return n.assessable; }), 1189U - 182U);
    EXPECT_EQ(CountIf(framework, IsSuspected), 0U) << "no example parts: nothing to suspect";
    EXPECT_TRUE(library.notices.empty());
}

TEST(OscalImport, Nist80053ControlText) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Framework& framework = NistCatalog(dir).frameworks.front();

    const Node* ac1 = FindByRefId(framework, "AC-1");
    ASSERT_NE(ac1, nullptr);
    EXPECT_EQ(ac1->urn, std::string(kNistFramework) + ":ac-1");
    EXPECT_EQ(ac1->parent_urn, std::string(kNistFramework) + ":ac");
    EXPECT_EQ(ac1->name, "Policy and Procedures");
    EXPECT_EQ(ac1->depth, 2);
    EXPECT_TRUE(ac1->description.starts_with(
        "a. Develop, document, and disseminate to [Assignment: organization-defined personnel or "
        "roles]:\n  1. [Selection (one or more): Organization-level; Mission/business "
        "process-level; System-level] access control policy that:\n    (a) Addresses purpose"
    )) << ac1->description;
    EXPECT_TRUE(ac1->annotation.starts_with("Access control policy and procedures address"));
    EXPECT_EQ(ac1->properties.at("props").at("sort-id"), "ac-01");
    EXPECT_EQ(ac1->properties.at("params").as_array().size(), 7U);
    EXPECT_FALSE(ac1->properties.at("props").as_object().contains("label"));

    const Node* enhancement = FindByRefId(framework, "AC-2(1)");
    ASSERT_NE(enhancement, nullptr);
    EXPECT_EQ(enhancement->kind, "enhancement");
    EXPECT_EQ(enhancement->depth, 3);
    EXPECT_EQ(enhancement->parent_urn, std::string(kNistFramework) + ":ac-2");
    EXPECT_EQ(
        enhancement->description,
        "Support the management of system accounts using [Assignment: organization-defined "
        "automated mechanisms]."
    );
    EXPECT_TRUE(enhancement->assessable);

    const Node* withdrawn = FindByRefId(framework, "AC-2(10)");
    ASSERT_NE(withdrawn, nullptr);
    EXPECT_TRUE(withdrawn->withdrawn);
    EXPECT_FALSE(withdrawn->assessable);
    EXPECT_EQ(withdrawn->properties.at("links").at(0).at("rel"), "incorporated-into");

    const Node& family = framework.nodes.front();
    EXPECT_EQ(family.kind, "group");
    EXPECT_EQ(family.ref_id, "ac");
    EXPECT_EQ(family.name, "Access Control");
    EXPECT_FALSE(family.assessable);
    EXPECT_EQ(framework.groups.front().id, "ac");
    EXPECT_EQ(framework.groups.front().roots, std::vector<std::string>{family.urn});
}

TEST(OscalImport, ResolvedHighBaselineCatalogMinified) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Library library = MustImport(
        testing::ReadText(
            dir
            / "nist-oscal-content/sp800-53-rev5/"
              "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json"
        ),
        "high-resolved.json"
    );
    const Framework& framework = library.frameworks.front();
    EXPECT_EQ(library.version, "5.1.1+u4");
    EXPECT_EQ(CountKind(framework, "group"), 18U);
    EXPECT_EQ(CountKind(framework, "control"), 188U);
    EXPECT_EQ(CountKind(framework, "enhancement"), 182U);
    EXPECT_EQ(CountKind(framework, "control") + CountKind(framework, "enhancement"), 370U);

    // 5.1.1 labels come three times (plain, zero-padded, sp800-53a): the plain one is ref_id.
    const Node* ac2 = FindByRefId(framework, "AC-2");
    ASSERT_NE(ac2, nullptr);
    EXPECT_EQ(ac2->properties.at("props").at("label.zero-padded"), "AC-02");
    const auto& parts = ac2->properties.at("parts").as_array();
    EXPECT_TRUE(std::any_of(parts.begin(), parts.end(), [](const boost::json::value& p) {
        return p.at("name") == "assessment-objective";
    }));
    // Parameters of 5.1.1 are "odp" ids with their own labels.
    EXPECT_TRUE(
        ac2->description.find("[Assignment: prerequisites and criteria]") != std::string::npos
    ) << ac2->description;
}

TEST(OscalImport, BaselineProfilesSelectWhatTheFilesList) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const fs::path folder = dir / "nist-oscal-content/sp800-53-rev5";
    const std::map<std::string, std::size_t> expected = {
        {"LOW", 149}, {"MODERATE", 287}, {"HIGH", 370}, {"PRIVACY", 96}};
    for (const auto& [level, count] : expected) {
        SCOPED_TRACE(level);
        const std::string name = "NIST_SP-800-53_rev5_" + level + "-baseline_profile.json";
        const std::string text = testing::ReadText(folder / name);

        // What the file says: the with-ids of its single include-controls.
        const boost::json::value raw = boost::json::parse(text);
        const auto& with_ids =
            raw.at("profile").at("imports").at(0).at("include-controls").at(0).at("with-ids");
        EXPECT_EQ(with_ids.as_array().size(), count);

        std::vector<std::string> asked;
        const Library profile = MustImport(text, name, NistResolver(dir, &asked));
        ASSERT_EQ(profile.frameworks.size(), 1U);
        const Framework& framework = profile.frameworks.front();
        EXPECT_EQ(profile.format, Format::kOscalProfile);
        EXPECT_EQ(profile.version, "5.1.1+u4");
        EXPECT_EQ(profile.dependencies, std::vector<std::string>{NistCatalog(dir).urn});
        ASSERT_FALSE(asked.empty());
        EXPECT_EQ(
            asked.front(),
            "../../../../nist.gov/SP800-53/rev5/json/" + std::string(kNistCatalogFile)
        ) << "the back-matter resource's JSON rlink is tried first";

        const auto selected = CountIf(framework, [](const Node& n) {
            return n.kind != "group" && !IsProfileContext(n);
        });
        EXPECT_EQ(selected, count);
        EXPECT_EQ(CountIf(framework, [](const Node& n) { return n.assessable; }), count);
        ASSERT_EQ(profile.mapping_sets.size(), 1U);
        const MappingSet& mapping = profile.mapping_sets.front();
        EXPECT_EQ(mapping.source_framework_urn, framework.urn);
        EXPECT_EQ(mapping.target_framework_urn, kNistFramework);
        EXPECT_EQ(mapping.pairs.size(), count);
        EXPECT_TRUE(std::all_of(
            mapping.pairs.begin(),
            mapping.pairs.end(),
            [](const MappingPair& p) { return p.relationship == Relationship::kEqual; }
        ));
    }
}

TEST(OscalImport, ProfileKeepsAncestorsOfSelectedEnhancements) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const std::string name = "NIST_SP-800-53_rev5_PRIVACY-baseline_profile.json";
    std::vector<std::string> asked;
    const Library profile = MustImport(
        testing::ReadText(dir / "nist-oscal-content/sp800-53-rev5" / name),
        name,
        NistResolver(dir, &asked)
    );
    const Framework& framework = profile.frameworks.front();
    EXPECT_EQ(
        framework.urn,
        "urn:isms:framework:oscal-profile:nist-special-publication-800-53-revision-5-1-1-privacy-"
        "baseline"
    );
    // sa-8.33, ac-3.14, sc-7.24, au-3.3, pm-5.1 … are selected without their base control.
    EXPECT_EQ(CountIf(framework, IsProfileContext), 6U);
    const Node* ac3 = FindByRefId(framework, "AC-3");
    ASSERT_NE(ac3, nullptr);
    EXPECT_TRUE(IsProfileContext(*ac3));
    EXPECT_FALSE(ac3->assessable);
    const Node* ac3_14 = FindByRefId(framework, "AC-3(14)");
    ASSERT_NE(ac3_14, nullptr);
    EXPECT_EQ(ac3_14->parent_urn, ac3->urn);
    EXPECT_TRUE(ac3_14->assessable);
    EXPECT_EQ(CountKind(framework, "group"), framework.groups.size());
    EXPECT_EQ(framework.groups.size(), 16U);  // families with at least one privacy control
}

// --- CSF 2.0 in OSCAL XML, with CSF 1.1 items withdrawn without a marker --------------------

TEST(OscalImport, Csf20XmlMarksSuspectedWithdrawals) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Library library = MustImport(
        testing::ReadText(dir / "nist-oscal-content/csf-2.0/NIST_CSF_v2.0_catalog.xml"),
        "NIST_CSF_v2.0_catalog.xml"
    );
    const Framework& framework = library.frameworks.front();
    EXPECT_EQ(library.urn, "urn:isms:library:oscal:nist-cybersecurity-framework-2-0");
    EXPECT_EQ(library.version, "1.0.0");
    EXPECT_EQ(library.provider, "NIST");
    EXPECT_EQ(CountKind(framework, "group"), 6U);
    EXPECT_EQ(CountKind(framework, "control"), 34U);
    EXPECT_EQ(CountKind(framework, "enhancement"), 185U);
    const auto active = [&](std::string_view kind) {
        return CountIf(framework, [&](const Node& n) { return n.kind == kind && !IsSuspected(n); });
    };
    EXPECT_EQ(active("control"), 22U);
    EXPECT_EQ(active("enhancement"), 106U);
    EXPECT_EQ(library.notices.size(), 12U + 79U);

    const Node* govern = FindByRefId(framework, "GV");
    ASSERT_NE(govern, nullptr);
    EXPECT_EQ(govern->name, "GOVERN");
    EXPECT_TRUE(govern->description.starts_with("The organization's cybersecurity risk management")
    );

    const Node* category = FindByRefId(framework, "GV.OC");
    ASSERT_NE(category, nullptr);
    EXPECT_EQ(category->name, "Organizational Context");
    EXPECT_FALSE(IsSuspected(*category));
    EXPECT_EQ(category->properties.at("props").at("label"), "Organizational Context (GV.OC)");

    const Node* subcategory = FindByRefId(framework, "GV.OC-01");
    ASSERT_NE(subcategory, nullptr);
    EXPECT_EQ(
        subcategory->description,
        "The organizational mission is understood and informs cybersecurity risk management"
    );
    EXPECT_TRUE(subcategory->annotation.starts_with("Examples:\n- Share the organization's mission")
    ) << subcategory->annotation;
    EXPECT_EQ(subcategory->properties.at("props").at("risk-party"), "1st");

    const Node* withdrawn_category = FindByRefId(framework, "ID.BE");
    ASSERT_NE(withdrawn_category, nullptr);
    EXPECT_TRUE(IsSuspected(*withdrawn_category));
    EXPECT_FALSE(withdrawn_category->withdrawn) << "a suspicion, not a status";
    const Node* withdrawn_subcategory = FindByRefId(framework, "ID.AM-06");
    ASSERT_NE(withdrawn_subcategory, nullptr);
    EXPECT_TRUE(IsSuspected(*withdrawn_subcategory));

    const auto notice =
        std::find_if(library.notices.begin(), library.notices.end(), [](const Notice& n) {
            return n.message.starts_with("ID.BE ");
        });
    ASSERT_NE(notice, library.notices.end());
    EXPECT_EQ(notice->location, "NIST_CSF_v2.0_catalog.xml:line 1367");
    EXPECT_NE(notice->message.find("kept, marked suspected_withdrawn"), std::string::npos);
}

TEST(OscalImport, Csf20XmlCanLeaveSuspectedWithdrawalsOut) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Library library = MustImport(
        testing::ReadText(dir / "nist-oscal-content/csf-2.0/NIST_CSF_v2.0_catalog.xml"),
        "NIST_CSF_v2.0_catalog.xml",
        NotFound,
        OscalOptions{.exclude_suspected_withdrawn = true}
    );
    const Framework& framework = library.frameworks.front();
    EXPECT_EQ(CountKind(framework, "group"), 6U);
    EXPECT_EQ(CountKind(framework, "control"), 22U);
    EXPECT_EQ(CountKind(framework, "enhancement"), 106U);
    EXPECT_EQ(FindByRefId(framework, "ID.BE"), nullptr);
    EXPECT_EQ(FindByRefId(framework, "ID.BE-01"), nullptr);
    EXPECT_NE(FindByRefId(framework, "ID.AM-05"), nullptr);
    EXPECT_EQ(library.notices.size(), 91U);
    EXPECT_TRUE(std::all_of(library.notices.begin(), library.notices.end(), [](const Notice& n) {
        return n.message.ends_with("left out");
    }));
}

// --- small documents ------------------------------------------------------------------------

TEST(OscalImport, BasicCatalogNestedGroupsAndParameters) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const Library library = MustImport(
        testing::ReadText(dir / "nist-oscal-content/examples/basic-catalog.json"),
        "basic-catalog.json"
    );
    const Framework& framework = library.frameworks.front();
    EXPECT_EQ(CountKind(framework, "control"), 4U);
    EXPECT_EQ(framework.groups.size(), 2U);
    const Node* control = FindByRefId(framework, "1.1.1");
    ASSERT_NE(control, nullptr);
    EXPECT_EQ(control->depth, 3);  // group s1 → group s1.1 → control
    EXPECT_NE(
        control->description.find(
            "[Selection (one or more): initiating a device lock after [Assignment: a duration] of "
            "inactivity; requiring the user to initiate a device lock before leaving the system "
            "unattended]"
        ),
        std::string::npos
    ) << control->description;
    EXPECT_TRUE(
        control->annotation.starts_with("Allocation of information security responsibilities")
    );
    ASSERT_TRUE(control->properties.contains("parts")) << "overview parts are kept";
    EXPECT_EQ(control->properties.at("parts").as_array().size(), 2U);
}

constexpr std::string_view kSmallCatalog = R"({"catalog": {
  "uuid": "11111111-1111-4111-8111-111111111111",
  "metadata": {"title": "Small Catalog", "version": "3", "oscal-version": "1.2.1"},
  "groups": [{"id": "fam", "title": "Family", "controls": [
    {"id": "c-1", "title": "One", "parts": [{"id": "c-1_smt", "name": "statement", "prose": "Do one."}],
     "controls": [{"id": "c-1.1", "title": "One, more"}, {"id": "c-1.2", "title": "One, most"}]},
    {"id": "c-2", "title": "Two"},
    {"id": "x-3", "title": "Three"}]}]}})";

OscalCatalogResolver SmallCatalogResolver() {
    return [](std::string_view href) -> Result<Library> {
        if (href == "small.json") {
            return ImportOscal(kSmallCatalog, "small.json", NotFound);
        }
        return Error::NotFound(std::string(href));
    };
}

std::vector<std::string> SelectedIds(const Library& profile) {
    std::vector<std::string> ids;
    for (const MappingPair& pair : profile.mapping_sets.front().pairs) {
        ids.push_back(pair.source_urn.substr(pair.source_urn.rfind(':') + 1));
    }
    return ids;
}

TEST(OscalImport, ProfileSelectors) {
    const auto profile_with = [](std::string_view import) {
        return std::string(R"({"profile": {"uuid": "22222222-2222-4222-8222-222222222222",
          "metadata": {"title": "Small Profile", "version": "1", "oscal-version": "1.1.2"},
          "imports": [)")
               + std::string(import) + "]}}";
    };
    const Library all_but = MustImport(
        profile_with(R"({"href": "small.json", "include-all": {},
            "exclude-controls": [{"with-ids": ["c-1"], "with-child-controls": "yes"}]})"),
        "p.json",
        SmallCatalogResolver()
    );
    EXPECT_EQ(SelectedIds(all_but), (std::vector<std::string>{"c-2", "x-3"}));
    EXPECT_EQ(all_but.mapping_sets.front().urn, "urn:isms:mapping:oscal-profile:small-profile");
    EXPECT_EQ(
        all_but.dependencies, std::vector<std::string>{"urn:isms:library:oscal:small-catalog"}
    );

    const Library with_children = MustImport(
        profile_with(R"({"href": "small.json",
            "include-controls": [{"with-ids": ["c-1"], "with-child-controls": "yes"}]})"),
        "p.json",
        SmallCatalogResolver()
    );
    EXPECT_EQ(SelectedIds(with_children), (std::vector<std::string>{"c-1", "c-1.1", "c-1.2"}));

    const Library matching = MustImport(
        profile_with(
            R"({"href": "small.json", "include-controls": [{"matching": [{"pattern": "c-?"}]}]})"
        ),
        "p.json",
        SmallCatalogResolver()
    );
    EXPECT_EQ(SelectedIds(matching), (std::vector<std::string>{"c-1", "c-2"}));
    const Framework& framework = matching.frameworks.front();
    ASSERT_EQ(framework.nodes.size(), 3U);  // the family group, c-1, c-2
    EXPECT_EQ(framework.nodes[0].urn, "urn:isms:framework:oscal-profile:small-profile:fam");
    EXPECT_EQ(framework.nodes[1].parent_urn, framework.nodes[0].urn);
    EXPECT_EQ(framework.nodes[1].description, "Do one.");
}

TEST(OscalImport, XmlProfileOfAProfile) {
    // inner.xml takes one enhancement (its base control comes along for context); outer.json
    // takes everything inner.xml selected.
    const auto resolve = [](std::string_view href) -> Result<Library> {
        if (href == "inner.xml") {
            return ImportOscal(
                R"(<profile xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="33333333-3333-4333-8333-333333333333">
  <metadata><title>Inner</title><version>1</version><oscal-version>1.1.2</oscal-version></metadata>
  <import href="#catalog-resource">
    <include-controls><with-id>c-1.2</with-id></include-controls>
    <include-controls with-child-controls="no"><matching pattern="x-*"/></include-controls>
  </import>
  <back-matter>
    <resource uuid="catalog-resource">
      <rlink href="xml/small.xml" media-type="application/oscal.catalog+xml"/>
      <rlink href="json/small.json" media-type="application/oscal.catalog+json"/>
    </resource>
  </back-matter>
</profile>)",
                "inner.xml",
                [](std::string_view inner_href) -> Result<Library> {
                    if (inner_href == "json/small.json") {
                        return ImportOscal(kSmallCatalog, "small.json", NotFound);
                    }
                    return Error::NotFound(std::string(inner_href));
                }
            );
        }
        return Error::NotFound(std::string(href));
    };
    const Library outer = MustImport(
        R"({"profile": {"uuid": "44444444-4444-4444-8444-444444444444",
          "metadata": {"title": "Outer", "version": "1", "oscal-version": "1.0.0"},
          "imports": [{"href": "inner.xml", "include-all": {}}]}})",
        "outer.json",
        resolve
    );
    EXPECT_EQ(SelectedIds(outer), (std::vector<std::string>{"c-1.2", "x-3"}));
    EXPECT_EQ(outer.dependencies, std::vector<std::string>{"urn:isms:library:oscal-profile:inner"});
    const Framework& framework = outer.frameworks.front();
    ASSERT_EQ(framework.nodes.size(), 4U);  // fam, c-1 (context), c-1.2, x-3
    EXPECT_TRUE(IsProfileContext(framework.nodes[1]));
    EXPECT_FALSE(framework.nodes[1].assessable);
    EXPECT_EQ(framework.nodes[2].kind, "enhancement");
    EXPECT_EQ(framework.nodes[2].parent_urn, framework.nodes[1].urn);
    EXPECT_EQ(
        outer.mapping_sets.front().target_framework_urn, "urn:isms:framework:oscal-profile:inner"
    );
}

TEST(OscalImport, ProfileProblemsAreReportedTogether) {
    const Error error = MustFail(
        R"({"profile": {"uuid": "22222222-2222-4222-8222-222222222222",
          "metadata": {"title": "Broken Profile", "version": "1", "oscal-version": "1.1.2"},
          "imports": [
            {"href": "small.json", "include-controls": [{"with-ids": ["c-1", "zz-9"]}]},
            {"href": "#no-such-resource", "include-all": {}},
            {"href": "small.json"}]}})",
        SmallCatalogResolver()
    );
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument) << Describe(error);
    EXPECT_EQ(error.fields.size(), 3U) << Describe(error);
    EXPECT_TRUE(HasProblem(
        error,
        "broken.json:$.profile.imports[0].include-controls[0].with-ids[1]",
        "\"zz-9\" is not in Small Catalog"
    )) << Describe(error);
    EXPECT_TRUE(HasProblem(
        error,
        "broken.json:$.profile.imports[1].href",
        "cannot resolve import \"#no-such-resource\""
    )) << Describe(error);
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.profile.imports[2]", "include-all or include-controls")
    ) << Describe(error);
}

TEST(OscalImport, CatalogProblemsAreReportedTogether) {
    const Error error = MustFail(R"({"catalog": {
      "uuid": "11111111-1111-4111-8111-111111111111",
      "metadata": {"version": "1", "oscal-version": "1.0.4"},
      "groups": [{"id": "g", "title": "G", "controls": [
        {"id": "a-1", "title": "A"},
        {"title": "No id"},
        {"id": "a-1", "title": "Again"},
        {"id": "a 2", "title": "Spaced"},
        {"id": "a-3"},
        {"id": "a-4", "title": 7},
        "not a control"]}]}})");
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(error.message, "broken.json: 7 problems found, nothing imported") << Describe(error);
    EXPECT_TRUE(HasProblem(error, "broken.json:$.catalog.metadata.title", "title is required"));
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.catalog.groups[0].controls[1].id", "id is required")
    );
    EXPECT_TRUE(HasProblem(
        error,
        "broken.json:$.catalog.groups[0].controls[2].id",
        "\"a-1\" is used twice (first at broken.json:$.catalog.groups[0].controls[0].id)"
    )) << Describe(error);
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.catalog.groups[0].controls[3].id", "not an OSCAL token")
    );
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.catalog.groups[0].controls[4].title", "title is required")
    );
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.catalog.groups[0].controls[5].title", "must be a string")
    );
    EXPECT_TRUE(
        HasProblem(error, "broken.json:$.catalog.groups[0].controls[6]", "must be an object")
    );
}

TEST(OscalImport, XmlProblemsAreLocatedByLine) {
    auto library = ImportOscal(
        R"(<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="11111111-1111-4111-8111-111111111111">
  <metadata>
    <title>Xml Catalog</title>
    <version>1</version>
    <oscal-version>1.1.2</oscal-version>
  </metadata>
  <group id="g">
    <title>G</title>
    <control id="x-1">
      <title>One</title>
    </control>
    <control id="x-1">
      <title>Twice</title>
    </control>
    <control id="x-2"/>
  </group>
</catalog>)",
        "small.xml",
        NotFound
    );
    ASSERT_FALSE(library);
    const Error& error = library.error();
    EXPECT_EQ(error.fields.size(), 2U) << Describe(error);
    EXPECT_TRUE(
        HasProblem(error, "small.xml:line 13", "\"x-1\" is used twice (first at small.xml:line 10)")
    ) << Describe(error);
    EXPECT_TRUE(HasProblem(error, "small.xml:line 16", "title is required")) << Describe(error);
}

TEST(OscalImport, XmlProseBecomesMarkdownWithParameters) {
    const Library library = MustImport(
        R"(<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="11111111-1111-4111-8111-111111111111">
  <metadata><title>Prose</title><version>1</version><oscal-version>1.1.2</oscal-version></metadata>
  <control id="p-1">
    <title>Prose <em>control</em></title>
    <param id="p-1_prm"><label>organization-defined
        frequency</label></param>
    <prop name="label" value="P-1"/>
    <part id="p-1_smt" name="statement">
      <p>Review the policy <insert type="param" id-ref="p-1_prm"/> and <strong>update</strong> it.</p>
      <part id="p-1_smt.a" name="item">
        <prop name="label" value="a."/>
        <p>Keep records;</p>
      </part>
    </part>
    <part id="p-1_gdn" name="guidance">
      <p>First paragraph.</p>
      <ul><li>one</li><li>two <code>x</code></li></ul>
    </part>
  </control>
</catalog>)",
        "prose.xml"
    );
    const Framework& framework = library.frameworks.front();
    ASSERT_EQ(framework.nodes.size(), 1U);
    const Node& control = framework.nodes.front();
    EXPECT_EQ(control.ref_id, "P-1");
    EXPECT_EQ(control.name, "Prose *control*");
    EXPECT_EQ(control.kind, "control");
    EXPECT_EQ(
        control.description,
        "Review the policy [Assignment: organization-defined frequency] and **update** it.\n  a. "
        "Keep records;"
    );
    EXPECT_EQ(control.annotation, "First paragraph.\n\n- one\n- two `x`");
    ASSERT_EQ(framework.groups.size(), 1U);
    EXPECT_EQ(framework.groups.front().id, "controls");
}

// Found by fuzz_oscal_import: an attribute with the group-as name of child elements (not
// OSCAL) made the XML conversion call as_array() on a string and abort the process.
TEST(OscalImport, XmlAttributeNamedLikeChildrenGivesWayToThem) {
    const Library library = MustImport(
        R"(<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="11111111-1111-4111-8111-111111111111" groups="x">
  <metadata><title>Clash</title><version>1</version><oscal-version>1.1.2</oscal-version></metadata>
  <group id="g" controls="y">
    <title>G</title>
    <control id="g-1"><title>One</title></control>
    <control id="g-2"><title>Two</title></control>
  </group>
</catalog>)",
        "clash.xml"
    );
    const Framework& framework = library.frameworks.front();
    ASSERT_EQ(framework.groups.size(), 1U);
    EXPECT_EQ(framework.groups.front().id, "g");
    EXPECT_EQ(framework.nodes.size(), 2U);
}

TEST(OscalImport, MalformedInputNamesLineAndColumn) {
    auto json = ImportOscal("{\"catalog\": {\n  \"uuid\": ,\n}}", "bad.json", NotFound);
    ASSERT_FALSE(json);
    EXPECT_EQ(json.error().code, ErrorCode::kMalformedInput);
    EXPECT_TRUE(json.error().message.starts_with("bad.json: malformed JSON at line 2"))
        << json.error().message;

    auto xml = ImportOscal("<catalog>\n  <metadata>\n</catalog>", "bad.xml", NotFound);
    ASSERT_FALSE(xml);
    EXPECT_EQ(xml.error().code, ErrorCode::kMalformedInput);
    EXPECT_TRUE(xml.error().message.starts_with("bad.xml: malformed XML at line 3, column"))
        << xml.error().message;
}

TEST(OscalImport, UnsupportedVersionsAndDocuments) {
    const Error future = MustFail(R"({"catalog": {"uuid": "u",
        "metadata": {"title": "Future", "version": "1", "oscal-version": "2.0.0"}}})");
    EXPECT_TRUE(HasProblem(future, "broken.json:$.catalog.metadata.oscal-version", "not supported"))
        << Describe(future);

    const Library newer = MustImport(
        R"({"catalog": {"uuid": "u", "metadata": {"title": "Newer", "version": "1", "oscal-version": "1.3.0"}}})",
        "newer.json"
    );
    ASSERT_EQ(newer.notices.size(), 1U);
    EXPECT_EQ(newer.notices.front().location, "newer.json:$.catalog.metadata.oscal-version");

    const Error not_oscal = MustFail(R"({"frameworks": []})");
    EXPECT_EQ(not_oscal.code, ErrorCode::kInvalidArgument);
    EXPECT_NE(not_oscal.message.find("not an OSCAL document"), std::string::npos)
        << not_oscal.message;
}

TEST(OscalImport, OtherOscalModelsAreRefusedByName) {
    ISMS_REFERENCE_DIR_OR_SKIP(dir);
    const std::map<std::string, std::string> expected = {
        {"nist-oscal-content/examples/ssp-example.json", "system security plan"},
        {"nist-oscal-content/examples/ifa_ssp-example.json", "system security plan"},
        {"nist-oscal-content/examples/ifa_assessment-results-example.json", "assessment results"},
        {"nist-oscal-content/examples/ifa_assessment-plan-example.json", "assessment plan"},
        {"nist-oscal-content/examples/ifa_plan-of-action-and-milestones.json",
         "plan of action and milestones"},
        {"nist-oscal-content/examples/example-component-definition.json", "component definition"},
        {"fedramp-automation/FedRAMP-SSP-OSCAL-Template.json", "system security plan"},
    };
    for (const auto& [file, model] : expected) {
        auto library = ImportOscal(testing::ReadText(dir / file), "doc.json", NotFound);
        ASSERT_FALSE(library) << file;
        EXPECT_EQ(library.error().code, ErrorCode::kInvalidArgument);
        EXPECT_NE(
            library.error().message.find("this is an OSCAL " + model + " ("), std::string::npos
        ) << library.error().message;
    }
}

TEST(OscalImport, ModelNamesRoundTrip) {
    EXPECT_EQ(
        OscalModelFromRootKey("plan-of-action-and-milestones"),
        OscalModel::kPlanOfActionAndMilestones
    );
    EXPECT_EQ(OscalModelFromRootKey("frameworks"), std::nullopt);
    EXPECT_EQ(
        OscalModelOf(boost::json::parse(R"({"$schema": "x", "profile": {}})")), OscalModel::kProfile
    );
    EXPECT_STREQ(OscalModelDisplayName(OscalModel::kComponentDefinition), "component definition");
}

}  // namespace
}  // namespace isms::catalog
