// Schema migrations. System tables (tenants, users, ledger, …) come from numbered, hand-written
// steps recorded in `schema_version`; register tables come from the register declarations:
// a missing table is created and a newly declared field becomes a new column, so declaring a
// field is all it takes. Both run in one write transaction.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"

namespace isms::store {

struct MigrationReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> changes;  // "created table r_assets", "added column r_assets.x"
};

/// The newest system schema version this build knows.
[[nodiscard]] int LatestSchemaVersion();

/// The SQL of numbered system step `version` (1 to LatestSchemaVersion()) for a dialect; tests
/// build a database of an older schema version from it.
[[nodiscard]] std::string SystemStepSql(int version, Dialect dialect);

/// Brings the database up to date. Refuses a database newer than this build.
[[nodiscard]] Result<MigrationReport> Migrate(Database& db, const schema::Registry& registry);

/// Table name of a register: "r_" + name.
[[nodiscard]] std::string RegisterTable(const schema::RegisterSpec& spec);

/// SQL column type for a field.
[[nodiscard]] const char* ColumnType(schema::FieldType type);

}  // namespace isms::store
