// Register records in the store: every function takes a tenant scope and filters by its
// tenant, so another tenant's record is simply "not found". Writes take a WriteTx and append
// the ledger event (created / updated / archived, with before and after) in the same
// transaction; there is no other way to change a record.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "schema/list_query.hpp"
#include "schema/record.hpp"
#include "schema/validate.hpp"
#include "store/count_cache.hpp"
#include "store/session.hpp"

namespace isms::store {

struct RecordPage {
    std::vector<schema::Record> items;
    std::int64_t total = 0;
};

/// A page as the rows RecordColumns selects, before they become records.
struct RecordRows {
    std::vector<SqlRow> rows;
    std::int64_t total = 0;
};

[[nodiscard]] Result<schema::Record> GetRecord(
    TenantScope& scope, const schema::RegisterSpec& spec, RecordId id
);
/// One page and the total of matches; with `cache`, the total is reused while the register of
/// this tenant has not changed.
[[nodiscard]] Result<RecordPage> ListRecords(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    const schema::ListQuery& query,
    CountCache* cache = nullptr
);
/// ListRecords without decoding the rows (record_json.hpp writes them straight as JSON).
[[nodiscard]] Result<RecordRows> ListRecordRows(
    TenantScope& scope,
    const schema::RegisterSpec& spec,
    const schema::ListQuery& query,
    CountCache* cache = nullptr
);
/// Every record matching `query`'s filters and sort, ignoring its limit and offset (read page
/// by page, for exports and whole-register computations).
[[nodiscard]] Result<std::vector<schema::Record>> ListAllRecords(
    TenantScope& scope, const schema::RegisterSpec& spec, schema::ListQuery query = {}
);
/// Ids among `ids` that do not name a live (unarchived) record of `spec` in this tenant.
[[nodiscard]] Result<std::vector<std::int64_t>> MissingRecords(
    TenantScope& scope, const schema::RegisterSpec& spec, const std::vector<std::int64_t>& ids
);
/// Ledger events about one record, oldest first.
[[nodiscard]] Result<std::vector<LedgerEvent>> RecordHistory(
    TenantScope& scope, const schema::RegisterSpec& spec, RecordId id
);

/// Marks register `name` of this tenant as changed (every record write does), so what is cached
/// from it is recomputed; modules bump their own side tables under a name of their own.
[[nodiscard]] Status BumpRegisterVersion(WriteTx& tx, std::string_view name);
/// "risks=12;evidence=3;…": the versions of `names` in this tenant (0 for a register never
/// written), for keys of caches that must follow those registers.
[[nodiscard]] Result<std::string> RegisterVersionStamp(
    TenantScope& scope, std::initializer_list<std::string_view> names
);

[[nodiscard]] Result<schema::Record> InsertRecord(
    WriteTx& tx, const schema::RegisterSpec& spec, const schema::Draft& draft
);
/// Applies a validated patch. `expected_version`, when given, must equal the stored version
/// (else kStaleVersion). A patch that changes nothing still bumps nothing and logs nothing.
[[nodiscard]] Result<schema::Record> UpdateRecord(
    WriteTx& tx,
    const schema::RegisterSpec& spec,
    RecordId id,
    std::optional<std::int64_t> expected_version,
    const schema::Draft& draft
);
/// Archives (soft-deletes) a record: it leaves default lists but keeps its history.
[[nodiscard]] Result<schema::Record> ArchiveRecord(
    WriteTx& tx,
    const schema::RegisterSpec& spec,
    RecordId id,
    std::optional<std::int64_t> expected_version
);

/// The tenant's custom fields for a register (empty when none).
[[nodiscard]] Result<std::vector<schema::FieldSpec>> LoadExtension(
    TenantScope& scope, const std::string& register_name
);
[[nodiscard]] Status SaveExtension(
    WriteTx& tx, const std::string& register_name, const std::vector<schema::FieldSpec>& fields
);

/// RecordColumns selects these first (id … archived_at), then one column per declared field.
inline constexpr std::size_t kRecordCommonColumns = 11;
/// Reads a record row as selected by RecordColumns(spec); used by ledger verification too.
[[nodiscard]] std::string RecordColumns(const schema::RegisterSpec& spec);
[[nodiscard]] Result<schema::Record> RecordFromRow(
    const schema::RegisterSpec& spec, const SqlRow& row
);

}  // namespace isms::store
