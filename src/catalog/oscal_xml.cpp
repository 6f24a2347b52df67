#include "catalog/oscal_xml.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <fmt/format.h>
#include <pugixml.hpp>

namespace isms::catalog {

namespace {

namespace json = boost::json;

using NamePair = std::pair<std::string_view, std::string_view>;

// The JSON array each repeatable OSCAL element is grouped into (the models' "group-as" names).
constexpr std::array kArrayKeyOfElement = {
    NamePair{"prop", "props"},
    NamePair{"link", "links"},
    NamePair{"part", "parts"},
    NamePair{"param", "params"},
    NamePair{"control", "controls"},
    NamePair{"group", "groups"},
    NamePair{"role", "roles"},
    NamePair{"party", "parties"},
    NamePair{"responsible-party", "responsible-parties"},
    NamePair{"responsible-role", "responsible-roles"},
    NamePair{"location", "locations"},
    NamePair{"resource", "resources"},
    NamePair{"rlink", "rlinks"},
    NamePair{"import", "imports"},
    NamePair{"with-id", "with-ids"},
    NamePair{"matching", "matching"},
    NamePair{"include-controls", "include-controls"},
    NamePair{"exclude-controls", "exclude-controls"},
    NamePair{"insert-controls", "insert-controls"},
    NamePair{"value", "values"},
    NamePair{"choice", "choice"},
    NamePair{"guideline", "guidelines"},
    NamePair{"constraint", "constraints"},
    NamePair{"test", "tests"},
    NamePair{"party-uuid", "party-uuids"},
    NamePair{"location-uuid", "location-uuids"},
    NamePair{"member-of-org", "member-of-orgs"},
    NamePair{"email-address", "email-addresses"},
    NamePair{"telephone-number", "telephone-numbers"},
    NamePair{"address", "addresses"},
    NamePair{"addr-line", "addr-lines"},
    NamePair{"url", "urls"},
    NamePair{"document-id", "document-ids"},
    NamePair{"external-id", "external-ids"},
    NamePair{"revision", "revisions"},
    NamePair{"action", "actions"},
    NamePair{"hash", "hashes"},
    NamePair{"set-parameter", "set-parameters"},
    NamePair{"alter", "alters"},
    NamePair{"add", "adds"},
    NamePair{"remove", "removes"},
};

// Where a field with attributes keeps its text in JSON; "value" for the others.
constexpr std::array kTextKeyOfElement = {
    NamePair{"link", "text"},
    NamePair{"document-id", "identifier"},
};

// Markup-multiline fields: their content is prose, never an object.
constexpr std::array<std::string_view, 2> kProseFields = {"remarks", "description"};

// Assemblies that may be empty in XML and are then {} in JSON.
constexpr std::array<std::string_view, 2> kEmptyAssemblies = {"include-all", "flat"};

// Inline markup (OSCAL markup-line) and block markup (markup-multiline).
constexpr std::array<std::string_view, 13> kInlineElements = {
    "a", "em", "i", "strong", "b", "code", "q", "sub", "sup", "img", "insert", "span", "br"};
constexpr std::array<std::string_view, 14> kBlockElements = {
    "p", "ul", "ol", "table", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li"};

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

template <std::size_t N>
std::string_view Lookup(const std::array<NamePair, N>& pairs, std::string_view name) {
    for (const auto& [from, to] : pairs) {
        if (from == name) {
            return to;
        }
    }
    return {};
}

/// An element name without its namespace prefix.
std::string_view LocalName(const char* qualified) {
    const std::string_view name = qualified;
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool IsText(const pugi::xml_node& node) {
    return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Collapses each run of whitespace to one space and trims: XML line breaks inside prose are
/// layout, not content.
std::string CollapseSpace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (const char c : text) {
        if (IsSpace(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
    }
    return out;
}

void AppendInlineContent(const pugi::xml_node& parent, std::string& out);

/// One inline element in the Markdown form OSCAL JSON uses for the same markup.
void AppendInlineElement(const pugi::xml_node& element, std::string& out) {
    const std::string_view name = LocalName(element.name());
    if (name == "insert") {
        out += fmt::format(
            "{{{{ insert: {}, {} }}}}",
            element.attribute("type").value(),
            element.attribute("id-ref").value()
        );
    } else if (name == "img") {
        out += fmt::format(
            "![{}]({})", element.attribute("alt").value(), element.attribute("src").value()
        );
    } else if (name == "br") {
        out += '\n';
    } else if (name == "a") {
        out += '[';
        AppendInlineContent(element, out);
        out += fmt::format("]({})", element.attribute("href").value());
    } else {
        std::string_view marker;  // sub, sup, span: text only
        if (name == "em" || name == "i") {
            marker = "*";
        } else if (name == "strong" || name == "b") {
            marker = "**";
        } else if (name == "code") {
            marker = "`";
        } else if (name == "q") {
            marker = "\"";
        }
        out += marker;
        AppendInlineContent(element, out);
        out += marker;
    }
}

/// Text and inline markup of `parent`; block children are rendered inline too (a <p> inside
/// an <li>).
void AppendInlineContent(const pugi::xml_node& parent, std::string& out) {
    for (const pugi::xml_node& child : parent.children()) {
        if (IsText(child)) {
            out += child.value();
        } else if (child.type() == pugi::node_element) {
            const std::string_view name = LocalName(child.name());
            if (name == "ul" || name == "ol") {
                continue;  // nested lists are rendered by RenderList
            }
            if (Contains(kInlineElements, name)) {
                AppendInlineElement(child, out);
            } else {
                out += ' ';
                AppendInlineContent(child, out);
                out += ' ';
            }
        }
    }
}

std::string InlineText(const pugi::xml_node& element) {
    std::string raw;
    AppendInlineContent(element, raw);
    return CollapseSpace(raw);
}

std::string RenderList(const pugi::xml_node& list, const std::string& indent) {
    const bool ordered = LocalName(list.name()) == "ol";
    std::string out;
    int number = 0;
    for (const pugi::xml_node& item : list.children()) {
        if (item.type() != pugi::node_element || LocalName(item.name()) != "li") {
            continue;
        }
        ++number;
        if (!out.empty()) {
            out += '\n';
        }
        out += indent;
        out += ordered ? fmt::format("{}. ", number) : std::string("- ");
        out += InlineText(item);
        for (const pugi::xml_node& nested : item.children()) {
            const std::string_view name = LocalName(nested.name());
            if (nested.type() == pugi::node_element && (name == "ul" || name == "ol")) {
                out += '\n';
                out += RenderList(nested, indent + "  ");
            }
        }
    }
    return out;
}

/// Each <tr> under `element` (directly or in thead/tbody/tfoot) as "| cell | cell |".
void AppendTableRows(const pugi::xml_node& element, std::string& out) {
    for (const pugi::xml_node& child : element.children()) {
        if (child.type() != pugi::node_element) {
            continue;
        }
        if (LocalName(child.name()) != "tr") {
            AppendTableRows(child, out);
            continue;
        }
        out += out.empty() ? "|" : "\n|";
        for (const pugi::xml_node& cell : child.children()) {
            if (cell.type() == pugi::node_element) {
                out += ' ' + InlineText(cell) + " |";
            }
        }
    }
}

std::string RenderBlock(const pugi::xml_node& block) {
    const std::string_view name = LocalName(block.name());
    if (name == "ul" || name == "ol") {
        return RenderList(block, "");
    }
    if (name == "pre") {
        std::string raw;
        AppendInlineContent(block, raw);
        return raw;
    }
    if (name == "hr") {
        return "---";
    }
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        return std::string(static_cast<std::size_t>(name[1] - '0'), '#') + " " + InlineText(block);
    }
    if (name == "table") {
        std::string out;
        AppendTableRows(block, out);
        return out;
    }
    if (name == "blockquote") {
        return "> " + InlineText(block);
    }
    return InlineText(block);  // p, and an li outside a list
}

/// Markup-multiline content: blocks separated by a blank line, or the text when there are none.
std::string RenderProse(const pugi::xml_node& element) {
    std::string out;
    bool has_blocks = false;
    for (const pugi::xml_node& child : element.children()) {
        if (child.type() == pugi::node_element
            && Contains(kBlockElements, LocalName(child.name()))) {
            if (has_blocks) {
                out += "\n\n";
            }
            out += RenderBlock(child);
            has_blocks = true;
        }
    }
    return has_blocks ? out : InlineText(element);
}

/// An element becomes a JSON object when it has attributes or structured children; otherwise
/// (text, possibly with inline markup) a string.
bool IsAssembly(const pugi::xml_node& element) {
    if (element.first_attribute()) {
        return true;
    }
    for (const pugi::xml_node& child : element.children()) {
        if (child.type() == pugi::node_element
            && !Contains(kInlineElements, LocalName(child.name()))) {
            return true;
        }
    }
    return false;
}

class XmlToJson {
public:
    explicit XmlToJson(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                newline_offsets_.push_back(i);
            }
        }
    }

    /// 1-based line of a byte offset.
    [[nodiscard]] int LineOf(std::ptrdiff_t offset) const {
        if (offset < 0) {
            return 1;
        }
        const auto it = std::lower_bound(
            newline_offsets_.begin(), newline_offsets_.end(), static_cast<std::size_t>(offset)
        );
        return static_cast<int>(it - newline_offsets_.begin()) + 1;
    }

    OscalXmlDocument Convert(const pugi::xml_node& root) {
        OscalXmlDocument out;
        const std::string_view key = LocalName(root.name());
        std::string path = "$.";
        path += key;
        json::object document;
        document[key] = ConvertElement(root, path, out);
        out.document = std::move(document);
        return out;
    }

private:
    json::value ConvertElement(
        const pugi::xml_node& element, std::string& path, OscalXmlDocument& out
    ) {
        const std::string_view name = LocalName(element.name());
        if (Contains(kProseFields, name)) {
            return json::string(RenderProse(element));
        }
        if (!IsAssembly(element)) {
            if (Contains(kEmptyAssemblies, name)) {
                return json::object();
            }
            return json::string(InlineText(element));
        }
        out.line_of_path.emplace(path, LineOf(element.offset_debug()));
        json::object object;
        for (const pugi::xml_attribute& attribute : element.attributes()) {
            // OSCAL's own attributes are unprefixed; xmlns and xsi:schemaLocation are not content.
            const std::string_view attribute_name = attribute.name();
            if (attribute_name != "xmlns" && attribute_name.find(':') == std::string_view::npos) {
                object[attribute_name] = attribute.value();
            }
        }
        std::string text;
        std::string prose;
        for (const pugi::xml_node& child : element.children()) {
            if (IsText(child)) {
                text += child.value();
                continue;
            }
            if (child.type() != pugi::node_element) {
                continue;
            }
            const std::string_view child_name = LocalName(child.name());
            if (Contains(kInlineElements, child_name)) {
                AppendInlineElement(child, text);
            } else if (Contains(kBlockElements, child_name)) {
                if (!prose.empty()) {
                    prose += "\n\n";
                }
                prose += RenderBlock(child);
            } else {
                AddChild(object, child, child_name, path, out);
            }
        }
        if (!prose.empty()) {
            object["prose"] = prose;
        }
        const std::string value = CollapseSpace(text);
        if (!value.empty()) {
            const std::string_view text_key = Lookup(kTextKeyOfElement, name);
            object[text_key.empty() ? std::string_view("value") : text_key] = value;
        }
        return object;
    }

    /// Converts a structured child into its member: appended to the array of its group-as name,
    /// or set as a single member (an unexpected repeat turns that member into an array). An
    /// attribute that has the group-as name of children (`<catalog groups="…"><group>`, not
    /// OSCAL) gives way to the children's array.
    void AddChild(
        json::object& object,
        const pugi::xml_node& child,
        std::string_view child_name,
        std::string& path,
        OscalXmlDocument& out
    ) {
        const std::size_t path_size = path.size();
        const std::string_view array_key = Lookup(kArrayKeyOfElement, child_name);
        if (!array_key.empty()) {
            const json::value* existing = object.if_contains(array_key);
            const std::size_t index =
                existing != nullptr && existing->is_array() ? existing->as_array().size() : 0;
            path += fmt::format(".{}[{}]", array_key, index);
            json::value converted = ConvertElement(child, path, out);
            json::value& slot = object[array_key];
            if (!slot.is_array()) {
                slot = json::array();
            }
            slot.as_array().push_back(std::move(converted));
        } else {
            path += '.';
            path += child_name;
            json::value converted = ConvertElement(child, path, out);
            json::value* existing = object.if_contains(child_name);
            if (existing == nullptr) {
                object[child_name] = std::move(converted);
            } else {
                if (!existing->is_array()) {
                    json::array repeated;
                    repeated.push_back(std::move(*existing));
                    *existing = std::move(repeated);
                }
                existing->as_array().push_back(std::move(converted));
            }
        }
        path.resize(path_size);
    }

    std::vector<std::size_t> newline_offsets_;
};

}  // namespace

std::string OscalXmlDocument::LocationOf(std::string_view json_path) const {
    std::string_view path = json_path;
    while (!path.empty()) {
        const auto it = line_of_path.find(std::string(path));
        if (it != line_of_path.end()) {
            return fmt::format("line {}", it->second);
        }
        const std::size_t cut = path.find_last_of(".[");
        if (cut == std::string_view::npos || cut == 0) {
            break;
        }
        path = path.substr(0, cut);
    }
    return "line 1";
}

Result<OscalXmlDocument> ReadOscalXml(std::string_view text) {
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed =
        xml.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    XmlToJson converter(text);
    if (!parsed) {
        const std::size_t at = std::min(
            static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), text.size()
        );
        const std::size_t last_newline = text.substr(0, at).rfind('\n');
        const std::size_t line_begin =
            last_newline == std::string_view::npos ? 0 : last_newline + 1;
        const std::size_t column = at - line_begin + 1;
        return Error::Malformed(fmt::format(
            "malformed XML at line {}, column {}: {}",
            converter.LineOf(parsed.offset),
            column,
            parsed.description()
        ));
    }
    const pugi::xml_node root = xml.document_element();
    if (!root) {
        return Error::Malformed("malformed XML: no root element");
    }
    return converter.Convert(root);
}

}  // namespace isms::catalog
