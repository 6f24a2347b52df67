#include "catalog/catalog_service.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "catalog/builtin.hpp"
#include "catalog/coverage.hpp"
#include "catalog/framework_diff.hpp"
#include "catalog/native_format.hpp"
#include "catalog/tabular_import.hpp"
#include "catalog/text.hpp"
#include "core/crypto.hpp"
#include "iam/permission.hpp"
#include "store/session.hpp"

namespace isms::catalog {

namespace {

bool IsBuiltin(const Library* library) {
    for (const auto& b : BuiltinLibraries()) {
        if (b->urn == library->urn && b->version == library->version) {
            return true;
        }
    }
    return false;
}

/// An attribute overlay must name nodes of its target framework and use its vocabularies.
void CheckOverlay(const Library& lib, const Catalog& combined, Problems& problems) {
    const Framework& values = lib.frameworks.front();
    const FrameworkEntry* target = combined.FindFramework(values.urn);
    if (target == nullptr) {
        problems.Add(
            "framework_urn",
            fmt::format("attribute values for {}, which is not imported", values.urn)
        );
        return;
    }
    std::unordered_map<std::string_view, const AttributeVocabulary*> vocabularies;
    for (const auto& v : target->framework->attribute_vocabularies) {
        vocabularies.emplace(v.id, &v);
    }
    std::unordered_set<std::string_view> urns;
    std::unordered_set<std::string_view> refs;
    for (const Node& n : target->framework->nodes) {
        urns.insert(n.urn);
        refs.insert(n.ref_id);
    }
    for (const Node& n : values.nodes) {
        if (!urns.contains(n.urn) && !refs.contains(n.ref_id)) {
            problems.Add(n.ref_id, fmt::format("{} has no requirement {}", values.urn, n.ref_id));
        }
        for (const auto& [id, list] : n.attributes) {
            auto v = vocabularies.find(id);
            if (v == vocabularies.end()) {
                if (!vocabularies.empty()) {
                    problems.Add(
                        n.ref_id, fmt::format("{} declares no attribute \"{}\"", values.urn, id)
                    );
                }
                continue;
            }
            for (const std::string& value : list) {
                const auto& allowed = v->second->values;
                if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
                    problems.Add(n.ref_id, fmt::format("\"{}\" is not a value of {}", value, id));
                }
            }
        }
    }
}

/// Identity of a library's content: the stored document without where it came from, so the
/// same file imported under another name is recognised as the same version.
std::string ContentHash(const Library& library) {
    json::object document = WriteNativeLibrary(library);
    document.erase("source");
    return crypto::HexEncode(crypto::Sha256(ToJsonText(document)));
}

json::object LibraryBrief(const Library& lib) {
    return json::object{
        {"urn", lib.urn},
        {"version", lib.version},
        {"name", lib.name},
        {"provider", lib.provider},
        {"packager", lib.packager},
        {"format", FormatName(lib.format)},
        {"source", lib.source},
        {"builtin", IsBuiltin(&lib)}};
}

json::object FrameworkSummary(const Catalog& catalog, const FrameworkEntry& e) {
    const Framework& fw = *e.framework;
    std::int64_t assessable = 0;
    std::int64_t withdrawn = 0;
    std::int64_t is_new = 0;
    for (const Node& n : fw.nodes) {
        assessable += (n.assessable && !n.withdrawn) ? 1 : 0;
        withdrawn += n.withdrawn ? 1 : 0;
        is_new += n.is_new ? 1 : 0;
    }
    json::array groups;
    for (const Group& g : fw.groups) {
        groups.push_back(json::object{{"id", g.id}, {"name", g.name}});
    }
    const FrameworkEntry* newest = catalog.FindFramework(fw.urn);
    return json::object{
        {"urn", fw.urn},
        {"ref_id", fw.ref_id},
        {"name", fw.name},
        {"description", fw.description},
        {"version", e.library->version},
        {"latest", newest != nullptr && newest->framework == &fw},
        {"library", LibraryBrief(*e.library)},
        {"counts",
         json::object{
             {"nodes", static_cast<std::int64_t>(fw.nodes.size())},
             {"assessable", assessable},
             {"withdrawn", withdrawn},
             {"new", is_new}}},
        {"groups", std::move(groups)}};
}

json::object NodeView(const Node& n) {
    json::object o{
        {"urn", n.urn},
        {"ref_id", n.ref_id},
        {"name", n.name},
        {"kind", n.kind},
        {"depth", n.depth},
        {"assessable", n.assessable},
        {"withdrawn", n.withdrawn},
        {"new", n.is_new}};
    if (!n.description.empty()) {
        o["description"] = n.description;
    }
    if (!n.annotation.empty()) {
        o["annotation"] = n.annotation;
    }
    if (!n.parent_urn.empty()) {
        o["parent"] = n.parent_urn;
    }
    if (!n.attributes.empty()) {
        o["attributes"] = json::value_from(n.attributes);
    }
    if (!n.reference_controls.empty()) {
        o["reference_controls"] = json::value_from(n.reference_controls);
    }
    if (!n.properties.empty()) {
        o["properties"] = n.properties;
    }
    return o;
}

json::array Tree(const Framework& fw) {
    std::unordered_map<std::string_view, std::vector<const Node*>> children;
    for (const Node& n : fw.nodes) {
        children[n.parent_urn].push_back(&n);
    }
    // Nodes come parents-first, so building bottom-up (reverse order) finds children ready.
    std::unordered_map<std::string_view, json::object> built;
    for (auto it = fw.nodes.rbegin(); it != fw.nodes.rend(); ++it) {
        json::object o = NodeView(*it);
        json::array kids;
        for (const Node* child : children[it->urn]) {
            kids.emplace_back(std::move(built.at(child->urn)));
            built.erase(child->urn);
        }
        o["children"] = std::move(kids);
        built.emplace(it->urn, std::move(o));
    }
    json::array roots;
    for (const Node* root : children[""]) {
        roots.emplace_back(std::move(built.at(root->urn)));
    }
    return roots;
}

/// Checks what a batch points at outside itself: dependencies, mapping frameworks and pair
/// endpoints, reference controls and threats. `combined` holds existing libraries and the batch.
void CheckReferences(const Library& lib, const Catalog& combined, Problems& problems) {
    if (IsAttributeOverlay(lib)) {
        CheckOverlay(lib, combined, problems);
        return;
    }
    for (const std::string& dependency : lib.dependencies) {
        if (combined.FindLibrary(dependency) == nullptr) {
            problems.Add(
                "dependencies",
                fmt::format("needs library {}: import it first or in the same batch", dependency)
            );
        }
    }
    for (const Framework& fw : lib.frameworks) {
        for (const Node& n : fw.nodes) {
            for (const std::string& urn : n.reference_controls) {
                if (!combined.Knows(urn)) {
                    problems.Add(
                        n.ref_id.empty() ? n.urn : n.ref_id,
                        fmt::format("reference control {} is not in any imported library", urn)
                    );
                }
            }
            for (const std::string& urn : n.threats) {
                if (!combined.Knows(urn)) {
                    problems.Add(
                        n.ref_id.empty() ? n.urn : n.ref_id,
                        fmt::format("threat {} is not in any imported library", urn)
                    );
                }
            }
        }
    }
    for (const MappingSet& set : lib.mapping_sets) {
        const FrameworkEntry* source = combined.FindFramework(set.source_framework_urn);
        const FrameworkEntry* target = combined.FindFramework(set.target_framework_urn);
        if (source == nullptr) {
            problems.Add(
                set.urn,
                fmt::format("source framework {} is not imported", set.source_framework_urn)
            );
        }
        if (target == nullptr) {
            problems.Add(
                set.urn,
                fmt::format("target framework {} is not imported", set.target_framework_urn)
            );
        }
        if (source == nullptr || target == nullptr) {
            continue;
        }
        for (std::size_t i = 0; i < set.pairs.size(); ++i) {
            const MappingPair& pair = set.pairs[i];
            const NodeEntry* s = combined.FindNode(pair.source_urn);
            const NodeEntry* t = combined.FindNode(pair.target_urn);
            if (s == nullptr || s->framework->urn != set.source_framework_urn) {
                problems.Add(
                    fmt::format("{} pair {}", set.urn, i + 1),
                    fmt::format(
                        "source {} is not a requirement of {}",
                        pair.source_urn,
                        set.source_framework_urn
                    )
                );
            }
            if (t == nullptr || t->framework->urn != set.target_framework_urn) {
                problems.Add(
                    fmt::format("{} pair {}", set.urn, i + 1),
                    fmt::format(
                        "target {} is not a requirement of {}",
                        pair.target_urn,
                        set.target_framework_urn
                    )
                );
            }
        }
    }
}

json::object Counts(const Library& lib) {
    std::int64_t nodes = 0;
    std::int64_t pairs = 0;
    for (const auto& fw : lib.frameworks) {
        nodes += static_cast<std::int64_t>(fw.nodes.size());
    }
    for (const auto& s : lib.mapping_sets) {
        pairs += static_cast<std::int64_t>(s.pairs.size());
    }
    return json::object{
        {"frameworks", static_cast<std::int64_t>(lib.frameworks.size())},
        {"nodes", nodes},
        {"mapping_sets", static_cast<std::int64_t>(lib.mapping_sets.size())},
        {"pairs", pairs},
        {"reference_controls", static_cast<std::int64_t>(lib.reference_controls.size())},
        {"threats", static_cast<std::int64_t>(lib.threats.size())},
        {"risk_matrices", static_cast<std::int64_t>(lib.risk_matrices.size())}};
}

Result<const FrameworkEntry*> FindFrameworkOr404(
    const Catalog& catalog, std::string_view urn, std::string_view version
) {
    const FrameworkEntry* e = catalog.FindFramework(urn, version);
    if (e == nullptr) {
        return Error::NotFound(
            version.empty() ? fmt::format("no framework {}", urn)
                            : fmt::format("no framework {} version {}", urn, version)
        );
    }
    return e;
}

}  // namespace

CatalogService::CatalogService(store::Database& db, const Clock& clock, const store::LedgerKey& key)
    : db_(db), clock_(clock), key_(key) {
    static_cast<void>(BuiltinLibraries());  // parse the built-ins at start, not on first request
}

Result<std::shared_ptr<const Catalog>> CatalogService::View(TenantId tenant) {
    ISMS_TRY_ASSIGN(auto session, store::ReadSession::Open(db_, tenant));
    ISMS_TRY_ASSIGN(
        const std::int64_t stamp,
        session.sql().QueryInt(
            "SELECT COUNT(*) FROM catalog_libraries WHERE tenant_id = ?", {tenant.value}
        )
    );
    {
        std::lock_guard lock(mutex_);
        auto it = views_.find(tenant.value);
        if (it != views_.end() && it->second.stamp == stamp) {
            return it->second.catalog;
        }
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        session.sql().Query(
            "SELECT document, source FROM catalog_libraries WHERE tenant_id = ? ORDER BY id",
            {tenant.value}
        )
    );
    std::vector<std::shared_ptr<const Library>> libraries = BuiltinLibraries();
    for (const auto& row : rows) {
        auto library = ReadNativeLibrary(row.Text(0), row.Text(1));
        if (!library) {
            return Error::Internal(fmt::format(
                "stored catalog library {} no longer reads: {}",
                row.Text(1),
                library.error().message
            ));
        }
        libraries.push_back(std::make_shared<const Library>(std::move(*library)));
    }
    auto catalog = std::make_shared<const Catalog>(std::move(libraries));
    std::lock_guard lock(mutex_);
    views_[tenant.value] = CachedView{stamp, catalog};
    return catalog;
}

Result<json::object> CatalogService::ListFrameworks(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    json::array items;
    for (const FrameworkEntry& e : catalog->Frameworks()) {
        items.emplace_back(FrameworkSummary(*catalog, e));
    }
    const auto total = static_cast<std::int64_t>(items.size());
    return json::object{{"items", std::move(items)}, {"total", total}};
}

Result<json::object> CatalogService::GetFramework(
    const iam::Principal& who, std::string_view urn, std::string_view version
) {
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    ISMS_TRY_ASSIGN(const FrameworkEntry* e, FindFrameworkOr404(*catalog, urn, version));
    json::object o = FrameworkSummary(*catalog, *e);
    json::array vocabularies;
    for (const auto& v : e->framework->attribute_vocabularies) {
        json::array values;
        for (const auto& value : v.values) {
            values.emplace_back(value);
        }
        vocabularies.push_back(json::object{
            {"id", v.id}, {"name", v.name}, {"values", std::move(values)}});
    }
    o["attribute_vocabularies"] = std::move(vocabularies);
    o["aliases"] = json::value_from(e->framework->aliases);
    o["tree"] = Tree(*e->framework);
    return o;
}

Result<json::object> CatalogService::Requirements(
    const iam::Principal& who,
    std::string_view urn,
    std::string_view version,
    const RequirementQuery& query
) {
    if (query.limit < 1 || query.limit > 1000) {
        return Error::Invalid("limit", "must be from 1 to 1000");
    }
    if (query.offset < 0) {
        return Error::Invalid("offset", "must not be negative");
    }
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    ISMS_TRY_ASSIGN(const FrameworkEntry* e, FindFrameworkOr404(*catalog, urn, version));
    const Framework& fw = *e->framework;

    std::unordered_set<std::string_view> in_group;  // node urns under the group's roots
    if (!query.group.empty()) {
        const Group* group = nullptr;
        for (const Group& g : fw.groups) {
            if (g.id == query.group) {
                group = &g;
            }
        }
        if (group == nullptr) {
            std::string known;
            for (const Group& g : fw.groups) {
                known += (known.empty() ? "" : ", ") + g.id;
            }
            return Error::Invalid(
                "group",
                fmt::format(
                    "no group \"{}\" in this framework (groups: {})",
                    query.group,
                    known.empty() ? "none" : known
                )
            );
        }
        in_group.insert(group->roots.begin(), group->roots.end());
        for (const Node& n : fw.nodes) {  // parents come first, so one pass suffices
            if (in_group.contains(n.parent_urn)) {
                in_group.insert(n.urn);
            }
        }
    }
    const std::string needle = AsciiLowercase(query.q);
    json::array items;
    std::int64_t total = 0;
    for (const Node& n : fw.nodes) {
        if (!query.group.empty() && !in_group.contains(n.urn)) {
            continue;
        }
        if (query.assessable_only && (!n.assessable || n.withdrawn)) {
            continue;
        }
        if (!needle.empty() && AsciiLowercase(n.ref_id).find(needle) == std::string::npos
            && AsciiLowercase(n.name).find(needle) == std::string::npos
            && AsciiLowercase(n.description).find(needle) == std::string::npos) {
            continue;
        }
        if (total >= query.offset && total < query.offset + query.limit) {
            items.emplace_back(NodeView(n));
        }
        ++total;
    }
    return json::object{
        {"framework", fw.urn},
        {"version", e->library->version},
        {"items", std::move(items)},
        {"total", total},
        {"limit", query.limit},
        {"offset", query.offset}};
}

Result<json::object> CatalogService::ListMappings(const iam::Principal& who) {
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    json::array items;
    for (const auto& library : catalog->libraries()) {
        if (catalog->FindLibrary(library->urn) != library.get()) {
            continue;  // an older version
        }
        for (const MappingSet& set : library->mapping_sets) {
            json::object relationships;
            for (const MappingPair& p : set.pairs) {
                const char* name = RelationshipName(p.relationship);
                relationships[name] =
                    (relationships.contains(name) ? relationships[name].as_int64() : 0) + 1;
            }
            items.push_back(json::object{
                {"urn", set.urn},
                {"ref_id", set.ref_id},
                {"name", set.name},
                {"description", set.description},
                {"source_framework", set.source_framework_urn},
                {"target_framework", set.target_framework_urn},
                {"pairs", static_cast<std::int64_t>(set.pairs.size())},
                {"relationships", std::move(relationships)},
                {"library", LibraryBrief(*library)}});
        }
    }
    const auto total = static_cast<std::int64_t>(items.size());
    return json::object{{"items", std::move(items)}, {"total", total}};
}

Result<json::object> CatalogService::Coverage(
    const iam::Principal& who,
    std::string_view from,
    std::string_view to,
    const std::vector<std::string>& satisfied,
    int max_hops
) {
    if (from.empty()) {
        return Error::Invalid("from", "required: the URN of the framework whose results count");
    }
    if (to.empty()) {
        return Error::Invalid("to", "required: the URN of the framework to cover");
    }
    if (max_hops < 1 || max_hops > 5) {
        return Error::Invalid("max_hops", "must be from 1 to 5");
    }
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    ISMS_TRY_ASSIGN(const FrameworkEntry* source, FindFrameworkOr404(*catalog, from, {}));
    ISMS_TRY_ASSIGN(const FrameworkEntry* target, FindFrameworkOr404(*catalog, to, {}));
    std::unordered_set<std::string> met;
    if (!satisfied.empty()) {
        std::unordered_map<std::string_view, std::string_view> by_ref;
        for (const Node& n : source->framework->nodes) {
            by_ref.emplace(n.ref_id, n.urn);
            by_ref.emplace(n.urn, n.urn);
        }
        for (const std::string& item : satisfied) {
            auto it = by_ref.find(item);
            if (it == by_ref.end()) {
                return Error::Invalid(
                    "satisfied", fmt::format("\"{}\" is not a requirement of {}", item, from)
                );
            }
            met.emplace(it->second);
        }
    }
    CoverageQuery query{
        source->framework, target->framework, satisfied.empty() ? nullptr : &met, max_hops};
    return catalog::Coverage(*catalog, query);
}

Result<json::object> CatalogService::Import(
    const iam::Principal& who, const std::vector<ImportFile>& files, const ImportOptions& options
) {
    ISMS_TRY(iam::RequireManager(who));
    if (files.empty()) {
        return Error::Invalid("file", "no file to import");
    }
    ISMS_TRY_ASSIGN(auto existing, View(who.tenant));
    ISMS_TRY_ASSIGN(std::vector<Library> batch, ReadImportFiles(files, options, *existing));

    // Decide per library: new, unchanged (same URN, version and content) or a conflict.
    std::vector<const Library*> created;
    json::array results;
    std::vector<FieldError> problems;  // located "file:…" by the file they come from
    std::unordered_set<std::string> batch_keys;
    for (const Library& lib : batch) {
        if (!batch_keys.insert(lib.urn + "@" + lib.version).second) {
            problems.push_back(
                {lib.source,
                 fmt::format("library {} version {} is given twice", lib.urn, lib.version)}
            );
            continue;
        }
        if (const Library* old = existing->FindLibrary(lib.urn, lib.version)) {
            if (ContentHash(*old) != ContentHash(lib)) {
                problems.push_back(
                    {lib.source,
                     fmt::format(
                         "library {} version {} is already imported with other content; "
                         "a changed library needs a new version",
                         lib.urn,
                         lib.version
                     )}
                );
                continue;
            }
            results.push_back(json::object{
                {"urn", lib.urn},
                {"version", lib.version},
                {"name", lib.name},
                {"status", "unchanged"},
                {"counts", Counts(lib)}});
            continue;
        }
        // An overlay names another library's framework on purpose; anything else may not.
        for (const Framework& fw : lib.frameworks) {
            const FrameworkEntry* other = existing->FindFramework(fw.urn);
            if (!IsAttributeOverlay(lib) && other != nullptr && other->library->urn != lib.urn) {
                problems.push_back(
                    {lib.source,
                     fmt::format(
                         "framework {} already comes from library {}", fw.urn, other->library->urn
                     )}
                );
            }
        }
        created.push_back(&lib);
    }
    // References are checked against everything that will exist once the batch is in.
    std::vector<std::shared_ptr<const Library>> all = existing->libraries();
    for (const Library* lib : created) {
        all.push_back(std::shared_ptr<const Library>(std::shared_ptr<const Library>(), lib));
    }
    const Catalog combined(std::move(all));
    for (const Library* lib : created) {
        Problems found{lib->source};
        CheckReferences(*lib, combined, found);
        problems.insert(problems.end(), found.list().begin(), found.list().end());
    }
    if (!problems.empty()) {
        const std::size_t count = problems.size();
        Error e = Error::Invalid(std::move(problems));
        e.message =
            fmt::format("{} problem{} found, nothing imported", count, count == 1 ? "" : "s");
        return e;
    }

    json::array notices;
    for (const Library& lib : batch) {
        for (const Notice& n : lib.notices) {
            notices.push_back(json::object{{"location", n.location}, {"message", n.message}});
        }
    }
    if (!created.empty()) {
        ISMS_TRY_ASSIGN(
            auto tx, store::WriteTx::Begin(db_, who.tenant, who.AsActor(), clock_, key_)
        );
        for (const Library* lib : created) {
            const std::string document = ToJsonText(WriteNativeLibrary(*lib));
            const std::string sha256 = crypto::HexEncode(crypto::Sha256(document));
            ISMS_TRY_ASSIGN(
                const std::int64_t id,
                tx.sql().QueryInt(
                    "INSERT INTO catalog_libraries (tenant_id, urn, version, format, name, source, "
                    "sha256, document, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, "
                    "?) RETURNING id",
                    {who.tenant.value,
                     lib->urn,
                     lib->version,
                     std::string(FormatName(lib->format)),
                     lib->name,
                     lib->source,
                     sha256,
                     document,
                     FormatTimestamp(tx.now()),
                     who.user.value}
                )
            );
            json::object after{
                {"urn", lib->urn},
                {"version", lib->version},
                {"format", FormatName(lib->format)},
                {"source", lib->source},
                {"sha256", sha256},
                {"counts", Counts(*lib)}};
            ISMS_TRY(tx.Append("imported", "catalog_libraries", id, std::nullopt, ToJsonText(after))
            );
            json::object result{
                {"urn", lib->urn},
                {"version", lib->version},
                {"name", lib->name},
                {"status", "created"},
                {"sha256", sha256},
                {"counts", Counts(*lib)}};
            // A newer version beside an older one: show what changed in each framework.
            if (const Library* previous = existing->FindLibrary(lib->urn);
                previous != nullptr && VersionLess(previous->version, lib->version)) {
                json::array diffs;
                for (const Framework& fw : lib->frameworks) {
                    for (const Framework& old : previous->frameworks) {
                        if (old.urn == fw.urn) {
                            json::object d = DiffFrameworks(old, fw);
                            d["framework"] = fw.urn;
                            d["from_version"] = previous->version;
                            diffs.emplace_back(std::move(d));
                        }
                    }
                }
                result["diff"] = std::move(diffs);
            }
            results.emplace_back(std::move(result));
        }
        ISMS_TRY(tx.Commit());
    }
    return json::object{{"libraries", std::move(results)}, {"notices", std::move(notices)}};
}

Result<json::object> CatalogService::Diff(
    const iam::Principal& who,
    std::string_view framework_urn,
    std::string_view from_version,
    std::string_view to_version
) {
    if (from_version.empty()) {
        return Error::Invalid("from", "required: the older version");
    }
    if (to_version.empty()) {
        return Error::Invalid("to", "required: the newer version");
    }
    ISMS_TRY_ASSIGN(auto catalog, View(who.tenant));
    ISMS_TRY_ASSIGN(
        const FrameworkEntry* before, FindFrameworkOr404(*catalog, framework_urn, from_version)
    );
    ISMS_TRY_ASSIGN(
        const FrameworkEntry* after, FindFrameworkOr404(*catalog, framework_urn, to_version)
    );
    json::object d = DiffFrameworks(*before->framework, *after->framework);
    d["framework"] = std::string(framework_urn);
    d["from_version"] = std::string(from_version);
    d["to_version"] = std::string(to_version);
    return d;
}

}  // namespace isms::catalog
