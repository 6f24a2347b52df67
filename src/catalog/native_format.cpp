#include "catalog/native_format.hpp"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "catalog/tabular_import.hpp"
#include "catalog/text.hpp"
#include "core/json.hpp"

namespace isms::catalog {

namespace {

/// Reads JSON members into values, recording a problem (by JSON path) for each mismatch.
class Reader {
public:
    explicit Reader(Problems& problems) : problems_(problems) {}

    const json::object* Object(const json::value& v, const std::string& path) {
        if (!v.is_object()) {
            problems_.Add(path, "expected an object");
            return nullptr;
        }
        return &v.get_object();
    }

    /// Refuses members not in `known`, so a misspelt key does not silently drop content.
    void OnlyKnown(
        const json::object& o,
        const std::string& path,
        std::initializer_list<std::string_view> known
    ) {
        for (const auto& member : o) {
            if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
                problems_.Add(
                    fmt::format("{}.{}", path, std::string_view(member.key())), "unknown field"
                );
            }
        }
    }

    std::string String(
        const json::object& o, std::string_view key, const std::string& path, bool required
    ) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr || v->is_null()) {
            if (required) {
                problems_.Add(fmt::format("{}.{}", path, key), "required");
            }
            return {};
        }
        if (!v->is_string()) {
            problems_.Add(fmt::format("{}.{}", path, key), "expected a string");
            return {};
        }
        if (required && v->get_string().empty()) {
            problems_.Add(fmt::format("{}.{}", path, key), "must not be empty");
        }
        return std::string(v->get_string());
    }

    bool Bool(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr || v->is_null()) {
            return false;
        }
        if (!v->is_bool()) {
            problems_.Add(fmt::format("{}.{}", path, key), "expected true or false");
            return false;
        }
        return v->get_bool();
    }

    std::vector<std::string> Strings(
        const json::object& o, std::string_view key, const std::string& path
    ) {
        std::vector<std::string> out;
        const json::array* items = Array(o, key, path);
        if (items == nullptr) {
            return out;
        }
        out.reserve(items->size());
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (!(*items)[i].is_string()) {
                problems_.Add(fmt::format("{}.{}[{}]", path, key, i), "expected a string");
                continue;
            }
            out.emplace_back((*items)[i].get_string());
        }
        return out;
    }

    /// The member as an array; nullptr (and no problem) when absent.
    const json::array* Array(const json::object& o, std::string_view key, const std::string& path) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr || v->is_null()) {
            return nullptr;
        }
        if (!v->is_array()) {
            problems_.Add(fmt::format("{}.{}", path, key), "expected an array");
            return nullptr;
        }
        return &v->get_array();
    }

    json::object ObjectOrEmpty(
        const json::object& o, std::string_view key, const std::string& path
    ) {
        const json::value* v = o.if_contains(key);
        if (v == nullptr || v->is_null()) {
            return {};
        }
        if (!v->is_object()) {
            problems_.Add(fmt::format("{}.{}", path, key), "expected an object");
            return {};
        }
        return v->get_object();
    }

    Problems& problems() { return problems_; }

private:
    Problems& problems_;
};

bool IsUrn(std::string_view s) {
    return s.rfind("urn:", 0) == 0;
}

/// ref_id or URN → URN within one framework; "" when it names nothing there.
class FrameworkIndex {
public:
    void Add(const Node& node) {
        urns_.insert(node.urn);
        if (!node.ref_id.empty()) {
            by_ref_.emplace(node.ref_id, node.urn);
        }
    }
    [[nodiscard]] bool HasUrn(const std::string& urn) const { return urns_.contains(urn); }
    [[nodiscard]] bool HasRef(const std::string& ref) const { return by_ref_.contains(ref); }
    [[nodiscard]] std::string Resolve(const std::string& ref_or_urn) const {
        if (IsUrn(ref_or_urn)) {
            return urns_.contains(ref_or_urn) ? ref_or_urn : std::string();
        }
        auto it = by_ref_.find(ref_or_urn);
        return it == by_ref_.end() ? std::string() : it->second;
    }

private:
    std::unordered_set<std::string> urns_;
    std::unordered_map<std::string, std::string> by_ref_;
};

void ReadNodes(
    Reader& r,
    const json::array& items,
    const std::string& path,
    Framework& fw,
    FrameworkIndex& index,
    std::unordered_set<std::string>& library_urns
) {
    std::unordered_map<std::string, int> depth_of;
    fw.nodes.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = fmt::format("{}[{}]", path, i);
        const json::object* o = r.Object(items[i], at);
        if (o == nullptr) {
            continue;
        }
        r.OnlyKnown(
            *o,
            at,
            {"urn",
             "ref_id",
             "name",
             "description",
             "annotation",
             "parent",
             "kind",
             "assessable",
             "withdrawn",
             "new",
             "reference_controls",
             "threats",
             "attributes",
             "properties"}
        );
        Node n;
        n.ref_id = r.String(*o, "ref_id", at, false);
        n.urn = r.String(*o, "urn", at, false);
        if (n.urn.empty()) {
            if (n.ref_id.empty()) {
                r.problems().Add(at, "a node needs a urn or a ref_id");
                continue;
            }
            n.urn = DefaultNodeUrn(fw.urn, n.ref_id);
        }
        n.name = r.String(*o, "name", at, false);
        if (n.name.empty() && n.ref_id.empty()) {
            r.problems().Add(at + ".name", "a node needs a name or a ref_id");
        }
        n.description = r.String(*o, "description", at, false);
        n.annotation = r.String(*o, "annotation", at, false);
        n.kind = r.String(*o, "kind", at, false);
        n.assessable = r.Bool(*o, "assessable", at);
        n.withdrawn = r.Bool(*o, "withdrawn", at);
        n.is_new = r.Bool(*o, "new", at);
        n.reference_controls = r.Strings(*o, "reference_controls", at);
        n.threats = r.Strings(*o, "threats", at);
        n.properties = r.ObjectOrEmpty(*o, "properties", at);
        const json::object attributes = r.ObjectOrEmpty(*o, "attributes", at);
        for (const auto& attribute : attributes) {
            n.attributes[std::string(attribute.key())] =
                r.Strings(attributes, attribute.key(), at + ".attributes");
        }
        const std::string parent = r.String(*o, "parent", at, false);
        if (!parent.empty()) {
            n.parent_urn = index.Resolve(parent);
            if (n.parent_urn.empty()) {
                r.problems().Add(
                    at + ".parent",
                    fmt::format(
                        "parent \"{}\" is not an earlier node of this framework (parents come "
                        "before their children, so a cycle cannot be written)",
                        parent
                    )
                );
                continue;
            }
            n.depth = depth_of[n.parent_urn] + 1;
        }
        if (!n.ref_id.empty() && index.HasRef(n.ref_id)) {
            r.problems().Add(at + ".ref_id", fmt::format("duplicate ref_id \"{}\"", n.ref_id));
            continue;
        }
        if (!library_urns.insert(n.urn).second) {
            r.problems().Add(at + ".urn", fmt::format("duplicate URN \"{}\"", n.urn));
            continue;
        }
        depth_of[n.urn] = n.depth;
        index.Add(n);
        fw.nodes.push_back(std::move(n));
    }
}

Framework ReadFramework(
    Reader& r,
    const json::object& o,
    const std::string& at,
    bool overlay,
    std::unordered_map<std::string, FrameworkIndex>& indexes,
    std::unordered_set<std::string>& library_urns
) {
    r.OnlyKnown(
        o,
        at,
        {"urn",
         "ref_id",
         "name",
         "description",
         "groups",
         "attribute_vocabularies",
         "aliases",
         "nodes"}
    );
    Framework fw;
    fw.urn = r.String(o, "urn", at, true);
    fw.ref_id = r.String(o, "ref_id", at, false);
    fw.name = r.String(o, "name", at, !overlay);  // an overlay names its target by URN only
    fw.description = r.String(o, "description", at, false);
    fw.aliases = r.Strings(o, "aliases", at);
    if (!fw.urn.empty() && !library_urns.insert(fw.urn).second) {
        r.problems().Add(at + ".urn", fmt::format("duplicate URN \"{}\"", fw.urn));
    }
    FrameworkIndex& index = indexes[fw.urn];
    if (const json::array* nodes = r.Array(o, "nodes", at)) {
        ReadNodes(r, *nodes, at + ".nodes", fw, index, library_urns);
    } else {
        r.problems().Add(at + ".nodes", "required");
    }
    if (const json::array* groups = r.Array(o, "groups", at)) {
        for (std::size_t g = 0; g < groups->size(); ++g) {
            const std::string gat = fmt::format("{}.groups[{}]", at, g);
            const json::object* go = r.Object((*groups)[g], gat);
            if (go == nullptr) {
                continue;
            }
            r.OnlyKnown(*go, gat, {"id", "name", "roots"});
            Group group{r.String(*go, "id", gat, true), r.String(*go, "name", gat, true), {}};
            const auto roots = r.Strings(*go, "roots", gat);
            for (std::size_t k = 0; k < roots.size(); ++k) {
                std::string urn = index.Resolve(roots[k]);
                if (urn.empty()) {
                    r.problems().Add(
                        fmt::format("{}.roots[{}]", gat, k),
                        fmt::format("\"{}\" is not a node of this framework", roots[k])
                    );
                    continue;
                }
                group.roots.push_back(std::move(urn));
            }
            fw.groups.push_back(std::move(group));
        }
    }
    if (const json::array* vocabularies = r.Array(o, "attribute_vocabularies", at)) {
        for (std::size_t v = 0; v < vocabularies->size(); ++v) {
            const std::string vat = fmt::format("{}.attribute_vocabularies[{}]", at, v);
            const json::object* vo = r.Object((*vocabularies)[v], vat);
            if (vo == nullptr) {
                continue;
            }
            r.OnlyKnown(*vo, vat, {"id", "name", "values"});
            fw.attribute_vocabularies.push_back(
                {r.String(*vo, "id", vat, true),
                 r.String(*vo, "name", vat, true),
                 r.Strings(*vo, "values", vat)}
            );
        }
    }
    return fw;
}

MappingSet ReadMappingSet(
    Reader& r,
    const json::object& o,
    const std::string& at,
    const std::unordered_map<std::string, FrameworkIndex>& indexes,
    std::unordered_set<std::string>& library_urns
) {
    r.OnlyKnown(
        o,
        at,
        {"urn", "ref_id", "name", "description", "source_framework", "target_framework", "pairs"}
    );
    MappingSet set;
    set.urn = r.String(o, "urn", at, true);
    set.ref_id = r.String(o, "ref_id", at, false);
    set.name = r.String(o, "name", at, true);
    set.description = r.String(o, "description", at, false);
    set.source_framework_urn = r.String(o, "source_framework", at, true);
    set.target_framework_urn = r.String(o, "target_framework", at, true);
    if (!set.urn.empty() && !library_urns.insert(set.urn).second) {
        r.problems().Add(at + ".urn", fmt::format("duplicate URN \"{}\"", set.urn));
    }
    const json::array* pairs = r.Array(o, "pairs", at);
    if (pairs == nullptr) {
        r.problems().Add(at + ".pairs", "required");
        return set;
    }
    // Endpoints given as ref_ids resolve against frameworks in this library; other frameworks
    // are in other libraries, so there an endpoint must be a URN (resolved by the catalog).
    auto endpoint = [&](const std::string& value,
                        const std::string& framework,
                        const std::string& where) -> std::string {
        if (IsUrn(value)) {
            return value;
        }
        auto it = indexes.find(framework);
        if (it == indexes.end()) {
            r.problems().Add(
                where,
                fmt::format(
                    "\"{}\" must be a URN: framework {} is not in this file", value, framework
                )
            );
            return {};
        }
        std::string urn = it->second.Resolve(value);
        if (urn.empty()) {
            r.problems().Add(where, fmt::format("\"{}\" is not a node of {}", value, framework));
        }
        return urn;
    };
    set.pairs.reserve(pairs->size());
    for (std::size_t i = 0; i < pairs->size(); ++i) {
        const std::string pat = fmt::format("{}.pairs[{}]", at, i);
        const json::object* po = r.Object((*pairs)[i], pat);
        if (po == nullptr) {
            continue;
        }
        r.OnlyKnown(*po, pat, {"source", "target", "relationship", "strength", "rationale"});
        MappingPair pair;
        pair.source_urn =
            endpoint(r.String(*po, "source", pat, true), set.source_framework_urn, pat + ".source");
        pair.target_urn =
            endpoint(r.String(*po, "target", pat, true), set.target_framework_urn, pat + ".target");
        const std::string relationship = r.String(*po, "relationship", pat, true);
        if (auto parsed = ParseRelationship(relationship)) {
            pair.relationship = *parsed;
        } else if (!relationship.empty()) {
            r.problems().Add(
                pat + ".relationship",
                fmt::format(
                    "unknown relationship \"{}\" (equal, equivalent, subset, superset, "
                    "intersect, not_related)",
                    relationship
                )
            );
        }
        if (const json::value* s = po->if_contains("strength"); s != nullptr && !s->is_null()) {
            if (!s->is_int64() || s->get_int64() < 1 || s->get_int64() > 10) {
                r.problems().Add(pat + ".strength", "expected an integer from 1 to 10");
            } else {
                pair.strength = static_cast<int>(s->get_int64());
            }
        }
        pair.rationale = r.String(*po, "rationale", pat, false);
        set.pairs.push_back(std::move(pair));
    }
    return set;
}

template <class T>
void ReadSimpleObjects(
    Reader& r,
    const json::object& root,
    std::string_view key,
    std::vector<T>& out,
    std::unordered_set<std::string>& library_urns,
    std::initializer_list<std::string_view> known,
    auto&& fill
) {
    const json::array* items = r.Array(root, key, "$");
    if (items == nullptr) {
        return;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string at = fmt::format("$.{}[{}]", key, i);
        const json::object* o = r.Object((*items)[i], at);
        if (o == nullptr) {
            continue;
        }
        r.OnlyKnown(*o, at, known);
        T item;
        item.urn = r.String(*o, "urn", at, true);
        item.ref_id = r.String(*o, "ref_id", at, false);
        item.name = r.String(*o, "name", at, true);
        item.description = r.String(*o, "description", at, false);
        fill(item, *o, at);
        if (!item.urn.empty() && !library_urns.insert(item.urn).second) {
            r.problems().Add(at + ".urn", fmt::format("duplicate URN \"{}\"", item.urn));
            continue;
        }
        out.push_back(std::move(item));
    }
}

}  // namespace

std::string DefaultNodeUrn(std::string_view framework_urn, std::string_view ref_id) {
    return fmt::format("{}:{}", framework_urn, AsciiLowercase(ref_id));
}

Result<Library> ReadNativeLibrary(std::string_view text, std::string_view source_name) {
    auto document = ParseJson(text);
    if (!document) {
        Error e = document.error();
        e.message = fmt::format("{}: {}", source_name, e.message);
        return e;
    }
    return ReadNativeLibrary(*document, source_name);
}

Result<Library> ReadNativeLibrary(const json::value& document, std::string_view source_name) {
    Problems problems{std::string(source_name)};
    Reader r(problems);
    const json::object* root = r.Object(document, "$");
    if (root == nullptr) {
        return problems.ToStatus().error();
    }
    r.OnlyKnown(
        *root,
        "$",
        {"format",
         "urn",
         "version",
         "ref_id",
         "name",
         "description",
         "provider",
         "packager",
         "copyright",
         "source",
         "imported_format",
         "dependencies",
         "frameworks",
         "mapping_sets",
         "reference_controls",
         "threats",
         "risk_matrices"}
    );
    if (const std::string tag = r.String(*root, "format", "$", true);
        !tag.empty() && tag != kNativeFormatTag) {
        problems.Add("$.format", fmt::format("expected \"{}\"", kNativeFormatTag));
    }
    Library lib;
    lib.urn = r.String(*root, "urn", "$", true);
    lib.version = r.String(*root, "version", "$", true);
    lib.ref_id = r.String(*root, "ref_id", "$", false);
    lib.name = r.String(*root, "name", "$", true);
    lib.description = r.String(*root, "description", "$", false);
    lib.provider = r.String(*root, "provider", "$", false);
    lib.packager = r.String(*root, "packager", "$", false);
    lib.copyright = r.String(*root, "copyright", "$", false);
    lib.source = r.String(*root, "source", "$", false);
    lib.dependencies = r.Strings(*root, "dependencies", "$");
    // A stored import keeps the format it came in; a file written by hand is native.
    if (const std::string imported = r.String(*root, "imported_format", "$", false);
        !imported.empty()) {
        bool known = false;
        for (auto f :
             {Format::kNative,
              Format::kCisoAssistant,
              Format::kOscalCatalog,
              Format::kOscalProfile,
              Format::kFluidAttacks,
              Format::kCsv}) {
            if (imported == FormatName(f)) {
                lib.format = f;
                known = true;
            }
        }
        if (!known) {
            problems.Add("$.imported_format", fmt::format("unknown format \"{}\"", imported));
        }
    }

    std::unordered_set<std::string> library_urns;
    std::unordered_map<std::string, FrameworkIndex> indexes;
    if (const json::array* frameworks = r.Array(*root, "frameworks", "$")) {
        for (std::size_t i = 0; i < frameworks->size(); ++i) {
            const std::string at = fmt::format("$.frameworks[{}]", i);
            if (const json::object* o = r.Object((*frameworks)[i], at)) {
                const bool overlay = lib.urn.rfind(kAttributeOverlayLibraryPrefix, 0) == 0;
                lib.frameworks.push_back(ReadFramework(r, *o, at, overlay, indexes, library_urns));
            }
        }
    }
    if (const json::array* sets = r.Array(*root, "mapping_sets", "$")) {
        for (std::size_t i = 0; i < sets->size(); ++i) {
            const std::string at = fmt::format("$.mapping_sets[{}]", i);
            if (const json::object* o = r.Object((*sets)[i], at)) {
                lib.mapping_sets.push_back(ReadMappingSet(r, *o, at, indexes, library_urns));
            }
        }
    }
    ReadSimpleObjects(
        r,
        *root,
        "reference_controls",
        lib.reference_controls,
        library_urns,
        {"urn", "ref_id", "name", "description", "category", "function"},
        [&](ReferenceControl& c, const json::object& o, const std::string& at) {
            c.category = r.String(o, "category", at, false);
            c.function = r.String(o, "function", at, false);
        }
    );
    ReadSimpleObjects(
        r,
        *root,
        "threats",
        lib.threats,
        library_urns,
        {"urn", "ref_id", "name", "description", "category", "origins"},
        [&](Threat& t, const json::object& o, const std::string& at) {
            t.category = r.String(o, "category", at, false);
            t.origins = r.Strings(o, "origins", at);
        }
    );
    ReadSimpleObjects(
        r,
        *root,
        "risk_matrices",
        lib.risk_matrices,
        library_urns,
        {"urn", "ref_id", "name", "description", "definition"},
        [&](RiskMatrix& m, const json::object& o, const std::string& at) {
            m.definition = r.ObjectOrEmpty(o, "definition", at);
        }
    );
    if (lib.frameworks.empty() && lib.mapping_sets.empty() && lib.reference_controls.empty()
        && lib.threats.empty() && lib.risk_matrices.empty() && problems.empty()) {
        problems.Add(
            "$", "the library holds no frameworks, mappings, controls, threats or matrices"
        );
    }
    ISMS_TRY(problems.ToStatus());
    return lib;
}

namespace {

void PutIfSet(json::object& o, std::string_view key, const std::string& value) {
    if (!value.empty()) {
        o[key] = value;
    }
}

json::array StringArray(const std::vector<std::string>& values) {
    json::array a;
    a.reserve(values.size());
    for (const auto& v : values) {
        a.emplace_back(v);
    }
    return a;
}

json::object NodeToJson(const Node& n) {
    json::object o;
    o["urn"] = n.urn;
    PutIfSet(o, "ref_id", n.ref_id);
    PutIfSet(o, "name", n.name);
    PutIfSet(o, "description", n.description);
    PutIfSet(o, "annotation", n.annotation);
    PutIfSet(o, "parent", n.parent_urn);
    PutIfSet(o, "kind", n.kind);
    if (n.assessable) {
        o["assessable"] = true;
    }
    if (n.withdrawn) {
        o["withdrawn"] = true;
    }
    if (n.is_new) {
        o["new"] = true;
    }
    if (!n.reference_controls.empty()) {
        o["reference_controls"] = StringArray(n.reference_controls);
    }
    if (!n.threats.empty()) {
        o["threats"] = StringArray(n.threats);
    }
    if (!n.attributes.empty()) {
        json::object attributes;
        for (const auto& [id, values] : n.attributes) {
            attributes[id] = StringArray(values);
        }
        o["attributes"] = std::move(attributes);
    }
    if (!n.properties.empty()) {
        o["properties"] = n.properties;
    }
    return o;
}

json::object FrameworkToJson(const Framework& fw) {
    json::object o;
    o["urn"] = fw.urn;
    PutIfSet(o, "ref_id", fw.ref_id);
    o["name"] = fw.name;
    PutIfSet(o, "description", fw.description);
    if (!fw.aliases.empty()) {
        o["aliases"] = StringArray(fw.aliases);
    }
    if (!fw.groups.empty()) {
        json::array groups;
        for (const auto& g : fw.groups) {
            groups.push_back(json::object{
                {"id", g.id}, {"name", g.name}, {"roots", StringArray(g.roots)}});
        }
        o["groups"] = std::move(groups);
    }
    if (!fw.attribute_vocabularies.empty()) {
        json::array vocabularies;
        for (const auto& v : fw.attribute_vocabularies) {
            vocabularies.push_back(json::object{
                {"id", v.id}, {"name", v.name}, {"values", StringArray(v.values)}});
        }
        o["attribute_vocabularies"] = std::move(vocabularies);
    }
    json::array nodes;
    nodes.reserve(fw.nodes.size());
    for (const auto& n : fw.nodes) {
        nodes.emplace_back(NodeToJson(n));
    }
    o["nodes"] = std::move(nodes);
    return o;
}

json::object MappingSetToJson(const MappingSet& set) {
    json::object o;
    o["urn"] = set.urn;
    PutIfSet(o, "ref_id", set.ref_id);
    o["name"] = set.name;
    PutIfSet(o, "description", set.description);
    o["source_framework"] = set.source_framework_urn;
    o["target_framework"] = set.target_framework_urn;
    json::array pairs;
    pairs.reserve(set.pairs.size());
    for (const auto& p : set.pairs) {
        json::object po{
            {"source", p.source_urn},
            {"target", p.target_urn},
            {"relationship", RelationshipName(p.relationship)}};
        if (p.strength) {
            po["strength"] = *p.strength;
        }
        PutIfSet(po, "rationale", p.rationale);
        pairs.emplace_back(std::move(po));
    }
    o["pairs"] = std::move(pairs);
    return o;
}

/// One JSON value per item, made by `to_json`.
template <class T, class ToJson>
json::array ArrayOf(const std::vector<T>& items, ToJson&& to_json) {
    json::array out;
    out.reserve(items.size());
    for (const T& item : items) {
        out.emplace_back(to_json(item));
    }
    return out;
}

template <class T>
json::object CommonToJson(const T& item) {
    json::object o;
    o["urn"] = item.urn;
    PutIfSet(o, "ref_id", item.ref_id);
    o["name"] = item.name;
    PutIfSet(o, "description", item.description);
    return o;
}

}  // namespace

json::object WriteNativeLibrary(const Library& lib) {
    json::object o;
    o["format"] = kNativeFormatTag;
    o["urn"] = lib.urn;
    o["version"] = lib.version;
    PutIfSet(o, "ref_id", lib.ref_id);
    o["name"] = lib.name;
    PutIfSet(o, "description", lib.description);
    PutIfSet(o, "provider", lib.provider);
    PutIfSet(o, "packager", lib.packager);
    PutIfSet(o, "copyright", lib.copyright);
    PutIfSet(o, "source", lib.source);
    if (lib.format != Format::kNative) {
        o["imported_format"] = FormatName(lib.format);
    }
    o["dependencies"] = StringArray(lib.dependencies);
    o["frameworks"] = ArrayOf(lib.frameworks, FrameworkToJson);
    o["mapping_sets"] = ArrayOf(lib.mapping_sets, MappingSetToJson);
    if (!lib.reference_controls.empty()) {
        o["reference_controls"] = ArrayOf(lib.reference_controls, [](const ReferenceControl& c) {
            json::object co = CommonToJson(c);
            PutIfSet(co, "category", c.category);
            PutIfSet(co, "function", c.function);
            return co;
        });
    }
    if (!lib.threats.empty()) {
        o["threats"] = ArrayOf(lib.threats, [](const Threat& t) {
            json::object to = CommonToJson(t);
            PutIfSet(to, "category", t.category);
            if (!t.origins.empty()) {
                to["origins"] = StringArray(t.origins);
            }
            return to;
        });
    }
    if (!lib.risk_matrices.empty()) {
        o["risk_matrices"] = ArrayOf(lib.risk_matrices, [](const RiskMatrix& m) {
            json::object mo = CommonToJson(m);
            mo["definition"] = m.definition;
            return mo;
        });
    }
    return o;
}

}  // namespace isms::catalog
