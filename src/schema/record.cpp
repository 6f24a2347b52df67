#include "schema/record.hpp"

namespace isms::schema {

json::object RecordToJson(const RegisterSpec& spec, const Record& record) {
    json::object out;
    out.reserve(12 + spec.fields.size());
    out["id"] = record.id.value;
    out["ref"] = record.ref;
    out["version"] = record.version;
    out["created_at"] = FormatTimestamp(record.created_at);
    out["created_by"] = record.created_by.value;
    out["updated_at"] = FormatTimestamp(record.updated_at);
    out["updated_by"] = record.updated_by.value;
    out["owner"] = record.owner ? json::value(record.owner->value) : json::value(nullptr);
    out["tags"] = record.tags;
    out["archived"] = record.archived_at.has_value();
    out["archived_at"] = record.archived_at ? json::value(FormatTimestamp(*record.archived_at))
                                            : json::value(nullptr);
    for (const FieldSpec& f : spec.fields) {
        const json::value* v = record.fields.if_contains(f.name);
        out[f.name] = v != nullptr ? *v : json::value(nullptr);
    }
    out["extra"] = record.extra;
    return out;
}

std::vector<std::int64_t> ReferenceIds(const json::value* list) {
    std::vector<std::int64_t> out;
    if (list != nullptr && list->is_array()) {
        for (const auto& item : list->get_array()) {
            if (item.is_int64()) {
                out.push_back(item.get_int64());
            }
        }
    }
    return out;
}

}  // namespace isms::schema
