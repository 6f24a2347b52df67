#include "schema/list_query.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/clock.hpp"

namespace isms::schema {

namespace {

struct Column {
    std::string name;
    FieldType type;
};

// Common columns that may be filtered and sorted; "tag" filters the tags list.
std::optional<Column> FindColumn(const RegisterSpec& spec, std::string_view name) {
    if (name == "id" || name == "version" || name == "created_by" || name == "updated_by") {
        return Column{std::string(name), FieldType::kInt};
    }
    if (name == "owner") {
        return Column{"owner", FieldType::kUser};
    }
    if (name == "ref") {
        return Column{"ref", FieldType::kText};
    }
    if (name == "created_at" || name == "updated_at") {
        return Column{std::string(name), FieldType::kDateTime};
    }
    if (name == "tag") {
        return Column{"tags", FieldType::kReferenceList};  // a list of strings, matched by contains
    }
    if (const FieldSpec* f = spec.Field(name); f != nullptr && f->type != FieldType::kMarkdown) {
        return Column{f->name, f->type};
    }
    return std::nullopt;
}

std::optional<std::int64_t> ToInt(std::string_view s) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

Result<json::value> TypedValue(
    const Column& c, bool string_items, std::string_view text, const std::string& param
) {
    if (string_items) {
        return json::value(json::string(text));
    }
    switch (c.type) {
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kReferenceList:
        case FieldType::kUser:
            if (auto v = ToInt(text)) {
                return json::value(*v);
            }
            return Error::Invalid(param, "must be an integer");
        case FieldType::kDecimal: {
            char* end = nullptr;
            const std::string s(text);
            const double d = std::strtod(s.c_str(), &end);
            // strtod also reads "nan" and "inf", which no stored value compares with.
            if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d)) {
                return Error::Invalid(param, "must be a number");
            }
            return json::value(d);
        }
        case FieldType::kBool:
            if (text == "true" || text == "false") {
                return json::value(text == "true");
            }
            return Error::Invalid(param, "must be true or false");
        case FieldType::kDate:
            if (!ParseDate(text)) {
                return Error::Invalid(param, "must be a date YYYY-MM-DD");
            }
            return json::value(json::string(text));
        case FieldType::kDateTime:
            if (auto t = ParseTimestamp(text)) {
                return json::value(FormatTimestamp(*t));
            }
            if (auto d = ParseDate(text)) {  // a date means its first second
                return json::value(FormatTimestamp(Timestamp{*d}));
            }
            return Error::Invalid(param, "must be an RFC 3339 date-time or a date");
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kTextList:
            return json::value(json::string(text));
    }
    return json::value(json::string(text));
}

std::vector<std::string_view> SplitCommas(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = s.find(',', start);
        out.push_back(s.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (comma == std::string_view::npos) {
            return out;
        }
        start = comma + 1;
    }
}

Result<FilterOp> ParseOp(std::string_view op, const std::string& param) {
    if (op.empty() || op == "eq") {
        return FilterOp::kEq;
    }
    if (op == "ne") {
        return FilterOp::kNe;
    }
    if (op == "in") {
        return FilterOp::kIn;
    }
    if (op == "gt") {
        return FilterOp::kGt;
    }
    if (op == "gte") {
        return FilterOp::kGte;
    }
    if (op == "lt") {
        return FilterOp::kLt;
    }
    if (op == "lte") {
        return FilterOp::kLte;
    }
    if (op == "null") {
        return FilterOp::kIsNull;
    }
    return Error::Invalid(
        param, "unknown operator '" + std::string(op) + "' (use eq, ne, in, gt, gte, lt, lte, null)"
    );
}

}  // namespace

Result<ListQuery> ParseListQuery(
    const RegisterSpec& spec, const std::vector<std::pair<std::string, std::string>>& params
) {
    ListQuery q;
    for (const auto& [key, value] : params) {
        if (key == "q") {
            if (value.size() > 200) {
                return Error::Invalid("q", "must be at most 200 characters");
            }
            q.text = value;
            continue;
        }
        if (key == "limit" || key == "offset") {
            auto v = ToInt(value);
            const std::int64_t max = key == "limit" ? kMaxPageSize : INT32_MAX;
            const std::int64_t min = key == "limit" ? 1 : 0;
            if (!v || *v < min || *v > max) {
                return Error::Invalid(
                    key,
                    "must be an integer from " + std::to_string(min) + " to " + std::to_string(max)
                );
            }
            (key == "limit" ? q.limit : q.offset) = *v;
            continue;
        }
        if (key == "sort") {
            const bool desc = !value.empty() && value[0] == '-';
            const std::string_view name = desc ? std::string_view(value).substr(1) : value;
            auto column = FindColumn(spec, name);
            if (!column || name == "tag" || column->type == FieldType::kReferenceList
                || column->type == FieldType::kTextList) {
                return Error::Invalid("sort", "cannot sort by '" + std::string(name) + "'");
            }
            q.sort_column = column->name;
            q.descending = desc;
            continue;
        }
        if (key == "archived") {
            if (value == "false") {
                q.archived = ArchivedFilter::kExclude;
            } else if (value == "true") {
                q.archived = ArchivedFilter::kOnly;
            } else if (value == "any") {
                q.archived = ArchivedFilter::kAny;
            } else {
                return Error::Invalid("archived", "must be true, false or any");
            }
            continue;
        }
        const std::size_t dot = key.find('.');
        const std::string_view name = std::string_view(key).substr(0, dot);
        const std::string_view op_text =
            dot == std::string::npos ? std::string_view() : std::string_view(key).substr(dot + 1);
        auto column = FindColumn(spec, name);
        if (!column) {
            return Error::Invalid(key, "unknown filter: no field '" + std::string(name) + "'");
        }
        ISMS_TRY_ASSIGN(FilterOp op, ParseOp(op_text, key));
        const bool is_list =
            column->type == FieldType::kReferenceList || column->type == FieldType::kTextList;
        const bool string_items = name == "tag" || column->type == FieldType::kTextList;
        Filter f{column->name, column->type, op, {}};
        if (op == FilterOp::kIsNull) {
            if (value != "true" && value != "false") {
                return Error::Invalid(key, "must be true or false");
            }
            f.op = value == "true" ? FilterOp::kIsNull : FilterOp::kNotNull;
        } else if (is_list) {
            if (op != FilterOp::kEq) {
                return Error::Invalid(key, "a list field takes only equality (contains)");
            }
            f.op = FilterOp::kContains;
            ISMS_TRY_ASSIGN(json::value v, TypedValue(*column, string_items, value, key));
            f.values.push_back(std::move(v));
        } else if (op == FilterOp::kIn) {
            for (std::string_view part : SplitCommas(value)) {
                ISMS_TRY_ASSIGN(json::value v, TypedValue(*column, false, part, key));
                f.values.push_back(std::move(v));
            }
            if (f.values.size() > 100) {
                return Error::Invalid(key, "at most 100 values");
            }
        } else {
            if ((op == FilterOp::kGt || op == FilterOp::kGte || op == FilterOp::kLt
                 || op == FilterOp::kLte)
                && (column->type == FieldType::kBool || column->type == FieldType::kEnum)) {
                return Error::Invalid(key, "a range needs a number, date or text field");
            }
            ISMS_TRY_ASSIGN(json::value v, TypedValue(*column, false, value, key));
            f.values.push_back(std::move(v));
        }
        q.filters.push_back(std::move(f));
    }
    return q;
}

}  // namespace isms::schema
