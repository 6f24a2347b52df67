// Tenant-leading keys (docs/adr/0005-tenant-leading-keys.md). On PostgreSQL every tenant-owned
// table with a surrogate `id` has the primary key (tenant_id, id), and every unique constraint
// of a tenant table leads with tenant_id, so a tenant-sharded PostgreSQL (Citus) can distribute
// the table by tenant_id without a schema change. The id stays generated and globally unique.
// On SQLite the id stays the rowid (`INTEGER PRIMARY KEY`): one file is never sharded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sql.hpp"

namespace isms::store {

/// SQL type of the generated id of a tenant-owned table: the rowid on SQLite, an identity
/// column without a key of its own on PostgreSQL (TenantPrimaryKey completes it).
[[nodiscard]] const char* TenantIdColumn(Dialect d);

/// The table constraint that makes (tenant_id, id) the primary key, with its leading ", ", on
/// PostgreSQL; empty on SQLite, where the id column is the key.
[[nodiscard]] const char* TenantPrimaryKey(Dialect d);

/// The tenant-owned system tables (numbered steps 1-9) whose primary key was `id` alone.
[[nodiscard]] const std::vector<std::string>& TenantTablesWithSurrogateId();

/// System schema step 10: PostgreSQL primary keys (tenant_id, id) for those tables; the token
/// hashes of sessions and API tokens unique per tenant, with a plain lookup index for the
/// log-on path that does not know the tenant yet (both engines; SQLite rebuilds the two tables,
/// as it cannot drop a column constraint).
[[nodiscard]] std::string TenantLeadingKeysStep(Dialect d);

/// Makes the primary key of an existing table (tenant_id, id) when the PostgreSQL catalog says
/// it is `id` alone (a register table created before step 10); true when it changed it. A
/// no-op returning false on SQLite.
[[nodiscard]] Result<bool> LeadPrimaryKeyWithTenant(Connection& conn, const std::string& table);

}  // namespace isms::store
