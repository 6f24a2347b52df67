#include "store/records_past_date.hpp"

#include "schema/list_query.hpp"
#include "store/records.hpp"

namespace isms::store {

Result<std::vector<PastDateRecord>> RecordsPastDate(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    std::string_view date_field,
    Date day,
    std::vector<std::pair<std::string, std::string>> filters
) {
    const std::string field(date_field);
    filters.emplace_back(field + ".lt", FormatDate(day));
    filters.emplace_back("sort", field);
    ISMS_TRY_ASSIGN(schema::ListQuery query, schema::ParseListQuery(spec, filters));
    ISMS_TRY_ASSIGN(std::vector<schema::Record> records, ListAllRecords(scope, spec, query));
    std::vector<PastDateRecord> past;
    past.reserve(records.size());
    for (schema::Record& r : records) {
        // the filter matched, so the field holds a date (validated when it was written)
        const std::optional<Date> date = ParseDate(StringOr(r.fields, field));
        const std::int64_t days = date ? (day - *date).count() : 0;
        past.push_back({std::move(r), days});
    }
    return past;
}

}  // namespace isms::store
