#include "catalog/xlsx_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

namespace isms::catalog {
namespace {

constexpr std::size_t kMaxCells = std::size_t{4} * 1024 * 1024;
constexpr std::size_t kMaxColumns = 16384;  // column XFD, the widest sheet Excel makes
constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kReadChunkBytes = std::size_t{64} * 1024;
constexpr std::uint64_t kMebibyte = std::uint64_t{1024} * 1024;
constexpr std::string_view kWorkbookPart = "xl/workbook.xml";
constexpr std::string_view kWorkbookRelationshipsPart = "xl/_rels/workbook.xml.rels";

struct ZipArchiveDiscard {
    void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
using ZipArchivePtr = std::unique_ptr<zip_t, ZipArchiveDiscard>;

struct ZipFileClose {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

class ZipErrorHolder {
public:
    ZipErrorHolder() { zip_error_init(&error_); }
    ~ZipErrorHolder() { zip_error_fini(&error_); }
    ZipErrorHolder(const ZipErrorHolder&) = delete;
    ZipErrorHolder& operator=(const ZipErrorHolder&) = delete;

    [[nodiscard]] zip_error_t* Get() { return &error_; }
    [[nodiscard]] const char* Message() { return zip_error_strerror(&error_); }

private:
    zip_error_t error_{};
};

Error Malformed(std::string_view source, std::string_view what) {
    return Error::Malformed(fmt::format("{}: {}", source, what));
}

Error TooLarge(std::string_view source, std::string_view what) {
    return Error{ErrorCode::kTooLarge, fmt::format("{}: {}", source, what), {}};
}

/// The archive, read part by part against one budget of decompressed bytes: the sizes in a ZIP
/// directory are claims, so reading stops at the budget whatever they say.
class Package {
public:
    [[nodiscard]] static Result<Package> Open(std::string_view bytes, std::string_view source) {
        ZipErrorHolder error;
        zip_source_t* buffer = zip_source_buffer_create(bytes.data(), bytes.size(), 0, error.Get());
        if (buffer == nullptr) {
            return Malformed(source, fmt::format("cannot read the upload ({})", error.Message()));
        }
        zip_t* archive = zip_open_from_source(buffer, ZIP_RDONLY | ZIP_CHECKCONS, error.Get());
        if (archive == nullptr) {
            zip_source_free(buffer);  // still ours: only an opened archive takes it over
            return Malformed(
                source,
                fmt::format("not a ZIP archive, so not an XLSX workbook ({})", error.Message())
            );
        }
        return Package(ZipArchivePtr(archive), source);
    }

    /// The decompressed part (names compare case-insensitively, as OPC says); nullopt when
    /// the archive has no such part.
    [[nodiscard]] Result<std::optional<std::string>> Read(std::string_view part) {
        const std::string name(part);
        const zip_int64_t located = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
        if (located < 0) {
            return std::optional<std::string>();
        }
        const auto index = static_cast<zip_uint64_t>(located);
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive_.get(), index, 0, &stat) == 0
            && (stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > budget_) {
            return OverBudget(part);
        }
        ZipFilePtr file(zip_fopen_index(archive_.get(), index, 0));
        if (!file) {
            return Malformed(
                source_, fmt::format("cannot open {} ({})", part, zip_strerror(archive_.get()))
            );
        }
        std::string content;
        std::array<char, kReadChunkBytes> chunk{};
        while (true) {
            const zip_int64_t got = zip_fread(file.get(), chunk.data(), chunk.size());
            if (got < 0) {
                return Malformed(
                    source_, fmt::format("cannot read {} ({})", part, zip_file_strerror(file.get()))
                );
            }
            if (got == 0) {
                break;
            }
            const auto length = static_cast<std::size_t>(got);
            if (content.size() + length > budget_) {
                return OverBudget(part);
            }
            content.append(chunk.data(), length);
        }
        budget_ -= content.size();
        return std::optional<std::string>(std::move(content));
    }

private:
    Package(ZipArchivePtr archive, std::string_view source)
        : archive_(std::move(archive)), source_(source) {}

    [[nodiscard]] Error OverBudget(std::string_view part) const {
        return TooLarge(
            source_,
            fmt::format(
                "{} decompresses past the {} MiB an XLSX import may unpack",
                part,
                kMaxXlsxUncompressedBytes / kMebibyte
            )
        );
    }

    ZipArchivePtr archive_;
    std::string_view source_;
    std::uint64_t budget_ = kMaxXlsxUncompressedBytes;
};

// ---------------------------------------------------------------------------------------------
// XML helpers. Parts are matched by local name: most writers use a default namespace, some
// (the Open XML SDK) an "x:" prefix.

std::string_view LocalName(const char* qualified) {
    const std::string_view name(qualified);
    const auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node child : parent.children()) {
        if (child.type() == pugi::node_element && LocalName(child.name()) == local) {
            return child;
        }
    }
    return {};
}

template <class Visit>
void ForEachChild(pugi::xml_node parent, std::string_view local, Visit&& visit) {
    for (pugi::xml_node child : parent.children()) {
        if (child.type() == pugi::node_element && LocalName(child.name()) == local) {
            visit(child);
        }
    }
}

Status LoadXml(
    pugi::xml_document& document,
    const std::string& text,
    std::string_view part,
    std::string_view source
) {
    // Whitespace-only text is kept: a rich text run may be a single space. No DTD is
    // processed, so entity expansion cannot blow up.
    const pugi::xml_parse_result parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
        return Malformed(
            source,
            fmt::format(
                "{} is not well-formed XML ({} at byte {})",
                part,
                parsed.description(),
                parsed.offset
            )
        );
    }
    return {};
}

void AppendUtf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

/// Cell text as a user typed it: Excel writes characters XML cannot carry as "_xHHHH_" (a CR
/// as "_x000D_", a literal "_x" as "_x005F_x"), and line breaks become "\n" as in CSV cells.
std::string CellText(std::string_view stored) {
    constexpr std::size_t kEscapeLength = 7;  // _xHHHH_
    constexpr std::uint32_t kReplacementCharacter = 0xFFFD;
    std::string decoded;
    decoded.reserve(stored.size());
    for (std::size_t i = 0; i < stored.size();) {
        std::uint32_t code_point = 0;
        if (stored[i] == '_' && i + kEscapeLength <= stored.size() && stored[i + 1] == 'x'
            && stored[i + 6] == '_') {
            const char* digits = stored.data() + i + 2;
            const auto [end, error] = std::from_chars(digits, digits + 4, code_point, 16);
            if (error == std::errc{} && end == digits + 4) {
                const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
                AppendUtf8(decoded, surrogate ? kReplacementCharacter : code_point);
                i += kEscapeLength;
                continue;
            }
        }
        decoded.push_back(stored[i]);
        ++i;
    }
    std::string text;
    text.reserve(decoded.size());
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        if (decoded[i] == '\r') {
            text.push_back('\n');
            if (i + 1 < decoded.size() && decoded[i + 1] == '\n') {
                ++i;
            }
            continue;
        }
        text.push_back(decoded[i]);
    }
    return text;
}

/// The text of a shared string item <si> or inline string <is>: plain <t>, or rich text runs
/// <r><t> joined. Phonetic guides (<rPh>) are reading aids, not cell text.
std::string StringItemText(pugi::xml_node item) {
    std::string stored;
    for (pugi::xml_node child : item.children()) {
        const std::string_view local = LocalName(child.name());
        if (local == "t") {
            stored += child.child_value();
        } else if (local == "r") {
            stored += Child(child, "t").child_value();
        }
    }
    return CellText(stored);
}

/// A number as the shortest decimal that reads back the same ("5.0999999999999996" → "5.1").
std::string NumberText(std::string_view stored) {
    double value = 0;
    const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (error != std::errc{} || end != stored.data() + stored.size()) {
        return std::string(stored);
    }
    std::array<char, 64> buffer{};
    const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), written.ptr);
}

struct CellPosition {
    std::size_t column = 0;  // 0-based
    std::size_t row = 0;     // 1-based, as in "C7"
};

/// "C7" → column 2, row 7; nullopt for anything that is not a reference inside Excel's limits.
std::optional<CellPosition> ParseCellReference(std::string_view reference) {
    constexpr int kLettersInAlphabet = 26;
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < reference.size()) {
        const int letter = std::toupper(static_cast<unsigned char>(reference[i])) - 'A';
        if (letter < 0 || letter >= kLettersInAlphabet) {
            break;
        }
        column = column * kLettersInAlphabet + static_cast<std::size_t>(letter) + 1;
        if (column > kMaxColumns) {
            return std::nullopt;
        }
        ++i;
    }
    std::size_t row = 0;
    const char* digits = reference.data() + i;
    const auto [end, error] = std::from_chars(digits, reference.data() + reference.size(), row);
    if (i == 0 || error != std::errc{} || end != reference.data() + reference.size() || row == 0
        || row > kMaxRows) {
        return std::nullopt;
    }
    return CellPosition{column - 1, row};
}

/// Resolves a relationship target of xl/workbook.xml to a part name: relative to "xl/", or
/// from the package root when it starts with '/'.
std::string PartName(std::string_view target) {
    std::vector<std::string_view> segments;
    if (target.starts_with('/')) {
        target.remove_prefix(1);
    } else {
        segments.emplace_back("xl");
    }
    while (!target.empty()) {
        const std::size_t slash = std::min(target.find('/'), target.size());
        const std::string_view segment = target.substr(0, slash);
        target.remove_prefix(std::min(slash + 1, target.size()));
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
    }
    std::string name;
    for (std::string_view segment : segments) {
        if (!name.empty()) {
            name.push_back('/');
        }
        name.append(segment);
    }
    return name;
}

/// The relationship id (r:id) of the first <sheet> in xl/workbook.xml.
Result<std::string> FirstSheetRelationship(
    const pugi::xml_document& workbook, std::string_view source
) {
    const pugi::xml_node root = workbook.document_element();
    if (LocalName(root.name()) != "workbook") {
        return Malformed(source, "xl/workbook.xml is not a workbook");
    }
    const pugi::xml_node sheet = Child(Child(root, "sheets"), "sheet");
    if (!sheet) {
        return Malformed(source, "the workbook lists no sheet");
    }
    for (pugi::xml_attribute attribute : sheet.attributes()) {
        const std::string_view name = attribute.name();
        if (name.find(':') != std::string_view::npos && LocalName(attribute.name()) == "id") {
            return std::string(attribute.value());
        }
    }
    return Malformed(source, "the first sheet of the workbook has no relationship id");
}

/// Parts named by xl/_rels/workbook.xml.rels.
struct WorkbookParts {
    std::string first_sheet;
    std::optional<std::string> shared_strings;
};

Result<WorkbookParts> FindParts(
    const pugi::xml_document& relationships, std::string_view sheet_id, std::string_view source
) {
    WorkbookParts parts;
    bool sheet_is_worksheet = false;
    ForEachChild(relationships.document_element(), "Relationship", [&](pugi::xml_node relation) {
        const std::string_view type = relation.attribute("Type").as_string();
        const std::string_view target = relation.attribute("Target").as_string();
        if (relation.attribute("Id").as_string() == sheet_id) {
            parts.first_sheet = PartName(target);
            sheet_is_worksheet = type.ends_with("/worksheet");
        } else if (type.ends_with("/sharedStrings")) {
            parts.shared_strings = PartName(target);
        }
    });
    if (parts.first_sheet.empty()) {
        return Malformed(
            source,
            fmt::format("relationship {} of the first sheet is not in the workbook", sheet_id)
        );
    }
    if (!sheet_is_worksheet) {
        return Malformed(source, "the first sheet is not a worksheet (a chart sheet?)");
    }
    return parts;
}

Result<std::vector<std::string>> ReadSharedStrings(
    const pugi::xml_document& document, std::string_view source
) {
    std::vector<std::string> strings;
    const pugi::xml_node root = document.document_element();
    if (LocalName(root.name()) != "sst") {
        return Malformed(source, "the shared strings part is not a string table");
    }
    ForEachChild(root, "si", [&](pugi::xml_node item) { strings.push_back(StringItemText(item)); });
    return strings;
}

Result<std::string> CellValue(
    pugi::xml_node cell,
    const std::vector<std::string>& shared_strings,
    std::string_view where,
    std::string_view source
) {
    const std::string_view type = cell.attribute("t").as_string();
    const std::string_view stored = Child(cell, "v").child_value();
    if (type == "s") {
        std::size_t index = 0;
        const auto [end, error] =
            std::from_chars(stored.data(), stored.data() + stored.size(), index);
        if (error != std::errc{} || end != stored.data() + stored.size()
            || index >= shared_strings.size()) {
            return Malformed(
                source,
                fmt::format(
                    "cell {} names shared string \"{}\", the workbook has {}",
                    where,
                    stored,
                    shared_strings.size()
                )
            );
        }
        return shared_strings[index];
    }
    if (type == "inlineStr") {
        return StringItemText(Child(cell, "is"));
    }
    if (type == "str") {
        return CellText(stored);
    }
    if (type == "b") {
        return std::string(stored == "1" ? "TRUE" : stored == "0" ? "FALSE" : stored);
    }
    if (type == "e" || type == "d") {
        return std::string(stored);
    }
    if (type.empty() || type == "n") {
        return stored.empty() ? std::string() : NumberText(stored);
    }
    return Malformed(source, fmt::format("cell {} has an unknown type \"{}\"", where, type));
}

Result<Table> ReadWorksheet(
    const pugi::xml_document& document,
    const std::vector<std::string>& shared_strings,
    std::string_view source
) {
    const pugi::xml_node root = document.document_element();
    if (LocalName(root.name()) != "worksheet") {
        return Malformed(source, "the first sheet is not a worksheet");
    }
    Table table;
    std::size_t cell_count = 0;
    const auto grow = [&](std::vector<std::string>& cells, std::size_t width) -> Status {
        cell_count += width - cells.size();
        if (cell_count > kMaxCells) {
            return TooLarge(
                source, fmt::format("the worksheet spans more than {} cells", kMaxCells)
            );
        }
        cells.resize(width);
        return {};
    };
    std::size_t previous_row = 0;
    for (pugi::xml_node row : Child(root, "sheetData").children()) {
        if (row.type() != pugi::node_element || LocalName(row.name()) != "row") {
            continue;
        }
        const std::size_t row_number = row.attribute("r").as_ullong(previous_row + 1);
        if (row_number <= previous_row || row_number > kMaxRows) {
            return Malformed(
                source,
                fmt::format("row {} follows row {}: rows must ascend", row_number, previous_row)
            );
        }
        previous_row = row_number;
        std::vector<std::string> cells;
        std::size_t next_column = 0;
        for (pugi::xml_node cell : row.children()) {
            if (cell.type() != pugi::node_element || LocalName(cell.name()) != "c") {
                continue;
            }
            std::size_t column = next_column;
            const std::string_view reference = cell.attribute("r").as_string();
            if (!reference.empty()) {
                const auto position = ParseCellReference(reference);
                if (!position || position->row != row_number) {
                    return Malformed(
                        source,
                        fmt::format("cell reference \"{}\" in row {}", reference, row_number)
                    );
                }
                column = position->column;
            }
            if (column >= kMaxColumns) {
                return Malformed(source, fmt::format("row {} has too many cells", row_number));
            }
            next_column = column + 1;
            const std::string where = reference.empty()
                                          ? fmt::format("{}:{}", row_number, column + 1)
                                          : std::string(reference);
            ISMS_TRY_ASSIGN(std::string value, CellValue(cell, shared_strings, where, source));
            // Styled but empty cells are common far to the right; they hold nothing.
            if (value.empty()) {
                continue;
            }
            if (column >= cells.size()) {
                ISMS_TRY(grow(cells, column + 1));
            }
            cells[column] = std::move(value);
        }
        if (!cells.empty()) {
            table.rows.push_back(std::move(cells));
            table.lines.push_back(row_number);
        }
    }
    const std::size_t header_width = table.rows.empty() ? 0 : table.rows.front().size();
    for (auto& cells : table.rows) {
        if (cells.size() < header_width) {
            ISMS_TRY(grow(cells, header_width));
        }
    }
    return table;
}

}  // namespace

Result<Table> ReadXlsx(std::string_view bytes, std::string_view source_name) {
    if (bytes.empty()) {  // libzip would open it as an archive without entries
        return Malformed(source_name, "the file is empty, not an XLSX workbook");
    }
    ISMS_TRY_ASSIGN(Package package, Package::Open(bytes, source_name));

    ISMS_TRY_ASSIGN(const std::optional<std::string> workbook_xml, package.Read(kWorkbookPart));
    if (!workbook_xml) {
        return Malformed(source_name, "a ZIP archive but not an XLSX workbook: no xl/workbook.xml");
    }
    pugi::xml_document workbook;
    ISMS_TRY(LoadXml(workbook, *workbook_xml, kWorkbookPart, source_name));
    ISMS_TRY_ASSIGN(const std::string sheet_id, FirstSheetRelationship(workbook, source_name));

    ISMS_TRY_ASSIGN(
        const std::optional<std::string> relationships_xml, package.Read(kWorkbookRelationshipsPart)
    );
    if (!relationships_xml) {
        return Malformed(source_name, "the workbook has no xl/_rels/workbook.xml.rels");
    }
    pugi::xml_document relationships;
    ISMS_TRY(LoadXml(relationships, *relationships_xml, kWorkbookRelationshipsPart, source_name));
    ISMS_TRY_ASSIGN(const WorkbookParts parts, FindParts(relationships, sheet_id, source_name));

    std::vector<std::string> shared_strings;
    if (parts.shared_strings) {
        ISMS_TRY_ASSIGN(
            const std::optional<std::string> strings_xml, package.Read(*parts.shared_strings)
        );
        if (strings_xml) {
            pugi::xml_document strings;
            ISMS_TRY(LoadXml(strings, *strings_xml, *parts.shared_strings, source_name));
            ISMS_TRY_ASSIGN(shared_strings, ReadSharedStrings(strings, source_name));
        }
    }

    ISMS_TRY_ASSIGN(const std::optional<std::string> sheet_xml, package.Read(parts.first_sheet));
    if (!sheet_xml) {
        return Malformed(
            source_name, fmt::format("the workbook names {}, which is missing", parts.first_sheet)
        );
    }
    pugi::xml_document sheet;
    ISMS_TRY(LoadXml(sheet, *sheet_xml, parts.first_sheet, source_name));
    return ReadWorksheet(sheet, shared_strings, source_name);
}

}  // namespace isms::catalog
