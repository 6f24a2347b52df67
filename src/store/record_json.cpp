#include "store/record_json.hpp"

#include <charconv>

#include "store/records.hpp"

namespace isms::store {

namespace {

using schema::FieldType;

void AppendInt(std::int64_t v, std::string& out) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end);
}

/// A JSON string with boost::json's escaping.
void AppendString(json::serializer& sr, std::string_view text, std::string& out) {
    sr.reset(text);
    char buf[256];
    while (!sr.done()) {
        out += sr.read(buf, sizeof buf);
    }
}

/// A column stored as JSON text (tags, extra, lists), or `fallback` when NULL.
void AppendStoredJson(
    const SqlRow& row, std::size_t col, std::string_view fallback, std::string& out
) {
    out += row.IsNull(col) ? fallback : std::string_view(row.Text(col));
}

void AppendTextOrNull(json::serializer& sr, const SqlRow& row, std::size_t col, std::string& out) {
    if (row.IsNull(col)) {
        out += "null";
    } else {
        AppendString(sr, row.Text(col), out);
    }
}

void AppendField(
    json::serializer& sr, FieldType type, const SqlRow& row, std::size_t col, std::string& out
) {
    if (row.IsNull(col)) {
        out += "null";
        return;
    }
    switch (type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kDate:
        case FieldType::kDateTime:
            AppendString(sr, row.Text(col), out);
            return;
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kUser:
            AppendInt(row.Int(col), out);
            return;
        case FieldType::kDecimal:
            out += json::serialize(json::value(row.Real(col)));
            return;
        case FieldType::kBool:
            out += row.Int(col) != 0 ? "true" : "false";
            return;
        case FieldType::kReferenceList:
        case FieldType::kTextList:
            AppendStoredJson(row, col, "null", out);
            return;
    }
}

}  // namespace

void AppendRecordJson(const schema::RegisterSpec& spec, const SqlRow& row, std::string& out) {
    json::serializer sr;
    out += R"({"id":)";
    AppendInt(row.Int(0), out);
    out += R"(,"ref":)";
    AppendString(sr, row.Text(1), out);
    out += R"(,"version":)";
    AppendInt(row.Int(2), out);
    out += R"(,"created_at":)";
    AppendString(sr, row.Text(3), out);
    out += R"(,"created_by":)";
    AppendInt(row.Int(4), out);
    out += R"(,"updated_at":)";
    AppendString(sr, row.Text(5), out);
    out += R"(,"updated_by":)";
    AppendInt(row.Int(6), out);
    out += R"(,"owner":)";
    if (row.IsNull(7)) {
        out += "null";
    } else {
        AppendInt(row.Int(7), out);
    }
    out += R"(,"tags":)";
    AppendStoredJson(row, 8, "[]", out);
    out += R"(,"archived":)";
    out += row.IsNull(10) ? "false" : "true";
    out += R"(,"archived_at":)";
    AppendTextOrNull(sr, row, 10, out);
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        out += ",";
        AppendString(sr, spec.fields[i].name, out);
        out += ":";
        AppendField(sr, spec.fields[i].type, row, kRecordCommonColumns + i, out);
    }
    out += R"(,"extra":)";
    AppendStoredJson(row, 9, "{}", out);
    out += "}";
}

Result<std::string> ListRecordsJson(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    const schema::ListQuery& query,
    CountCache* cache
) {
    ISMS_TRY_ASSIGN(RecordRows page, ListRecordRows(scope, spec, query, cache));
    std::string out = R"({"items":[)";
    out.reserve(1024 * (page.rows.size() + 1));
    for (std::size_t i = 0; i < page.rows.size(); ++i) {
        if (i > 0) {
            out += ",";
        }
        AppendRecordJson(spec, page.rows[i], out);
    }
    out += R"(],"total":)";
    AppendInt(page.total, out);
    out += R"(,"limit":)";
    AppendInt(query.limit, out);
    out += R"(,"offset":)";
    AppendInt(query.offset, out);
    out += "}";
    return out;
}

}  // namespace isms::store
