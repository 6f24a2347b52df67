#include "assurance/audit_records.hpp"

#include "store/records.hpp"

namespace isms::assurance {

Result<std::vector<schema::Record>> RecordsPointingTo(
    store::TenantScope& scope,
    const schema::Registry& registry,
    std::string_view register_name,
    std::string_view field,
    std::int64_t id,
    std::string sort
) {
    const schema::RegisterSpec& spec = registry.Get(register_name);
    ISMS_TRY_ASSIGN(
        schema::ListQuery query,
        schema::ParseListQuery(spec, {{std::string(field), std::to_string(id)}, {"sort", sort}})
    );
    return store::ListAllRecords(scope, spec, std::move(query));
}

Result<schema::Record> OpenNonconformity(
    store::TenantScope& scope,
    const schema::Registry& registry,
    std::int64_t id,
    std::string_view consequence
) {
    ISMS_TRY_ASSIGN(
        schema::Record nc, store::GetRecord(scope, registry.Get("nonconformities"), RecordId{id})
    );
    if (TextOf(nc.fields, "status") == "closed") {
        return Error::Conflict(
            "nonconformity: " + nc.ref + " is closed; " + std::string(consequence)
        );
    }
    return nc;
}

std::string TextOf(const json::object& fields, std::string_view key) {
    const json::value* v = fields.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace isms::assurance
