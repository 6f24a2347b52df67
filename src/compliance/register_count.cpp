#include "compliance/register_count.hpp"

#include "store/migrate.hpp"

namespace isms::compliance {

Result<std::int64_t> RegisterCounter::Count(
    const schema::RegisterSpec& spec, const std::string& where, const store::SqlParams& extra
) {
    store::SqlParams params{scope_.tenant().value};
    params.insert(params.end(), extra.begin(), extra.end());
    ISMS_TRY_ASSIGN(
        auto rows,
        scope_.sql().Query(
            "SELECT COUNT(*) FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL"
                + (where.empty() ? "" : " AND " + where),
            params
        )
    );
    return rows[0].Int(0);
}

}  // namespace isms::compliance
