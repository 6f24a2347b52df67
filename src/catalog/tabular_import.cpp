#include "catalog/tabular_import.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "catalog/native_format.hpp"
#include "catalog/problems.hpp"
#include "catalog/text.hpp"

namespace isms::catalog {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kAttributePrefix = "attr:";
constexpr std::string_view kDefaultVersion = "1";
constexpr std::string_view kLibraryUrnPrefix = "urn:isms:library:";
constexpr int kMinStrength = 1;
constexpr int kMaxStrength = 10;

// ---------------------------------------------------------------------------------------------
// CSV

class CsvParser {
public:
    CsvParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

    [[nodiscard]] Result<Table> Parse() {
        Table table;
        while (pos_ < text_.size()) {
            const std::size_t record_line = line_;
            std::vector<std::string> record;
            while (true) {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    ISMS_TRY_ASSIGN(std::string cell, QuotedCell());
                    record.push_back(std::move(cell));
                } else {
                    record.push_back(PlainCell());
                }
                if (pos_ >= text_.size() || text_[pos_] != ',') {
                    break;
                }
                ++pos_;
            }
            SkipLineBreak();
            table.rows.push_back(std::move(record));
            table.lines.push_back(record_line);
        }
        return table;
    }

private:
    [[nodiscard]] bool AtLineBreak() const {
        return pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r');
    }

    // CRLF counts as one break; a lone CR (classic Mac OS) as one too.
    void SkipLineBreak() {
        if (!AtLineBreak()) {
            return;
        }
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
            ++pos_;
        }
        ++pos_;
        ++line_;
    }

    [[nodiscard]] std::string PlainCell() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && !AtLineBreak()) {
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    [[nodiscard]] Result<std::string> QuotedCell() {
        const std::size_t opened_on = line_;
        ++pos_;
        std::string cell;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    cell.push_back('"');
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                if (pos_ < text_.size() && text_[pos_] != ',' && !AtLineBreak()) {
                    return Malformed(
                        line_, "text after a closing quote (a quote inside a quoted cell is \"\")"
                    );
                }
                return cell;
            }
            if (AtLineBreak()) {
                SkipLineBreak();
                cell.push_back('\n');
                continue;
            }
            cell.push_back(c);
            ++pos_;
        }
        return Malformed(opened_on, "a quoted cell opened here is not closed before the end");
    }

    [[nodiscard]] Error Malformed(std::size_t line, std::string_view what) const {
        std::string location = fmt::format("{}:line {}", source_, line);
        Error error = Error::Malformed(fmt::format("{}: {}", location, what));
        error.fields.push_back({std::move(location), std::string(what)});
        return error;
    }

    std::string_view text_;
    std::string_view source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// ---------------------------------------------------------------------------------------------
// Cell helpers

std::string_view Trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n";
    const auto first = s.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool IsBlankRow(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
        return Trim(cell).empty();
    });
}

bool StartsAsUrn(std::string_view s) {
    return s.starts_with("urn:");
}

bool IsUrn(std::string_view s) {
    return StartsAsUrn(s) && s.size() > 4
           && std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

std::optional<bool> ParseYesNo(std::string_view cell) {
    const std::string value = AsciiLowercase(cell);
    if (value == "yes" || value == "true" || value == "1") {
        return true;
    }
    if (value == "no" || value == "false" || value == "0") {
        return false;
    }
    return std::nullopt;
}

/// "a; b;;c " → {"a", "b", "c"}, each value once.
std::vector<std::string> SplitValues(std::string_view cell) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find(';', start), cell.size());
        const std::string value(Trim(cell.substr(start, end - start)));
        if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
            values.push_back(value);
        }
        start = end + 1;
    }
    return values;
}

/// The tail of a framework or mapping URN, reduced to [a-z0-9.-]: "urn:isms:framework:acme-2024"
/// → "acme-2024"; a URN of another namespace keeps everything after "urn:"
/// ("urn:acme:policy:v2" → "acme-policy-v2"), so two publishers do not collide.
std::string LibrarySlug(std::string_view urn) {
    for (std::string_view prefix : {"urn:isms:framework:", "urn:isms:mapping:", "urn:"}) {
        if (urn.starts_with(prefix)) {
            urn.remove_prefix(prefix.size());
            break;
        }
    }
    return Slug(urn, /*keep_dots=*/true);
}

std::string LineLabel(std::size_t line) {
    return fmt::format("line {}", line);
}

// ---------------------------------------------------------------------------------------------
// Header and rows

enum class TableKind { kFramework, kAttributeOverlay, kMapping };

struct Header {
    std::size_t line = 0;
    std::size_t width = 0;                                 // cells up to the last named column
    std::unordered_map<std::string, std::size_t> columns;  // lowercase name → cell index
    std::vector<std::pair<std::string, std::size_t>> attributes;  // vocabulary id → cell index

    [[nodiscard]] bool Has(std::string_view column) const {
        return columns.contains(std::string(column));
    }
};

/// One data row, its cells looked up by column name and trimmed.
class Row {
public:
    Row(const Header& header, const std::vector<std::string>& cells, std::size_t line)
        : header_(header), cells_(cells), line_(line) {}

    /// The trimmed cell, or "" when the table has no such column.
    [[nodiscard]] std::string Cell(std::string_view column) const {
        auto it = header_.columns.find(std::string(column));
        return it == header_.columns.end() ? std::string() : At(it->second);
    }
    [[nodiscard]] std::string At(std::size_t index) const {
        return index < cells_.size() ? std::string(Trim(cells_[index])) : std::string();
    }
    [[nodiscard]] std::size_t Line() const { return line_; }
    [[nodiscard]] std::string Where() const { return LineLabel(line_); }

private:
    const Header& header_;
    const std::vector<std::string>& cells_;
    std::size_t line_;
};

/// A value that describes the whole table (framework_urn, version …): given on the first data
/// row and left empty or repeated on the others.
class TableWideValue {
public:
    explicit TableWideValue(std::string column) : column_(std::move(column)) {}

    void Take(const Row& row, Problems& problems) {
        std::string value = row.Cell(column_);
        if (value.empty()) {
            return;
        }
        if (line_ == 0) {
            value_ = std::move(value);
            line_ = row.Line();
            return;
        }
        if (value != value_) {
            problems.Add(
                row.Where(),
                fmt::format(
                    "inconsistent {}: \"{}\" here, \"{}\" on line {} (give it once, or the same "
                    "on every row)",
                    column_,
                    value,
                    value_,
                    line_
                )
            );
        }
    }

    [[nodiscard]] const std::string& Column() const { return column_; }
    [[nodiscard]] const std::string& Value() const { return value_; }
    [[nodiscard]] bool Given() const { return line_ != 0; }

    /// Whether the value is a URN; reports it where it was given, or at `fallback_line` when it
    /// never was.
    [[nodiscard]] bool RequireUrn(std::size_t fallback_line, Problems& problems) const {
        if (!Given()) {
            problems.Add(
                LineLabel(fallback_line),
                fmt::format("{} is empty on every row: give it on the first data row", column_)
            );
            return false;
        }
        if (!IsUrn(value_)) {
            problems.Add(
                LineLabel(line_),
                fmt::format("{} \"{}\" is not a URN (urn:…, without spaces)", column_, value_)
            );
            return false;
        }
        return true;
    }

private:
    std::string column_;
    std::string value_;
    std::size_t line_ = 0;
};

struct ColumnRules {
    std::vector<std::string_view> allowed;
    std::vector<std::string_view> required;
    bool attributes_allowed = false;
    std::string_view description;  // for "unknown column" messages
};

const ColumnRules& RulesFor(TableKind kind) {
    static const ColumnRules kFramework{
        {"framework_urn",
         "framework_ref_id",
         "framework_name",
         "framework_description",
         "version",
         "ref_id",
         "parent",
         "name",
         "description",
         "annotation",
         "kind",
         "assessable",
         "withdrawn",
         "new"},
        {"framework_urn", "ref_id", "name"},
        true,
        "a framework table takes framework_urn, framework_ref_id, framework_name, "
        "framework_description, version, ref_id, parent, name, description, annotation, kind, "
        "assessable, withdrawn, new and attr:<vocabulary>"};
    static const ColumnRules kOverlay{
        {"framework_urn", "version", "ref_id"},
        {"framework_urn", "ref_id"},
        true,
        "a table without a name column is an attribute overlay and takes only framework_urn, "
        "version, ref_id and attr:<vocabulary>; add a name column to import a framework"};
    static const ColumnRules kMapping{
        {"mapping_urn",
         "mapping_name",
         "mapping_description",
         "source_framework",
         "target_framework",
         "version",
         "source",
         "target",
         "relationship",
         "strength",
         "rationale"},
        {"mapping_urn", "source_framework", "target_framework", "source", "target", "relationship"},
        false,
        "a mapping table takes mapping_urn, mapping_name, mapping_description, "
        "source_framework, target_framework, version, source, target, relationship, strength "
        "and rationale"};
    switch (kind) {
        case TableKind::kFramework:
            return kFramework;
        case TableKind::kAttributeOverlay:
            return kOverlay;
        case TableKind::kMapping:
            return kMapping;
    }
    return kFramework;
}

/// Common reading state: the table, its header, where rows start, and the problems found.
class TableReader {
public:
    TableReader(const Table& table, std::string_view source)
        : table_(table), problems_(std::string(source)) {}

    [[nodiscard]] Problems& ProblemsFound() { return problems_; }

    [[nodiscard]] std::size_t LineOf(std::size_t row) const {
        return table_.lines.size() == table_.rows.size() ? table_.lines[row] : row + 1;
    }

    /// Finds the header (the first non-blank row), names its columns and tells the kind of
    /// table; nullopt when the kind cannot be told (the problem is recorded).
    [[nodiscard]] std::optional<TableKind> ReadHeader() {
        const auto& rows = table_.rows;
        while (header_row_ < rows.size() && IsBlankRow(rows[header_row_])) {
            ++header_row_;
        }
        if (header_row_ == rows.size()) {
            problems_.Add(LineLabel(1), "the table is empty: expected a header row");
            return std::nullopt;
        }
        header_.line = LineOf(header_row_);
        const std::string where = LineLabel(header_.line);
        const auto& cells = rows[header_row_];
        std::vector<std::string> names;
        for (const auto& cell : cells) {
            names.push_back(AsciiLowercase(Trim(cell)));
        }
        while (!names.empty() && names.back().empty()) {
            names.pop_back();
        }
        header_.width = names.size();
        for (std::size_t index = 0; index < names.size(); ++index) {
            const std::string& name = names[index];
            if (name.empty()) {
                problems_.Add(where, fmt::format("column {} has no name", index + 1));
                continue;
            }
            if (!header_.columns.emplace(name, index).second) {
                problems_.Add(where, fmt::format("column \"{}\" appears twice", name));
                continue;
            }
            if (name.starts_with(kAttributePrefix)) {
                std::string vocabulary(Trim(std::string_view(name).substr(kAttributePrefix.size()))
                );
                if (vocabulary.empty()) {
                    problems_.Add(
                        where, "column \"attr:\" needs a vocabulary id (attr:control_type)"
                    );
                    continue;
                }
                header_.attributes.emplace_back(std::move(vocabulary), index);
            }
        }
        const std::optional<TableKind> kind = KindOfTable(where);
        if (kind) {
            CheckColumns(RulesFor(*kind), where);
        }
        return kind;
    }

    /// Calls `read(row)` for every non-blank data row whose cells fit the header.
    template <class ReadRow>
    void ForEachRow(ReadRow&& read) {
        const auto& rows = table_.rows;
        for (std::size_t index = header_row_ + 1; index < rows.size(); ++index) {
            const auto& cells = rows[index];
            if (IsBlankRow(cells)) {
                continue;
            }
            const Row row(header_, cells, LineOf(index));
            if (first_data_line_ == 0) {
                first_data_line_ = row.Line();
            }
            if (FitsHeader(cells, row)) {
                read(row);
            }
        }
        if (first_data_line_ == 0) {
            problems_.Add(LineLabel(header_.line), "no data rows after the header");
        }
    }

    [[nodiscard]] const Header& TableHeader() const { return header_; }

    /// The non-empty cell of a required column; reports an empty one. A column the header lacks
    /// gives "" silently: the header check reported it once.
    [[nodiscard]] std::string Required(const Row& row, std::string_view column) {
        std::string value = row.Cell(column);
        if (value.empty() && header_.Has(column)) {
            problems_.Add(row.Where(), fmt::format("{} is empty", column));
        }
        return value;
    }

    /// Whether a table-wide column holds a URN; reports a bad or missing value, except when the
    /// header lacks the column or there are no data rows (both reported once already). Callers
    /// that only need the report may ignore the answer.
    bool RequireUrn(const TableWideValue& value) {
        return header_.Has(value.Column()) && first_data_line_ != 0
               && value.RequireUrn(first_data_line_, problems_);
    }

    /// A yes/no cell; nullopt when empty or not yes/no (that is reported).
    [[nodiscard]] std::optional<bool> YesNo(const Row& row, std::string_view column) {
        const std::string value = row.Cell(column);
        if (value.empty()) {
            return std::nullopt;
        }
        std::optional<bool> parsed = ParseYesNo(value);
        if (!parsed) {
            problems_.Add(
                row.Where(),
                fmt::format("{} \"{}\": expected yes, no, true, false, 1 or 0", column, value)
            );
        }
        return parsed;
    }

private:
    [[nodiscard]] std::optional<TableKind> KindOfTable(const std::string& where) {
        const bool mapping = header_.Has("mapping_urn") || header_.Has("source")
                             || header_.Has("target") || header_.Has("relationship");
        const bool framework = header_.Has("framework_urn") || header_.Has("ref_id")
                               || header_.Has("name") || header_.Has("parent");
        if (mapping && framework) {
            problems_.Add(
                where,
                "the header mixes a framework (framework_urn, ref_id, name, …) and a mapping "
                "(mapping_urn, source, target, relationship, …): import them as two tables"
            );
            return std::nullopt;
        }
        if (mapping) {
            return TableKind::kMapping;
        }
        if (framework) {
            const bool overlay = !header_.Has("name") && !header_.attributes.empty();
            return overlay ? TableKind::kAttributeOverlay : TableKind::kFramework;
        }
        problems_.Add(
            where,
            "cannot tell the kind of table: a framework table has framework_urn, ref_id and name "
            "columns, a mapping table has mapping_urn, source, target and relationship columns"
        );
        return std::nullopt;
    }

    void CheckColumns(const ColumnRules& rules, const std::string& where) {
        std::vector<std::pair<std::size_t, std::string>> in_order;
        for (const auto& [name, index] : header_.columns) {
            in_order.emplace_back(index, name);
        }
        std::sort(in_order.begin(), in_order.end());
        for (const auto& [index, name] : in_order) {
            const bool attribute = name.starts_with(kAttributePrefix);
            const bool known = attribute
                                   ? rules.attributes_allowed
                                   : std::find(rules.allowed.begin(), rules.allowed.end(), name)
                                         != rules.allowed.end();
            if (!known) {
                problems_.Add(
                    where, fmt::format("unknown column \"{}\": {}", name, rules.description)
                );
            }
        }
        for (std::string_view column : rules.required) {
            if (!header_.Has(column)) {
                problems_.Add(where, fmt::format("missing required column \"{}\"", column));
            }
        }
    }

    // Spreadsheets save trailing empty cells or leave them out; either is fine. A short row,
    // or a value past the named columns, means the cells no longer line up with the header.
    [[nodiscard]] bool FitsHeader(const std::vector<std::string>& cells, const Row& row) {
        if (cells.size() < header_.width) {
            problems_.Add(
                row.Where(),
                fmt::format(
                    "ragged row: {} cells, the header names {} columns", cells.size(), header_.width
                )
            );
            return false;
        }
        for (std::size_t index = header_.width; index < cells.size(); ++index) {
            if (!Trim(cells[index]).empty()) {
                problems_.Add(
                    row.Where(),
                    fmt::format(
                        "ragged row: a value in column {}, past the header's {} columns",
                        index + 1,
                        header_.width
                    )
                );
                return false;
            }
        }
        return true;
    }

    const Table& table_;
    Problems problems_;
    Header header_;
    std::size_t header_row_ = 0;
    std::size_t first_data_line_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Frameworks and attribute overlays

struct TableNode {
    Node node;
    std::string parent;  // as written: a ref_id or URN of this table
    std::optional<bool> assessable;
    std::size_t line = 0;
};

/// Attribute values of one row, and the vocabularies with every value seen, in column order.
class AttributeCollector {
public:
    explicit AttributeCollector(const Header& header) {
        for (const auto& [vocabulary, index] : header.attributes) {
            vocabularies_.push_back({vocabulary, vocabulary, {}});
        }
    }

    void Read(const Row& row, const Header& header, Node& node) {
        for (std::size_t k = 0; k < header.attributes.size(); ++k) {
            std::vector<std::string> values = SplitValues(row.At(header.attributes[k].second));
            if (values.empty()) {
                continue;
            }
            auto& seen = vocabularies_[k].values;
            for (const auto& value : values) {
                if (std::find(seen.begin(), seen.end(), value) == seen.end()) {
                    seen.push_back(value);
                }
            }
            node.attributes[header.attributes[k].first] = std::move(values);
        }
    }

    [[nodiscard]] std::vector<AttributeVocabulary> TakeVocabularies() {
        return std::move(vocabularies_);
    }

private:
    std::vector<AttributeVocabulary> vocabularies_;
};

/// Resolves parents, reports unknown parents and cycles; returns each node's parent index.
std::vector<std::optional<std::size_t>> ResolveParents(
    const std::vector<TableNode>& nodes, Problems& problems
) {
    std::unordered_map<std::string, std::size_t> by_ref;
    std::unordered_map<std::string, std::size_t> by_urn;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        by_ref.emplace(AsciiLowercase(nodes[i].node.ref_id), i);
        by_urn.emplace(nodes[i].node.urn, i);
    }
    std::vector<std::optional<std::size_t>> parent_of(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string& parent = nodes[i].parent;
        if (parent.empty()) {
            continue;
        }
        if (auto ref = by_ref.find(AsciiLowercase(parent)); ref != by_ref.end()) {
            parent_of[i] = ref->second;
        } else if (auto urn = by_urn.find(parent); urn != by_urn.end()) {
            parent_of[i] = urn->second;
        } else {
            problems.Add(
                LineLabel(nodes[i].line),
                fmt::format("parent \"{}\" is not a ref_id of this table", parent)
            );
        }
    }
    // Walk up from every node; meeting a node of the current walk again closes a cycle.
    enum class Visit { kNew, kOnWalk, kSettled };
    std::vector<Visit> visit(nodes.size(), Visit::kNew);
    for (std::size_t start = 0; start < nodes.size(); ++start) {
        std::vector<std::size_t> walk;
        std::optional<std::size_t> at = start;
        while (at && visit[*at] == Visit::kNew) {
            visit[*at] = Visit::kOnWalk;
            walk.push_back(*at);
            at = parent_of[*at];
        }
        if (at && visit[*at] == Visit::kOnWalk) {
            std::vector<std::size_t> cycle(std::find(walk.begin(), walk.end(), *at), walk.end());
            std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
            std::string chain;
            for (std::size_t member : cycle) {
                chain += nodes[member].node.ref_id + " → ";
                parent_of[member].reset();
            }
            chain += nodes[cycle.front()].node.ref_id;
            problems.Add(
                LineLabel(nodes[cycle.front()].line),
                fmt::format("parent cycle: {} (each → leads to the parent)", chain)
            );
        }
        for (std::size_t member : walk) {
            visit[member] = Visit::kSettled;
        }
    }
    return parent_of;
}

/// Puts nodes in document order (every parent before its children, siblings in table order)
/// and sets parent URNs, depths and the default of `assessable`: a node without children.
std::vector<Node> OrderTree(
    std::vector<TableNode> nodes, const std::vector<std::optional<std::size_t>>& parent_of
) {
    std::vector<std::vector<std::size_t>> children(nodes.size());
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (parent_of[i]) {
            children[*parent_of[i]].push_back(i);
            nodes[i].node.parent_urn = nodes[*parent_of[i]].node.urn;
        } else {
            roots.push_back(i);
        }
    }
    std::vector<Node> ordered;
    ordered.reserve(nodes.size());
    std::vector<int> depth(nodes.size(), 1);
    // An explicit stack: a table may nest deeper than the call stack would like.
    std::vector<std::size_t> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        TableNode& entry = nodes[i];
        if (parent_of[i]) {
            depth[i] = depth[*parent_of[i]] + 1;
        }
        entry.node.depth = depth[i];
        entry.node.assessable = entry.assessable.value_or(children[i].empty());
        ordered.push_back(std::move(entry.node));
        stack.insert(stack.end(), children[i].rbegin(), children[i].rend());
    }
    return ordered;
}

Result<Library> ReadFrameworkTable(TableReader& reader, bool overlay, std::string_view source) {
    Problems& problems = reader.ProblemsFound();
    const Header& header = reader.TableHeader();
    TableWideValue framework_urn("framework_urn");
    TableWideValue framework_ref_id("framework_ref_id");
    TableWideValue framework_name("framework_name");
    TableWideValue framework_description("framework_description");
    TableWideValue version("version");
    AttributeCollector attributes(header);
    std::vector<TableNode> nodes;
    std::unordered_map<std::string, std::size_t> line_of_ref;

    reader.ForEachRow([&](const Row& row) {
        for (TableWideValue* value :
             {&framework_urn,
              &framework_ref_id,
              &framework_name,
              &framework_description,
              &version}) {
            value->Take(row, problems);
        }
        TableNode entry;
        entry.line = row.Line();
        entry.node.ref_id = reader.Required(row, "ref_id");
        if (!overlay) {
            entry.node.name = reader.Required(row, "name");
            entry.node.description = row.Cell("description");
            entry.node.annotation = row.Cell("annotation");
            entry.node.kind = row.Cell("kind");
            entry.parent = row.Cell("parent");
            entry.assessable = reader.YesNo(row, "assessable");
            entry.node.withdrawn = reader.YesNo(row, "withdrawn").value_or(false);
            entry.node.is_new = reader.YesNo(row, "new").value_or(false);
        }
        attributes.Read(row, header, entry.node);
        if (entry.node.ref_id.empty()) {
            return;
        }
        // Node URNs lowercase the ref_id, so "A.5.1" and "a.5.1" would be one node.
        const auto [first, inserted] =
            line_of_ref.emplace(AsciiLowercase(entry.node.ref_id), row.Line());
        if (!inserted) {
            problems.Add(
                row.Where(),
                fmt::format(
                    "duplicate ref_id \"{}\" (first on line {})", entry.node.ref_id, first->second
                )
            );
            return;
        }
        nodes.push_back(std::move(entry));
    });

    if (reader.RequireUrn(framework_urn)) {
        for (TableNode& entry : nodes) {
            entry.node.urn = DefaultNodeUrn(framework_urn.Value(), entry.node.ref_id);
        }
    }
    const auto parent_of = ResolveParents(nodes, problems);
    ISMS_TRY(problems.ToStatus());

    Framework framework;
    framework.urn = framework_urn.Value();
    framework.attribute_vocabularies = attributes.TakeVocabularies();
    Library library;
    library.version = version.Given() ? version.Value() : std::string(kDefaultVersion);
    library.format = Format::kCsv;
    library.source = std::string(source);
    if (overlay) {
        library.urn =
            fmt::format("{}{}", kAttributeOverlayLibraryPrefix, LibrarySlug(framework.urn));
        library.name = fmt::format("Attribute values for {}", framework.urn);
        for (TableNode& entry : nodes) {
            framework.nodes.push_back(std::move(entry.node));
        }
    } else {
        framework.ref_id = framework_ref_id.Value();
        framework.name = framework_name.Given()     ? framework_name.Value()
                         : framework.ref_id.empty() ? framework.urn
                                                    : framework.ref_id;
        framework.description = framework_description.Value();
        framework.nodes = OrderTree(std::move(nodes), parent_of);
        library.urn = fmt::format("{}{}", kLibraryUrnPrefix, LibrarySlug(framework.urn));
        library.ref_id = framework.ref_id;
        library.name = framework.name;
        library.description = framework.description;
    }
    library.frameworks.push_back(std::move(framework));
    return library;
}

// ---------------------------------------------------------------------------------------------
// Mappings

struct TablePair {
    std::string source;  // as written: ref_id or URN
    std::string target;
    MappingPair pair;
    std::size_t line = 0;
};

std::optional<int> ReadStrength(const Row& row, Problems& problems) {
    const std::string cell = row.Cell("strength");
    if (cell.empty()) {
        return std::nullopt;
    }
    int value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc{} || end != cell.data() + cell.size() || value < kMinStrength
        || value > kMaxStrength) {
        problems.Add(
            row.Where(),
            fmt::format(
                "strength \"{}\" is out of range: expected a whole number from {} to {}",
                cell,
                kMinStrength,
                kMaxStrength
            )
        );
        return std::nullopt;
    }
    return value;
}

/// A pair endpoint: a URN as written, or a ref_id of `framework_urn` turned into its node URN.
std::string EndpointUrn(const std::string& written, const std::string& framework_urn) {
    return StartsAsUrn(written) ? written : DefaultNodeUrn(framework_urn, written);
}

Result<Library> ReadMappingTable(TableReader& reader, std::string_view source) {
    Problems& problems = reader.ProblemsFound();
    TableWideValue mapping_urn("mapping_urn");
    TableWideValue mapping_name("mapping_name");
    TableWideValue mapping_description("mapping_description");
    TableWideValue source_framework("source_framework");
    TableWideValue target_framework("target_framework");
    TableWideValue version("version");
    std::vector<TablePair> pairs;

    reader.ForEachRow([&](const Row& row) {
        for (TableWideValue* value :
             {&mapping_urn,
              &mapping_name,
              &mapping_description,
              &source_framework,
              &target_framework,
              &version}) {
            value->Take(row, problems);
        }
        TablePair entry;
        entry.line = row.Line();
        entry.source = reader.Required(row, "source");
        entry.target = reader.Required(row, "target");
        const std::string relationship = reader.Required(row, "relationship");
        if (auto parsed = ParseRelationship(AsciiLowercase(relationship))) {
            entry.pair.relationship = *parsed;
        } else if (!relationship.empty()) {
            problems.Add(
                row.Where(),
                fmt::format(
                    "unknown relationship \"{}\" (equal, equivalent, subset, superset, "
                    "intersect, not_related)",
                    relationship
                )
            );
        }
        entry.pair.strength = ReadStrength(row, problems);
        entry.pair.rationale = row.Cell("rationale");
        pairs.push_back(std::move(entry));
    });

    reader.RequireUrn(mapping_urn);
    const bool source_ok = reader.RequireUrn(source_framework);
    const bool target_ok = reader.RequireUrn(target_framework);
    MappingSet set;
    if (source_ok && target_ok) {
        std::map<std::pair<std::string, std::string>, std::size_t> line_of_pair;
        for (TablePair& entry : pairs) {
            if (entry.source.empty() || entry.target.empty()) {
                continue;
            }
            entry.pair.source_urn = EndpointUrn(entry.source, source_framework.Value());
            entry.pair.target_urn = EndpointUrn(entry.target, target_framework.Value());
            const auto [first, inserted] = line_of_pair.emplace(
                std::make_pair(entry.pair.source_urn, entry.pair.target_urn), entry.line
            );
            if (!inserted) {
                problems.Add(
                    LineLabel(entry.line),
                    fmt::format(
                        "duplicate pair {} → {} (first on line {})",
                        entry.source,
                        entry.target,
                        first->second
                    )
                );
                continue;
            }
            set.pairs.push_back(std::move(entry.pair));
        }
    }
    ISMS_TRY(problems.ToStatus());

    set.urn = mapping_urn.Value();
    set.source_framework_urn = source_framework.Value();
    set.target_framework_urn = target_framework.Value();
    set.name = mapping_name.Given()
                   ? mapping_name.Value()
                   : fmt::format("{} → {}", set.source_framework_urn, set.target_framework_urn);
    set.description = mapping_description.Value();
    Library library;
    library.urn = fmt::format("{}{}", kLibraryUrnPrefix, LibrarySlug(set.urn));
    library.version = version.Given() ? version.Value() : std::string(kDefaultVersion);
    library.name = set.name;
    library.description = set.description;
    library.format = Format::kCsv;
    library.source = std::string(source);
    library.mapping_sets.push_back(std::move(set));
    return library;
}

}  // namespace

Result<Table> ParseCsv(std::string_view text, std::string_view source_name) {
    if (text.starts_with(kUtf8ByteOrderMark)) {
        text.remove_prefix(kUtf8ByteOrderMark.size());
    }
    return CsvParser(text, source_name).Parse();
}

Result<Library> ImportTabular(const Table& table, std::string_view source_name) {
    TableReader reader(table, source_name);
    const std::optional<TableKind> kind = reader.ReadHeader();
    if (!kind) {
        return reader.ProblemsFound().ToStatus().error();  // ReadHeader recorded why
    }
    switch (*kind) {
        case TableKind::kFramework:
            return ReadFrameworkTable(reader, false, source_name);
        case TableKind::kAttributeOverlay:
            return ReadFrameworkTable(reader, true, source_name);
        case TableKind::kMapping:
            return ReadMappingTable(reader, source_name);
    }
    return Error::Internal("unhandled table kind");
}

bool IsAttributeOverlay(const Library& library) {
    return library.urn.starts_with(kAttributeOverlayLibraryPrefix);
}

}  // namespace isms::catalog
