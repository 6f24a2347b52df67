#include "catalog/oscal_import.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <fmt/format.h>

#include "catalog/oscal_xml.hpp"
#include "catalog/text.hpp"
#include "core/assert.hpp"
#include "core/json.hpp"

namespace isms::catalog {

namespace {

constexpr std::string_view kCatalogLibraryPrefix = "urn:isms:library:oscal:";
constexpr std::string_view kCatalogFrameworkPrefix = "urn:isms:framework:oscal:";
constexpr std::string_view kProfileLibraryPrefix = "urn:isms:library:oscal-profile:";
constexpr std::string_view kProfileFrameworkPrefix = "urn:isms:framework:oscal-profile:";
constexpr std::string_view kProfileMappingPrefix = "urn:isms:mapping:oscal-profile:";
constexpr std::string_view kGroupKind = "group";
constexpr std::string_view kControlKind = "control";
constexpr std::string_view kEnhancementKind = "enhancement";
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr int kMaxParamNesting = 8;     // a choice may insert a param; stops self-references
constexpr int kNewestMinorVersion = 2;  // OSCAL 1.2 is the newest this importer knows
constexpr std::size_t kNestedFieldsShown = 3;

/// Maps the JSON path of a problem to its reported location: the path itself for JSON, the
/// line of the element it came from for XML.
using Locator = std::function<std::string(std::string_view json_path)>;

struct ModelName {
    OscalModel model;
    std::string_view key;
    const char* display;
};

constexpr std::array kModelNames = {
    ModelName{OscalModel::kCatalog, "catalog", "catalog"},
    ModelName{OscalModel::kProfile, "profile", "profile"},
    ModelName{OscalModel::kMappingCollection, "mapping-collection", "mapping collection"},
    ModelName{OscalModel::kComponentDefinition, "component-definition", "component definition"},
    ModelName{OscalModel::kSystemSecurityPlan, "system-security-plan", "system security plan"},
    ModelName{OscalModel::kAssessmentPlan, "assessment-plan", "assessment plan"},
    ModelName{OscalModel::kAssessmentResults, "assessment-results", "assessment results"},
    ModelName{
        OscalModel::kPlanOfActionAndMilestones,
        "plan-of-action-and-milestones",
        "plan of action and milestones"},
};

const ModelName& NameOf(OscalModel model) {
    for (const ModelName& name : kModelNames) {
        if (name.model == model) {
            return name;
        }
    }
    ISMS_UNREACHABLE();  // every enumerator is listed above
}

bool IsAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

bool IsNonAscii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}

/// OSCAL's token: a letter or '_' first, then letters, digits, '.', '-' or '_' (non-ASCII
/// letters allowed). Ids become URN segments, so spaces and ':' must not get through.
bool IsToken(std::string_view id) {
    if (id.empty() || !(IsAsciiLetter(id[0]) || id[0] == '_' || IsNonAscii(id[0]))) {
        return false;
    }
    return std::all_of(id.begin(), id.end(), [](char c) {
        return IsAsciiLetter(c) || IsAsciiDigit(c) || IsNonAscii(c) || c == '.' || c == '-'
               || c == '_';
    });
}

bool HasSpace(std::string_view text) {
    return text.find_first_of(" \t\r\n") != std::string_view::npos;
}

std::string_view Trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

/// OSCAL profile `matching` patterns: '*' any run of characters, '?' exactly one.
bool GlobMatches(std::string_view pattern, std::string_view text) {
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_text = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            star_text = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++star_text;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

std::string_view TextOf(const json::value* value) {
    return value != nullptr && value->is_string() ? std::string_view(value->get_string())
                                                  : std::string_view();
}

/// The value of the first prop `name` without a class, else of the first prop `name`.
std::string_view PropValue(const json::object& owner, std::string_view name) {
    const json::value* props = owner.if_contains("props");
    if (props == nullptr || !props->is_array()) {
        return {};
    }
    std::string_view classed;
    for (const json::value& prop : props->get_array()) {
        if (!prop.is_object() || TextOf(prop.get_object().if_contains("name")) != name) {
            continue;
        }
        const std::string_view value = TextOf(prop.get_object().if_contains("value"));
        if (prop.get_object().if_contains("class") == nullptr) {
            return value;
        }
        if (classed.empty()) {
            classed = value;
        }
    }
    return classed;
}

/// The JSON path of the value being read, grown on the way down and cut back on the way up,
/// so that problems can say where they are without a path being built for every value.
class PathCursor {
public:
    /// Restores the path when the reader leaves a member or item.
    class Step {
    public:
        Step(std::string& path, std::size_t keep) : path_(path), keep_(keep) {}
        ~Step() { path_.resize(keep_); }
        Step(const Step&) = delete;
        Step& operator=(const Step&) = delete;

    private:
        std::string& path_;
        std::size_t keep_;
    };

    [[nodiscard]] Step Enter(std::string_view member) {
        const std::size_t keep = path_.size();
        path_ += '.';
        path_ += member;
        return {path_, keep};
    }
    [[nodiscard]] Step Enter(std::size_t index) {
        const std::size_t keep = path_.size();
        path_ += fmt::format("[{}]", index);
        return {path_, keep};
    }
    [[nodiscard]] const std::string& Text() const { return path_; }
    [[nodiscard]] std::string Member(std::string_view member) const {
        return member.empty() ? path_ : fmt::format("{}.{}", path_, member);
    }

private:
    std::string path_ = "$";
};

/// What the readers of one document share: the path being read, and where problems and
/// notices go. The typed accessors record a problem for a member of the wrong JSON type.
class DocumentContext {
public:
    DocumentContext(Problems& problems, const Locator& locate)
        : problems_(problems), locate_(locate) {}

    PathCursor& Path() { return path_; }

    /// Records a problem at a member of the value being read ("" for the value itself).
    void Problem(std::string_view member, std::string message) {
        problems_.Add(locate_(path_.Member(member)), std::move(message));
    }
    /// Records a notice at a member of the value being read.
    void Note(std::string_view member, std::string message) {
        notices_.push_back({LocationOf(path_.Member(member)), std::move(message)});
    }
    /// "source:where" for a JSON path, as problems are located.
    [[nodiscard]] std::string LocationOf(std::string_view json_path) const {
        return fmt::format("{}:{}", problems_.source(), locate_(json_path));
    }
    void AddNotice(Notice notice) { notices_.push_back(std::move(notice)); }
    std::vector<Notice> TakeNotices() { return std::move(notices_); }

    /// The member's text; "" when absent; a problem when present but not a string.
    std::string_view Text(const json::object& owner, std::string_view key) {
        const json::value* value = owner.if_contains(key);
        if (value == nullptr) {
            return {};
        }
        if (!value->is_string()) {
            Problem(key, "must be a string");
            return {};
        }
        return value->get_string();
    }
    /// As Text, and a problem when absent or blank.
    std::string_view RequiredText(const json::object& owner, std::string_view key) {
        const std::string_view text = Text(owner, key);
        if (Trim(text).empty()
            && (owner.if_contains(key) == nullptr || owner.at(key).is_string())) {
            Problem(key, fmt::format("{} is required", key));
        }
        return text;
    }
    /// The member as an array; nullptr when absent; a problem when not an array.
    json::array* Array(json::object& owner, std::string_view key) {
        json::value* value = owner.if_contains(key);
        if (value == nullptr) {
            return nullptr;
        }
        if (!value->is_array()) {
            Problem(key, "must be an array");
            return nullptr;
        }
        return &value->get_array();
    }
    /// The member as an object; nullptr when absent; a problem when not an object.
    json::object* Object(json::object& owner, std::string_view key) {
        json::value* value = owner.if_contains(key);
        if (value == nullptr) {
            return nullptr;
        }
        if (!value->is_object()) {
            Problem(key, "must be an object");
            return nullptr;
        }
        return &value->get_object();
    }
    /// Calls visit(object) for each item of the member array, with the path at that item; items
    /// that are not objects are problems.
    template <class Visit>
    void ForEachObject(json::object& owner, std::string_view key, Visit&& visit) {
        json::array* items = Array(owner, key);
        if (items == nullptr) {
            return;
        }
        const auto member_step = path_.Enter(key);
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto item_step = path_.Enter(i);
            if (!(*items)[i].is_object()) {
                Problem("", "must be an object");
                continue;
            }
            visit((*items)[i].get_object());
        }
    }

private:
    Problems& problems_;
    const Locator& locate_;
    PathCursor path_;
    std::vector<Notice> notices_;
};

/// The metadata every OSCAL document starts with, as the library header needs it.
struct DocumentHeader {
    std::string title;
    std::string version;
    std::string remarks;
    std::string provider;
    std::string slug;  // of the title (of the uuid when the title has no letters or digits)
};

/// Checks "1.1.2" / "v1.1.3": major version 1 is read; minors above 2 get a notice.
void CheckOscalVersion(DocumentContext& cx, std::string_view version) {
    std::string_view digits = version;
    if (!digits.empty() && (digits.front() == 'v' || digits.front() == 'V')) {
        digits.remove_prefix(1);
    }
    const std::size_t dot = digits.find('.');
    const std::string_view major = digits.substr(0, dot);
    const std::string_view rest = dot == std::string_view::npos ? "" : digits.substr(dot + 1);
    const std::string_view minor = rest.substr(0, rest.find('.'));
    const auto all_digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiDigit);
    };
    if (major != "1" || !all_digits(minor)) {
        cx.Problem(
            "oscal-version",
            fmt::format(
                "oscal-version \"{}\" is not supported: OSCAL 1.0 to 1.2 can be read", version
            )
        );
        return;
    }
    if (minor.size() > 1 || minor[0] - '0' > kNewestMinorVersion) {
        cx.Note(
            "oscal-version",
            fmt::format(
                "OSCAL {} is newer than 1.{}: read as 1.{}",
                version,
                kNewestMinorVersion,
                kNewestMinorVersion
            )
        );
    }
}

/// The short name (else the name) of the party with the publisher, creator or author role.
std::string ProviderOf(const json::object& metadata) {
    const json::value* responsible = metadata.if_contains("responsible-parties");
    const json::value* parties = metadata.if_contains("parties");
    if (responsible == nullptr || !responsible->is_array() || parties == nullptr
        || !parties->is_array()) {
        return {};
    }
    for (const std::string_view role : {"publisher", "creator", "author"}) {
        for (const json::value& entry : responsible->get_array()) {
            if (!entry.is_object() || TextOf(entry.get_object().if_contains("role-id")) != role) {
                continue;
            }
            const json::value* uuids = entry.get_object().if_contains("party-uuids");
            if (uuids == nullptr || !uuids->is_array() || uuids->get_array().empty()) {
                continue;
            }
            const std::string_view uuid = TextOf(&uuids->get_array().front());
            for (const json::value& party : parties->get_array()) {
                if (!party.is_object() || TextOf(party.get_object().if_contains("uuid")) != uuid) {
                    continue;
                }
                const std::string_view short_name =
                    TextOf(party.get_object().if_contains("short-name"));
                return std::string(
                    short_name.empty() ? TextOf(party.get_object().if_contains("name")) : short_name
                );
            }
        }
    }
    return {};
}

DocumentHeader ReadHeader(DocumentContext& cx, json::object& model) {
    DocumentHeader header;
    json::object* metadata = cx.Object(model, "metadata");
    if (metadata == nullptr) {
        if (model.if_contains("metadata") == nullptr) {
            cx.Problem("metadata", "metadata is required");
        }
        return header;
    }
    {
        const auto step = cx.Path().Enter("metadata");
        header.title = cx.RequiredText(*metadata, "title");
        header.version = cx.RequiredText(*metadata, "version");
        const std::string_view oscal_version = cx.RequiredText(*metadata, "oscal-version");
        if (!oscal_version.empty()) {
            CheckOscalVersion(cx, oscal_version);
        }
        header.remarks = cx.Text(*metadata, "remarks");
        header.provider = ProviderOf(*metadata);
    }
    header.slug = Slug(header.title);
    if (header.slug.empty()) {
        header.slug = Slug(TextOf(model.if_contains("uuid")));
    }
    if (header.slug.empty() && !header.title.empty()) {
        cx.Problem("metadata.title", "the title has no letters or digits to name the library by");
    }
    return header;
}

Library LibraryFrom(const DocumentHeader& header, std::string_view urn_prefix, Format format) {
    Library library;
    library.urn = fmt::format("{}{}", urn_prefix, header.slug);
    library.version = header.version;
    library.ref_id = header.title;
    library.name = header.title;
    library.description = header.remarks;
    library.provider = header.provider;
    library.format = format;
    return library;
}

Framework FrameworkFrom(const DocumentHeader& header, std::string_view urn_prefix) {
    Framework framework;
    framework.urn = fmt::format("{}{}", urn_prefix, header.slug);
    framework.ref_id = header.title;
    framework.name = header.title;
    framework.description = header.remarks;
    return framework;
}

/// The OSCAL id a node was imported under: its URN after "<framework urn>:".
std::string_view OscalIdOf(const Node& node, std::string_view framework_urn) {
    const std::string_view urn = node.urn;
    if (urn.size() > framework_urn.size() && urn.substr(0, framework_urn.size()) == framework_urn
        && urn[framework_urn.size()] == ':') {
        return urn.substr(framework_urn.size() + 1);
    }
    return node.ref_id;
}

/// One Framework::Group per top-level group node; top-level controls share a "controls" group.
std::vector<Group> TopLevelGroups(const std::vector<Node>& nodes, std::string_view framework_urn) {
    std::vector<Group> groups;
    Group loose_controls{"controls", "Controls", {}};
    for (const Node& node : nodes) {
        if (!node.parent_urn.empty()) {
            continue;
        }
        if (node.kind == kGroupKind) {
            groups.push_back({std::string(OscalIdOf(node, framework_urn)), node.name, {node.urn}});
        } else {
            loose_controls.roots.push_back(node.urn);
        }
    }
    if (!loose_controls.roots.empty()) {
        groups.push_back(std::move(loose_controls));
    }
    return groups;
}

/// Facts about one catalog node that the suspected-withdrawal pass needs, kept beside
/// Framework::nodes.
struct NodeFacts {
    std::size_t parent = kNone;
    std::string path;  // JSON path, for notices
    bool is_control = false;
    bool has_examples = false;
    bool statement_empty = true;
    bool has_child_controls = false;
    bool children_all_inactive = true;  // every child control withdrawn or suspected
};

/// Reads one catalog: groups, controls and enhancements in document order, parameters
/// inserted into statements, then the suspected-withdrawal pass.
class CatalogReader {
public:
    CatalogReader(DocumentContext& cx, const OscalOptions& options) : cx_(cx), options_(options) {}

    Library Read(json::object& catalog) {
        const DocumentHeader header = ReadHeader(cx_, catalog);
        Library library = LibraryFrom(header, kCatalogLibraryPrefix, Format::kOscalCatalog);
        Framework framework = FrameworkFrom(header, kCatalogFrameworkPrefix);
        framework_urn_ = framework.urn;
        RegisterParams(catalog);
        ReadChildren(catalog, kNone, 1);
        MarkSuspectedWithdrawn();
        framework.groups = TopLevelGroups(nodes_, framework_urn_);
        framework.nodes = std::move(nodes_);
        library.frameworks.push_back(std::move(framework));
        return library;
    }

private:
    /// Controls, then groups, of a catalog, group or control.
    void ReadChildren(json::object& owner, std::size_t parent, int depth) {
        const bool parent_is_control = parent != kNone && facts_[parent].is_control;
        cx_.ForEachObject(owner, "controls", [&](json::object& control) {
            ReadEntry(control, parent, depth, parent_is_control ? kEnhancementKind : kControlKind);
        });
        if (parent_is_control) {
            return;  // controls hold no groups
        }
        cx_.ForEachObject(owner, "groups", [&](json::object& group) {
            ReadEntry(group, parent, depth, kGroupKind);
        });
    }

    void RegisterParams(const json::object& owner) {
        const json::value* params = owner.if_contains("params");
        if (params == nullptr || !params->is_array()) {
            return;
        }
        for (const json::value& param : params->get_array()) {
            const std::string_view id = param.is_object()
                                            ? TextOf(param.get_object().if_contains("id"))
                                            : std::string_view();
            if (!id.empty()) {
                params_.emplace(id, &param.get_object());
            }
        }
    }

    /// The node's id: required and a token for controls; for a group, when absent, "group-"
    /// plus the title's slug (numbered when taken).
    std::string ReadId(const json::object& entry, std::string_view kind, std::string_view title) {
        const std::string_view id = cx_.Text(entry, "id");
        if (id.empty()) {
            if (kind != kGroupKind) {
                const json::value* given = entry.if_contains("id");
                if (given == nullptr || given->is_string()) {
                    cx_.Problem("id", "id is required");
                }
                return {};
            }
            std::string made_up = fmt::format("group-{}", Slug(title));
            for (int n = 2; path_of_id_.contains(made_up); ++n) {
                made_up = fmt::format("group-{}-{}", Slug(title), n);
            }
            return made_up;
        }
        if (!IsToken(id)) {
            cx_.Problem(
                "id",
                fmt::format(
                    "id \"{}\" is not an OSCAL token (a letter or '_', then letters, digits, '.', "
                    "'-' or '_')",
                    id
                )
            );
            return {};
        }
        const auto [first, inserted] = path_of_id_.emplace(id, cx_.Path().Member("id"));
        if (!inserted) {
            cx_.Problem(
                "id",
                fmt::format(
                    "id \"{}\" is used twice (first at {})", id, cx_.LocationOf(first->second)
                )
            );
        }
        return std::string(id);
    }

    void ReadEntry(json::object& entry, std::size_t parent, int depth, std::string_view kind) {
        const std::string_view title = cx_.RequiredText(entry, "title");
        const std::string id = ReadId(entry, kind, title);
        RegisterParams(entry);

        Node node;
        node.urn = fmt::format("{}:{}", framework_urn_, id);
        node.name = title;
        node.kind = kind;
        node.depth = depth;
        node.parent_urn = parent == kNone ? std::string() : nodes_[parent].urn;
        const std::string_view label = PropValue(entry, "label");
        node.ref_id = !label.empty() && !HasSpace(label) ? std::string(label) : id;

        NodeFacts facts;
        facts.parent = parent;
        facts.is_control = kind != kGroupKind;
        facts.path = cx_.Path().Text();
        ReadProps(entry, label, node);
        ReadParts(entry, node, facts);
        if (const std::string_view css_class = cx_.Text(entry, "class"); !css_class.empty()) {
            node.properties["class"] = css_class;
        }
        if (const json::array* params = cx_.Array(entry, "params"); params != nullptr) {
            node.properties["params"] = *params;  // copied: params_ points into the original
        }
        if (json::array* links = cx_.Array(entry, "links"); links != nullptr) {
            node.properties["links"] = std::move(*links);
        }
        node.assessable = facts.is_control && !node.withdrawn;

        nodes_.push_back(std::move(node));
        facts_.push_back(std::move(facts));
        ReadChildren(entry, nodes_.size() - 1, depth + 1);
    }

    /// Props as {name[.class]: value}, a repeated key as an array of values. The label that
    /// became ref_id is left out; status "withdrawn" sets Node::withdrawn.
    void ReadProps(json::object& entry, std::string_view ref_label, Node& node) {
        json::object compact;
        bool skipped_label = false;
        cx_.ForEachObject(entry, "props", [&](json::object& prop) {
            const std::string_view name = cx_.RequiredText(prop, "name");
            const std::string_view value = cx_.Text(prop, "value");
            const std::string_view prop_class = cx_.Text(prop, "class");
            if (name == "label" && prop_class.empty() && value == ref_label && !skipped_label
                && !HasSpace(value)) {
                skipped_label = true;
                return;
            }
            if (name == "status" && EqualsIgnoringCase(value, "withdrawn")) {
                node.withdrawn = true;
            }
            const std::string key =
                prop_class.empty() ? std::string(name) : fmt::format("{}.{}", name, prop_class);
            json::value* existing = compact.if_contains(key);
            if (existing == nullptr) {
                compact[key] = value;
                return;
            }
            if (!existing->is_array()) {
                json::array values;
                values.push_back(std::move(*existing));
                *existing = std::move(values);
            }
            existing->get_array().push_back(json::string(value));
        });
        if (!compact.empty()) {
            node.properties["props"] = std::move(compact);
        }
    }

    /// Statement → description (an overview part when there is no statement), guidance and
    /// examples → annotation, every other part moved into properties["parts"].
    void ReadParts(json::object& entry, Node& node, NodeFacts& facts) {
        json::array* parts = cx_.Array(entry, "parts");
        if (parts == nullptr) {
            return;
        }
        const bool has_statement =
            std::any_of(parts->begin(), parts->end(), [](const json::value& p) {
                return p.is_object() && TextOf(p.get_object().if_contains("name")) == "statement";
            });
        std::string guidance;
        std::string examples;
        json::array other_parts;
        const auto parts_step = cx_.Path().Enter("parts");
        for (std::size_t i = 0; i < parts->size(); ++i) {
            const auto item_step = cx_.Path().Enter(i);
            json::value& part = (*parts)[i];
            if (!part.is_object()) {
                cx_.Problem("", "must be an object");
                continue;
            }
            const std::string_view name = cx_.RequiredText(part.get_object(), "name");
            if (name == "statement"
                || (name == "overview" && !has_statement && node.description.empty())) {
                AppendPartText(part.get_object(), 0, node.description);
                facts.statement_empty = facts.statement_empty && Trim(node.description).empty();
            } else if (name == "guidance") {
                AppendPartText(part.get_object(), 0, guidance);
            } else if (name == "example") {
                facts.has_examples = true;
                std::string example;
                AppendPartText(part.get_object(), 0, example);
                examples += fmt::format("\n- {}", example);
            } else {
                other_parts.push_back(std::move(part));
            }
        }
        node.annotation = std::move(guidance);
        if (!examples.empty()) {
            if (!node.annotation.empty()) {
                node.annotation += "\n\n";
            }
            node.annotation += "Examples:";
            node.annotation += examples;
        }
        if (!other_parts.empty()) {
            node.properties["parts"] = std::move(other_parts);
        }
        uses_examples_ = uses_examples_ || facts.has_examples;
    }

    /// A part as text lines: "label prose", its sub-parts indented two spaces under it.
    void AppendPartText(const json::object& part, std::size_t indent, std::string& out) {
        const std::string_view label = PropValue(part, "label");
        const std::string_view prose = Trim(TextOf(part.if_contains("prose")));
        const bool has_line = !label.empty() || !prose.empty();
        if (has_line) {
            if (!out.empty()) {
                out += '\n';
            }
            out.append(indent, ' ');
            out += label;
            if (!label.empty() && !prose.empty()) {
                out += ' ';
            }
            AppendWithParams(prose, 0, out);
        }
        const json::value* children = part.if_contains("parts");
        if (children == nullptr || !children->is_array()) {
            return;
        }
        for (const json::value& child : children->get_array()) {
            if (child.is_object()) {
                AppendPartText(child.get_object(), has_line ? indent + 2 : indent, out);
            }
        }
    }

    /// Prose with each "{{ insert: param, id }}" replaced by what the parameter says.
    void AppendWithParams(std::string_view prose, int nesting, std::string& out) {
        std::size_t at = 0;
        while (at < prose.size()) {
            const std::size_t open = prose.find("{{", at);
            const std::size_t close = open == std::string_view::npos ? std::string_view::npos
                                                                     : prose.find("}}", open + 2);
            if (close == std::string_view::npos) {
                break;
            }
            out += prose.substr(at, open - at);
            const std::string_view insert = Trim(prose.substr(open + 2, close - open - 2));
            const json::object* param = nesting < kMaxParamNesting ? ParamOf(insert) : nullptr;
            if (param != nullptr) {
                AppendParamText(*param, nesting + 1, out);
            } else {
                out += prose.substr(open, close + 2 - open);
            }
            at = close + 2;
        }
        if (at < prose.size()) {
            out += prose.substr(at);
        }
    }

    /// The parameter an "insert: param, id" names; nullptr for other inserts and unknown ids.
    const json::object* ParamOf(std::string_view insert) const {
        constexpr std::string_view kInsert = "insert:";
        if (insert.substr(0, kInsert.size()) != kInsert) {
            return nullptr;
        }
        const std::string_view arguments = insert.substr(kInsert.size());
        const std::size_t comma = arguments.find(',');
        if (comma == std::string_view::npos || Trim(arguments.substr(0, comma)) != "param") {
            return nullptr;
        }
        const auto it = params_.find(Trim(arguments.substr(comma + 1)));
        return it == params_.end() ? nullptr : it->second;
    }

    /// Set values as they are; otherwise "[Selection (one or more): a; b]" or "[Assignment:
    /// label]", the way NIST prints parameters.
    void AppendParamText(const json::object& param, int nesting, std::string& out) {
        const json::value* values = param.if_contains("values");
        if (values != nullptr && values->is_array() && !values->get_array().empty()) {
            bool first = true;
            for (const json::value& value : values->get_array()) {
                out += first ? "" : ", ";
                AppendWithParams(TextOf(&value), nesting, out);
                first = false;
            }
            return;
        }
        const json::value* select = param.if_contains("select");
        if (select != nullptr && select->is_object()) {
            const bool many = TextOf(select->get_object().if_contains("how-many")) == "one-or-more";
            out += many ? "[Selection (one or more): " : "[Selection: ";
            const json::value* choices = select->get_object().if_contains("choice");
            if (choices != nullptr && choices->is_array()) {
                bool first = true;
                for (const json::value& choice : choices->get_array()) {
                    out += first ? "" : "; ";
                    AppendWithParams(TextOf(&choice), nesting, out);
                    first = false;
                }
            }
            out += ']';
            return;
        }
        const std::string_view label = TextOf(param.if_contains("label"));
        out += "[Assignment: ";
        out += label.empty() ? TextOf(param.if_contains("id")) : label;
        out += ']';
    }

    /// Flags controls that look withdrawn without a status marker (see ImportOscal), children
    /// before parents, then keeps them marked or leaves them (and what is under them) out.
    void MarkSuspectedWithdrawn() {
        std::vector<bool> suspected(nodes_.size(), false);
        for (std::size_t i = nodes_.size(); i-- > 0;) {
            NodeFacts& facts = facts_[i];
            Node& node = nodes_[i];
            if (!facts.is_control) {
                continue;
            }
            if (!node.withdrawn) {
                std::string_view reason;
                if (!facts.has_child_controls && uses_examples_ && !facts.has_examples) {
                    reason = "no example parts, while other controls of this catalog have them";
                } else if (facts.has_child_controls && facts.children_all_inactive
                           && facts.statement_empty && !facts.has_examples) {
                    reason =
                        "an empty statement, and every control under it is withdrawn or "
                        "looks withdrawn";
                }
                suspected[i] = !reason.empty();
                if (suspected[i]) {
                    node.properties["suspected_withdrawn"] = true;
                    suspicions_.push_back({i, reason});
                }
            }
            if (facts.parent != kNone) {
                NodeFacts& parent = facts_[facts.parent];
                parent.has_child_controls = true;
                parent.children_all_inactive =
                    parent.children_all_inactive && (node.withdrawn || suspected[i]);
            }
        }
        std::reverse(suspicions_.begin(), suspicions_.end());
        const bool exclude = options_.exclude_suspected_withdrawn;
        for (const auto& [index, reason] : suspicions_) {
            const Node& node = nodes_[index];
            const std::string named = node.name == node.ref_id
                                          ? node.ref_id
                                          : fmt::format("{} \"{}\"", node.ref_id, node.name);
            cx_.AddNotice(
                {cx_.LocationOf(facts_[index].path),
                 fmt::format(
                     "{} looks withdrawn although it has no status: {}; {}",
                     named,
                     reason,
                     exclude ? "left out" : "kept, marked suspected_withdrawn"
                 )}
            );
        }
        if (exclude) {
            RemoveSuspected(suspected);
        }
    }

    /// Drops suspected nodes and everything under them, keeping document order.
    void RemoveSuspected(const std::vector<bool>& suspected) {
        std::vector<bool> dropped(nodes_.size(), false);
        std::vector<Node> kept;
        kept.reserve(nodes_.size());
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            const std::size_t parent = facts_[i].parent;
            dropped[i] = suspected[i] || (parent != kNone && dropped[parent]);
            if (!dropped[i]) {
                kept.push_back(std::move(nodes_[i]));
            }
        }
        nodes_ = std::move(kept);
    }

    struct Suspicion {
        std::size_t index;
        std::string_view reason;
    };

    DocumentContext& cx_;
    const OscalOptions& options_;
    std::string framework_urn_;
    std::vector<Node> nodes_;
    std::vector<NodeFacts> facts_;  // parallel to nodes_
    std::unordered_map<std::string, std::string> path_of_id_;
    std::unordered_map<std::string_view, const json::object*> params_;  // into the document
    std::vector<Suspicion> suspicions_;
    bool uses_examples_ = false;
};

/// The tree of an imported framework, by OSCAL id.
class FrameworkIndex {
public:
    explicit FrameworkIndex(const Framework& framework) : framework_(framework) {
        const std::size_t count = framework.nodes.size();
        ids_.reserve(count);
        parents_.assign(count, kNone);
        children_.resize(count);
        std::unordered_map<std::string_view, std::size_t> index_of_urn;
        for (std::size_t i = 0; i < count; ++i) {
            const Node& node = framework.nodes[i];
            ids_.push_back(OscalIdOf(node, framework.urn));
            by_id_.emplace(ids_.back(), i);
            index_of_urn.emplace(node.urn, i);
            const auto parent = index_of_urn.find(node.parent_urn);
            if (parent != index_of_urn.end()) {
                parents_[i] = parent->second;
                children_[parent->second].push_back(i);
            }
        }
    }

    [[nodiscard]] const Framework& Indexed() const { return framework_; }
    [[nodiscard]] std::size_t Size() const { return ids_.size(); }
    [[nodiscard]] std::string_view IdOf(std::size_t i) const { return ids_[i]; }
    [[nodiscard]] std::size_t ParentOf(std::size_t i) const { return parents_[i]; }
    [[nodiscard]] const std::vector<std::size_t>& ChildrenOf(std::size_t i) const {
        return children_[i];
    }
    /// Whether a profile can select the node: a control or enhancement, and not a parent a
    /// profile being imported kept only for context.
    [[nodiscard]] bool IsControl(std::size_t i) const {
        const Node& node = framework_.nodes[i];
        return node.kind != kGroupKind && !node.properties.contains("profile_context");
    }
    /// The selectable control with this id; kNone when there is none.
    [[nodiscard]] std::size_t FindControl(std::string_view id) const {
        const auto it = by_id_.find(id);
        return it == by_id_.end() || !IsControl(it->second) ? kNone : it->second;
    }

private:
    const Framework& framework_;
    std::vector<std::string_view> ids_;
    std::vector<std::size_t> parents_;
    std::vector<std::vector<std::size_t>> children_;
    std::unordered_map<std::string_view, std::size_t> by_id_;
};

/// Reads one profile: resolves each import, selects controls, and builds the profile framework
/// and its mapping sets.
class ProfileReader {
public:
    ProfileReader(DocumentContext& cx, const OscalCatalogResolver& resolve)
        : cx_(cx), resolve_(resolve) {}

    Library Read(json::object& profile) {
        const DocumentHeader header = ReadHeader(cx_, profile);
        library_ = LibraryFrom(header, kProfileLibraryPrefix, Format::kOscalProfile);
        Framework framework = FrameworkFrom(header, kProfileFrameworkPrefix);
        framework_urn_ = framework.urn;
        header_ = header;
        back_matter_ = cx_.Object(profile, "back-matter");
        if (profile.if_contains("imports") == nullptr) {
            cx_.Problem("imports", "imports is required");
        }
        cx_.ForEachObject(profile, "imports", [&](json::object& import) { ReadImport(import); });
        NoteModifications(profile);
        framework.groups = TopLevelGroups(nodes_, framework_urn_);
        framework.nodes = std::move(nodes_);
        library_.frameworks.push_back(std::move(framework));
        return std::move(library_);
    }

private:
    void ReadImport(json::object& import) {
        const std::string_view href = cx_.RequiredText(import, "href");
        const bool include_all = import.if_contains("include-all") != nullptr;
        if (!include_all && import.if_contains("include-controls") == nullptr) {
            cx_.Problem(
                "", "an import must say which controls it takes: include-all or include-controls"
            );
            return;
        }
        if (href.empty()) {
            return;
        }
        auto resolved = Resolve(href);
        if (!resolved) {
            cx_.Problem("href", std::move(resolved).error().message);
            return;
        }
        if (resolved->frameworks.empty()) {
            cx_.Problem(
                "href",
                fmt::format("\"{}\" resolved to {}, which holds no framework", href, resolved->urn)
            );
            return;
        }
        const FrameworkIndex index(resolved->frameworks.front());
        std::vector<bool> selected(index.Size(), false);
        if (include_all) {
            for (std::size_t i = 0; i < index.Size(); ++i) {
                selected[i] = index.IsControl(i);
            }
        }
        cx_.ForEachObject(import, "include-controls", [&](json::object& selector) {
            ApplySelector(selector, index, true, selected);
        });
        cx_.ForEachObject(import, "exclude-controls", [&](json::object& selector) {
            ApplySelector(selector, index, false, selected);
        });
        if (std::none_of(selected.begin(), selected.end(), [](bool s) { return s; })) {
            cx_.Problem("", fmt::format("the import of \"{}\" selects no control", href));
            return;
        }
        AddSelection(index, selected);
        if (std::find(library_.dependencies.begin(), library_.dependencies.end(), resolved->urn)
            == library_.dependencies.end()) {
            library_.dependencies.push_back(resolved->urn);
        }
    }

    /// The hrefs to try for an import: a "#uuid" back-matter resource's rlinks (JSON first),
    /// then the href as written.
    std::vector<std::string> CandidateHrefs(std::string_view href) const {
        std::vector<std::string> json_links;
        std::vector<std::string> other_links;
        if (href.substr(0, 1) == "#" && back_matter_ != nullptr) {
            const json::value* resources = back_matter_->if_contains("resources");
            if (resources != nullptr && resources->is_array()) {
                for (const json::value& resource : resources->get_array()) {
                    if (!resource.is_object()
                        || TextOf(resource.get_object().if_contains("uuid")) != href.substr(1)) {
                        continue;
                    }
                    const json::value* rlinks = resource.get_object().if_contains("rlinks");
                    if (rlinks == nullptr || !rlinks->is_array()) {
                        continue;
                    }
                    for (const json::value& rlink : rlinks->get_array()) {
                        if (!rlink.is_object()) {
                            continue;
                        }
                        const std::string_view link =
                            TextOf(rlink.get_object().if_contains("href"));
                        const std::string_view media_type =
                            TextOf(rlink.get_object().if_contains("media-type"));
                        const bool is_json =
                            media_type.find("json") != std::string_view::npos
                            || (link.size() > 5 && link.substr(link.size() - 5) == ".json");
                        if (!link.empty()) {
                            (is_json ? json_links : other_links).emplace_back(link);
                        }
                    }
                }
            }
        }
        std::vector<std::string> candidates = std::move(json_links);
        candidates.insert(candidates.end(), other_links.begin(), other_links.end());
        candidates.emplace_back(href);
        return candidates;
    }

    Result<Library> Resolve(std::string_view href) const {
        if (!resolve_) {
            return Error::NotFound(
                fmt::format("cannot resolve import \"{}\": no catalogs to resolve it against", href)
            );
        }
        const std::vector<std::string> candidates = CandidateHrefs(href);
        for (const std::string& candidate : candidates) {
            auto resolved = resolve_(candidate);
            if (resolved) {
                return resolved;
            }
            if (resolved.error().code != ErrorCode::kNotFound) {
                const Error& error = resolved.error();
                std::string message =
                    fmt::format("import \"{}\" could not be read: {}", candidate, error.message);
                for (std::size_t i = 0; i < error.fields.size() && i < kNestedFieldsShown; ++i) {
                    message +=
                        fmt::format("; {}: {}", error.fields[i].field, error.fields[i].message);
                }
                return Error{ErrorCode::kInvalidArgument, std::move(message), {}};
            }
        }
        std::string tried;
        for (const std::string& candidate : candidates) {
            tried += tried.empty() ? "" : ", ";
            tried += '"' + candidate + '"';
        }
        return Error::NotFound(fmt::format("cannot resolve import \"{}\" (tried {})", href, tried));
    }

    /// with-ids and matching patterns select (or deselect) controls, with their descendants
    /// when with-child-controls is "yes".
    void ApplySelector(
        json::object& selector,
        const FrameworkIndex& index,
        bool include,
        std::vector<bool>& selected
    ) {
        const bool with_children = cx_.Text(selector, "with-child-controls") == "yes";
        const std::string& catalog_name = index.Indexed().name;
        if (json::array* ids = cx_.Array(selector, "with-ids"); ids != nullptr) {
            const auto ids_step = cx_.Path().Enter("with-ids");
            for (std::size_t i = 0; i < ids->size(); ++i) {
                const auto item_step = cx_.Path().Enter(i);
                const std::string_view id = TextOf(&(*ids)[i]);
                const std::size_t found = index.FindControl(id);
                if (found != kNone) {
                    Mark(index, found, with_children, include, selected);
                } else if (!(*ids)[i].is_string()) {
                    cx_.Problem("", "must be a string");
                } else if (include) {
                    cx_.Problem("", fmt::format("control \"{}\" is not in {}", id, catalog_name));
                } else {
                    cx_.Note(
                        "", fmt::format("control \"{}\" to exclude is not in {}", id, catalog_name)
                    );
                }
            }
        }
        cx_.ForEachObject(selector, "matching", [&](json::object& matching) {
            const std::string_view pattern = cx_.RequiredText(matching, "pattern");
            std::size_t matched = 0;
            for (std::size_t i = 0; i < index.Size(); ++i) {
                if (index.IsControl(i) && GlobMatches(pattern, index.IdOf(i))) {
                    Mark(index, i, with_children, include, selected);
                    ++matched;
                }
            }
            if (matched == 0 && !pattern.empty()) {
                cx_.Note(
                    "pattern",
                    fmt::format("pattern \"{}\" matches no control of {}", pattern, catalog_name)
                );
            }
        });
    }

    void Mark(
        const FrameworkIndex& index,
        std::size_t i,
        bool with_children,
        bool value,
        std::vector<bool>& selected
    ) {
        selected[i] = value;
        if (!with_children) {
            return;
        }
        for (const std::size_t child : index.ChildrenOf(i)) {
            if (index.IsControl(child)) {
                Mark(index, child, true, value, selected);
            }
        }
    }

    /// Copies the selected controls and their ancestors, in catalog order, and pairs each
    /// selected control with its original.
    void AddSelection(const FrameworkIndex& index, const std::vector<bool>& selected) {
        std::vector<bool> kept = selected;
        for (std::size_t i = index.Size(); i-- > 0;) {
            if (kept[i] && index.ParentOf(i) != kNone) {
                kept[index.ParentOf(i)] = true;
            }
        }
        const Framework& catalog = index.Indexed();
        MappingSet& mapping = MappingSetFor(catalog);
        for (std::size_t i = 0; i < index.Size(); ++i) {
            if (!kept[i]) {
                continue;
            }
            const Node& original = catalog.nodes[i];
            const bool is_selected = selected[i] && index.IsControl(i);
            std::string urn = fmt::format("{}:{}", framework_urn_, index.IdOf(i));
            const auto [existing, inserted] =
                origin_of_urn_.emplace(urn, Origin{nodes_.size(), catalog.urn});
            if (!inserted) {
                if (existing->second.framework_urn != catalog.urn) {
                    cx_.Problem(
                        "",
                        fmt::format(
                            "id \"{}\" is imported from two catalogs ({} and {})",
                            index.IdOf(i),
                            existing->second.framework_urn,
                            catalog.urn
                        )
                    );
                    continue;
                }
                Node& earlier = nodes_[existing->second.index];
                if (is_selected && earlier.properties.erase("profile_context") > 0) {
                    earlier.assessable = !earlier.withdrawn;
                    mapping.pairs.push_back(
                        {earlier.urn, original.urn, Relationship::kEqual, std::nullopt, {}}
                    );
                }
                continue;
            }
            Node copy = original;
            copy.urn = std::move(urn);
            copy.parent_urn =
                index.ParentOf(i) == kNone
                    ? std::string()
                    : fmt::format("{}:{}", framework_urn_, index.IdOf(index.ParentOf(i)));
            if (index.IsControl(i) && !is_selected) {
                copy.assessable = false;
                copy.properties["profile_context"] = true;
            }
            if (is_selected) {
                mapping.pairs.push_back(
                    {copy.urn, original.urn, Relationship::kEqual, std::nullopt, {}}
                );
            }
            nodes_.push_back(std::move(copy));
        }
    }

    MappingSet& MappingSetFor(const Framework& catalog) {
        for (MappingSet& set : library_.mapping_sets) {
            if (set.target_framework_urn == catalog.urn) {
                return set;
            }
        }
        MappingSet set;
        const std::string suffix = library_.mapping_sets.empty()
                                       ? std::string()
                                       : fmt::format(":{}", library_.mapping_sets.size() + 1);
        set.urn = fmt::format("{}{}{}", kProfileMappingPrefix, header_.slug, suffix);
        set.ref_id = header_.title;
        set.name = fmt::format("{} → {}", header_.title, catalog.name);
        set.description =
            "Each control the profile selects, equal to the catalog control it was copied from.";
        set.source_framework_urn = framework_urn_;
        set.target_framework_urn = catalog.urn;
        library_.mapping_sets.push_back(std::move(set));
        return library_.mapping_sets.back();
    }

    void NoteModifications(json::object& profile) {
        const json::value* modify = profile.if_contains("modify");
        if (modify == nullptr || !modify->is_object()) {
            return;
        }
        const auto count = [&](std::string_view key) {
            const json::value* items = modify->get_object().if_contains(key);
            return items != nullptr && items->is_array() ? items->get_array().size() : 0;
        };
        const std::size_t settings = count("set-parameters");
        const std::size_t alterations = count("alters");
        if (settings + alterations > 0) {
            cx_.Note(
                "modify",
                fmt::format(
                    "{} parameter setting(s) and {} alteration(s) are not applied: the controls "
                    "keep the catalog's text",
                    settings,
                    alterations
                )
            );
        }
    }

    struct Origin {
        std::size_t index;          // in nodes_
        std::string framework_urn;  // the catalog framework it was copied from
    };

    DocumentContext& cx_;
    const OscalCatalogResolver& resolve_;
    DocumentHeader header_;
    const json::object* back_matter_ = nullptr;
    Library library_;
    std::string framework_urn_;
    std::vector<Node> nodes_;
    std::unordered_map<std::string, Origin> origin_of_urn_;
};

Result<Library> ImportModel(
    json::value document,
    std::string_view source_name,
    const OscalCatalogResolver& resolve,
    const OscalOptions& options,
    const Locator& locate
) {
    const std::string source(source_name);
    const std::optional<OscalModel> model = OscalModelOf(document);
    if (!model || (*model != OscalModel::kCatalog && *model != OscalModel::kProfile)) {
        const std::string message =
            model ? fmt::format(
                "this is an OSCAL {} (\"{}\"), not a catalog or profile: only catalogs and "
                "profiles can be imported",
                OscalModelDisplayName(*model),
                NameOf(*model).key
            )
                  : std::string(
                      "not an OSCAL document: expected a root object with a \"catalog\" "
                      "or \"profile\" member"
                  );
        Error error = Error::Invalid(fmt::format("{}:$", source), message);
        error.message = fmt::format("{}: {}", source, message);
        return error;
    }
    Problems problems(source);
    DocumentContext cx(problems, locate);
    const std::string_view key = NameOf(*model).key;
    json::value& root = document.get_object()[key];
    if (!root.is_object()) {
        cx.Problem(key, "must be an object");
        return problems.ToStatus().error();
    }
    const auto step = cx.Path().Enter(key);
    Library library = *model == OscalModel::kCatalog
                          ? CatalogReader(cx, options).Read(root.get_object())
                          : ProfileReader(cx, resolve).Read(root.get_object());
    ISMS_TRY(problems.ToStatus());
    library.source = source;
    library.notices = cx.TakeNotices();
    return library;
}

}  // namespace

std::optional<OscalModel> OscalModelFromRootKey(std::string_view key) {
    for (const ModelName& name : kModelNames) {
        if (name.key == key) {
            return name.model;
        }
    }
    return std::nullopt;
}

std::optional<OscalModel> OscalModelOf(const json::value& document) {
    if (!document.is_object()) {
        return std::nullopt;
    }
    for (const auto& member : document.get_object()) {
        if (const auto model = OscalModelFromRootKey(member.key())) {
            return model;
        }
    }
    return std::nullopt;
}

const char* OscalModelDisplayName(OscalModel model) {
    return NameOf(model).display;
}

Result<Library> ImportOscalDocument(
    json::value document,
    std::string_view source_name,
    const OscalCatalogResolver& resolve,
    const OscalOptions& options
) {
    const Locator json_path = [](std::string_view path) {
        return std::string(path);
    };
    return ImportModel(std::move(document), source_name, resolve, options, json_path);
}

Result<Library> ImportOscal(
    std::string_view text,
    std::string_view source_name,
    const OscalCatalogResolver& resolve,
    const OscalOptions& options
) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    std::string_view content = text;
    if (content.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        content.remove_prefix(kUtf8Bom.size());
    }
    const std::size_t first = content.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && content[first] == '<') {
        auto xml = ReadOscalXml(content);
        if (!xml) {
            Error error = std::move(xml).error();
            error.message = fmt::format("{}: {}", source_name, error.message);
            return error;
        }
        const OscalXmlDocument& converted = *xml;
        const Locator xml_line = [&](std::string_view path) {
            return converted.LocationOf(path);
        };
        return ImportModel(std::move(xml->document), source_name, resolve, options, xml_line);
    }
    auto document = ParseJson(content);
    if (!document) {
        Error error = std::move(document).error();
        error.message = fmt::format("{}: {}", source_name, error.message);
        return error;
    }
    return ImportOscalDocument(std::move(*document), source_name, resolve, options);
}

}  // namespace isms::catalog
