#include "records/record_rules.hpp"

namespace isms::records {

json::object FieldsAfter(const schema::Record* current, const schema::Draft& draft) {
    json::object after = current != nullptr ? current->fields : json::object{};
    for (const auto& [key, value] : draft.fields) {
        after[key] = value;
    }
    return after;
}

}  // namespace isms::records
