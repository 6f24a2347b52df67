#include "schema/csv.hpp"

#include <charconv>
#include <system_error>

#include "core/clock.hpp"

namespace isms::schema {

namespace {

constexpr std::string_view kLineEnd = "\r\n";
constexpr std::string_view kListSeparator = "; ";

bool StartsFormula(std::string_view cell) {
    if (cell.empty()) {
        return false;
    }
    const char c = cell.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string FormatDouble(double d) {
    // Shortest form that reads back to the same double: "2.5", not Boost.JSON's "2.5E0",
    // which spreadsheets read in some locales as text.
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    if (ec != std::errc{}) {
        return {};
    }
    return std::string(buf, end);
}

/// A scalar as plain text, before escaping; `numeric` tells whether it was a number we
/// formatted ourselves (such cells cannot carry a formula and must stay numbers).
std::string ScalarText(const json::value& v, bool& numeric) {
    numeric = false;
    switch (v.kind()) {
        case json::kind::null:
            return {};
        case json::kind::bool_:
            return v.get_bool() ? "true" : "false";
        case json::kind::int64:
            numeric = true;
            return std::to_string(v.get_int64());
        case json::kind::uint64:
            numeric = true;
            return std::to_string(v.get_uint64());
        case json::kind::double_:
            numeric = true;
            return FormatDouble(v.get_double());
        case json::kind::string:
            return std::string(v.get_string());
        case json::kind::array:
        case json::kind::object:
            return json::serialize(v);
    }
    return {};
}

std::string ListCell(const json::array& items) {
    std::string joined;
    for (std::size_t i = 0; i < items.size(); ++i) {
        bool numeric = false;
        if (i > 0) {
            joined += kListSeparator;
        }
        joined += ScalarText(items[i], numeric);
    }
    return CsvEscape(joined);
}

std::string Cell(const json::value& v) {
    if (v.is_array()) {
        return ListCell(v.get_array());
    }
    bool numeric = false;
    std::string text = ScalarText(v, numeric);
    return numeric ? text : CsvEscape(text);
}

void AppendRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += cells[i];
    }
    out += kLineEnd;
}

}  // namespace

std::string CsvEscape(std::string_view cell) {
    std::string text;
    text.reserve(cell.size() + 3);
    if (StartsFormula(cell)) {
        text += '\'';
    }
    text += cell;
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted;
    quoted.reserve(text.size() + 4);
    quoted += '"';
    for (const char c : text) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string RecordsToCsv(const RegisterSpec& spec, const std::vector<Record>& records) {
    std::string out;
    std::vector<std::string> cells;
    cells.reserve(spec.fields.size() + 7);

    cells.emplace_back("ref");
    cells.emplace_back("id");
    for (const FieldSpec& f : spec.fields) {
        cells.push_back(CsvEscape(f.name));
    }
    for (const char* name : {"owner", "tags", "created_at", "updated_at", "version"}) {
        cells.emplace_back(name);
    }
    AppendRow(out, cells);

    for (const Record& r : records) {
        cells.clear();
        cells.push_back(CsvEscape(r.ref));
        cells.push_back(std::to_string(r.id.value));
        for (const FieldSpec& f : spec.fields) {
            const json::value* v = r.fields.if_contains(f.name);
            cells.push_back(v != nullptr ? Cell(*v) : std::string());
        }
        cells.push_back(r.owner ? std::to_string(r.owner->value) : std::string());
        cells.push_back(ListCell(r.tags));
        cells.push_back(FormatTimestamp(r.created_at));
        cells.push_back(FormatTimestamp(r.updated_at));
        cells.push_back(std::to_string(r.version));
        AppendRow(out, cells);
    }
    return out;
}

}  // namespace isms::schema
