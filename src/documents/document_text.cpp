#include "documents/document_text.hpp"

namespace isms::documents {

std::string_view FieldText(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

std::int64_t FieldInt(const json::object& fields, std::string_view name) {
    const json::value* v = fields.if_contains(name);
    return v != nullptr && v->is_int64() ? v->as_int64() : 0;
}

}  // namespace isms::documents
