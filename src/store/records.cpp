#include "store/records.hpp"

#include "store/migrate.hpp"

namespace isms::store {

namespace {

using schema::FieldSpec;
using schema::FieldType;
using schema::Record;
using schema::RegisterSpec;

SqlValue ToSql(FieldType type, const json::value& v) {
    if (v.is_null()) {
        return std::monostate{};
    }
    switch (type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kDate:
        case FieldType::kDateTime:
            return std::string(v.get_string());
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kUser:
            return v.to_number<std::int64_t>();
        case FieldType::kDecimal:
            return v.to_number<double>();
        case FieldType::kBool:
            return std::int64_t{v.get_bool() ? 1 : 0};
        case FieldType::kReferenceList:
        case FieldType::kTextList:
            return json::serialize(v);
    }
    return std::monostate{};
}

Result<json::value> FromSql(FieldType type, const SqlRow& row, std::size_t i) {
    switch (type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kDate:
        case FieldType::kDateTime:
            return json::value(row.Text(i));
        case FieldType::kInt:
        case FieldType::kReference:
        case FieldType::kUser:
            return json::value(row.Int(i));
        case FieldType::kDecimal:
            return json::value(row.Real(i));
        case FieldType::kBool:
            return json::value(row.Int(i) != 0);
        case FieldType::kReferenceList:
        case FieldType::kTextList:
            return ParseJson(row.Text(i));
    }
    return json::value(nullptr);
}

std::string Placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += i == 0 ? "?" : ", ?";
    }
    return out;
}

std::string OpSql(schema::FilterOp op) {
    switch (op) {
        case schema::FilterOp::kEq:
            return " = ?";
        case schema::FilterOp::kNe:
            return " <> ?";
        case schema::FilterOp::kGt:
            return " > ?";
        case schema::FilterOp::kGte:
            return " >= ?";
        case schema::FilterOp::kLt:
            return " < ?";
        case schema::FilterOp::kLte:
            return " <= ?";
        case schema::FilterOp::kIsNull:
            return " IS NULL";
        case schema::FilterOp::kNotNull:
            return " IS NOT NULL";
        case schema::FilterOp::kIn:
        case schema::FilterOp::kContains:
            return "";
    }
    return "";
}

SqlValue FilterValue(FieldType type, const json::value& v) {
    if (type == FieldType::kReferenceList || type == FieldType::kTextList) {  // ids or strings
        return v.is_string() ? SqlValue(std::string(v.get_string()))
                             : SqlValue(v.to_number<std::int64_t>());
    }
    return ToSql(type, v);
}

std::string EscapeLike(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '%';
    return out;
}

std::string RecordJsonText(const RegisterSpec& spec, const Record& r) {
    return json::serialize(schema::RecordToJson(spec, r));
}

/// Applies a draft onto a record in memory.
void ApplyDraft(Record& r, const schema::Draft& d) {
    for (const auto& [key, value] : d.fields) {
        if (value.is_null()) {
            r.fields.erase(key);
        } else {
            r.fields[key] = value;
        }
    }
    if (d.owner) {
        r.owner = *d.owner;
    }
    if (d.tags) {
        r.tags = *d.tags;
    }
    if (d.extra) {
        r.extra = *d.extra;
    }
}

SqlParams FieldParams(const RegisterSpec& spec, const Record& r) {
    SqlParams params;
    params.reserve(spec.fields.size());
    for (const FieldSpec& f : spec.fields) {
        const json::value* v = r.fields.if_contains(f.name);
        params.push_back(v != nullptr ? ToSql(f.type, *v) : SqlValue(std::monostate{}));
    }
    return params;
}

/// COUNT(*) of `from_where`, reused from `cache` while the register's version is unchanged.
Result<std::int64_t> CountMatches(
    TenantScope& scope,
    const RegisterSpec& spec,
    const std::string& from_where,
    const SqlParams& params,
    CountCache* cache
) {
    if (cache == nullptr) {
        return scope.sql().QueryInt("SELECT COUNT(*) FROM " + from_where, params);
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT version FROM register_versions WHERE tenant_id = ? AND register = ?",
            {scope.tenant().value, spec.name}
        )
    );
    const std::int64_t version = rows.empty() ? 0 : rows[0].Int(0);
    std::string key = from_where;
    for (const SqlValue& p : params) {  // params include the tenant, so keys never mix tenants
        key += '\x1f';
        if (const auto* i = std::get_if<std::int64_t>(&p)) {
            key += 'i';
            key += std::to_string(*i);
        } else if (const auto* d = std::get_if<double>(&p)) {
            key += 'd';
            key += std::to_string(*d);
        } else if (const auto* s = std::get_if<std::string>(&p)) {
            key += "s" + *s;
        } else {
            key += "n";
        }
    }
    if (auto total = cache->Find(key, version)) {
        return *total;
    }
    ISMS_TRY_ASSIGN(
        std::int64_t total, scope.sql().QueryInt("SELECT COUNT(*) FROM " + from_where, params)
    );
    cache->Store(key, version, total);
    return total;
}

Result<Record> ReadBack(WriteTx& tx, const RegisterSpec& spec, RecordId id) {
    return GetRecord(tx, spec, id);
}

}  // namespace

Status BumpRegisterVersion(WriteTx& tx, std::string_view name) {
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO register_versions (tenant_id, register, version) VALUES (?, ?, 1) "
        "ON CONFLICT (tenant_id, register) DO UPDATE SET version = register_versions.version + 1",
        {tx.tenant().value, std::string(name)}
    ));
    return {};
}

Result<std::string> RegisterVersionStamp(
    TenantScope& scope, std::initializer_list<std::string_view> names
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT register, version FROM register_versions WHERE tenant_id = ?",
            {scope.tenant().value}
        )
    );
    std::string stamp;
    for (const std::string_view name : names) {
        std::int64_t version = 0;
        for (const auto& r : rows) {
            if (r.Text(0) == name) {
                version = r.Int(1);
            }
        }
        stamp += std::string(name) + "=" + std::to_string(version) + ";";
    }
    return stamp;
}

std::string RecordColumns(const RegisterSpec& spec) {
    std::string cols =
        "id, ref, version, created_at, created_by, updated_at, updated_by, owner, tags, extra, "
        "archived_at";
    for (const FieldSpec& f : spec.fields) {
        cols += ", " + f.name;
    }
    return cols;
}

Result<Record> RecordFromRow(const RegisterSpec& spec, const SqlRow& row) {
    Record r;
    r.id = RecordId{row.Int(0)};
    r.ref = row.Text(1);
    r.version = row.Int(2);
    auto created = ParseTimestamp(row.Text(3));
    auto updated = ParseTimestamp(row.Text(5));
    if (!created || !updated) {
        return Error::Internal(
            "corrupt timestamp in " + spec.name + " row " + std::to_string(r.id.value)
        );
    }
    r.created_at = *created;
    r.created_by = UserId{row.Int(4)};
    r.updated_at = *updated;
    r.updated_by = UserId{row.Int(6)};
    if (!row.IsNull(7)) {
        r.owner = UserId{row.Int(7)};
    }
    ISMS_TRY_ASSIGN(json::value tags, ParseJson(row.Text(8)));
    ISMS_TRY_ASSIGN(json::value extra, ParseJson(row.Text(9)));
    if (!tags.is_array() || !extra.is_object()) {
        return Error::Internal(
            "corrupt tags/extra in " + spec.name + " row " + std::to_string(r.id.value)
        );
    }
    r.tags = std::move(tags.as_array());
    r.extra = std::move(extra.as_object());
    if (!row.IsNull(10)) {
        r.archived_at = ParseTimestamp(row.Text(10));
    }
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const std::size_t col = kRecordCommonColumns + i;
        if (!row.IsNull(col)) {
            ISMS_TRY_ASSIGN(json::value v, FromSql(spec.fields[i].type, row, col));
            r.fields[spec.fields[i].name] = std::move(v);
        }
    }
    return r;
}

Result<Record> GetRecord(TenantScope& scope, const RegisterSpec& spec, RecordId id) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT " + RecordColumns(spec) + " FROM " + RegisterTable(spec)
                + " WHERE tenant_id = ? AND id = ?",
            {scope.tenant().value, id.value}
        )
    );
    if (rows.empty()) {
        return Error::NotFound(spec.name + " " + std::to_string(id.value) + " not found");
    }
    return RecordFromRow(spec, rows[0]);
}

Result<RecordRows> ListRecordRows(
    TenantScope& scope, const RegisterSpec& spec, const schema::ListQuery& query, CountCache* cache
) {
    const Dialect dialect = scope.sql().dialect();
    std::string where = " WHERE tenant_id = ?";
    SqlParams params{scope.tenant().value};
    switch (query.archived) {
        case schema::ArchivedFilter::kExclude:
            where += " AND archived_at IS NULL";
            break;
        case schema::ArchivedFilter::kOnly:
            where += " AND archived_at IS NOT NULL";
            break;
        case schema::ArchivedFilter::kAny:
            break;
    }
    for (const schema::Filter& f : query.filters) {
        if (f.op == schema::FilterOp::kContains) {
            where += " AND " + JsonArrayContains(dialect, f.column, f.values.at(0).is_string());
            params.push_back(FilterValue(f.type, f.values.at(0)));
        } else if (f.op == schema::FilterOp::kIn) {
            where += " AND " + f.column + " IN (" + Placeholders(f.values.size()) + ")";
            for (const auto& v : f.values) {
                params.push_back(FilterValue(f.type, v));
            }
        } else {
            where += " AND " + f.column + OpSql(f.op);
            if (!f.values.empty()) {
                params.push_back(FilterValue(f.type, f.values[0]));
            }
        }
    }
    if (!query.text.empty()) {
        const std::string like = CaseInsensitiveLike(dialect);
        const std::string pattern = EscapeLike(query.text);
        where += " AND (ref " + like + " ? ESCAPE '\\'";
        params.emplace_back(pattern);
        for (const FieldSpec& f : spec.fields) {
            if (f.searchable) {
                where += " OR " + f.name + " " + like + " ? ESCAPE '\\'";
                params.emplace_back(pattern);
            }
        }
        where += ")";
    }
    const std::string table = RegisterTable(spec);
    ISMS_TRY_ASSIGN(std::int64_t total, CountMatches(scope, spec, table + where, params, cache));
    std::string order = " ORDER BY " + query.sort_column + (query.descending ? " DESC" : "");
    if (query.sort_column != "id") {
        order += ", id";
    }
    params.emplace_back(query.limit);
    params.emplace_back(query.offset);
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT " + RecordColumns(spec) + " FROM " + table + where + order
                + " LIMIT ? OFFSET ?",
            params
        )
    );
    return RecordRows{std::move(rows), total};
}

Result<RecordPage> ListRecords(
    TenantScope& scope, const RegisterSpec& spec, const schema::ListQuery& query, CountCache* cache
) {
    ISMS_TRY_ASSIGN(RecordRows found, ListRecordRows(scope, spec, query, cache));
    RecordPage page;
    page.total = found.total;
    page.items.reserve(found.rows.size());
    for (const auto& row : found.rows) {
        ISMS_TRY_ASSIGN(Record r, RecordFromRow(spec, row));
        page.items.push_back(std::move(r));
    }
    return page;
}

Result<std::vector<schema::Record>> ListAllRecords(
    TenantScope& scope, const RegisterSpec& spec, schema::ListQuery query
) {
    std::vector<schema::Record> all;
    query.limit = schema::kMaxPageSize;
    query.offset = 0;
    while (true) {
        ISMS_TRY_ASSIGN(auto page, ListRecords(scope, spec, query));
        const bool last = static_cast<std::int64_t>(page.items.size()) < query.limit;
        for (auto& r : page.items) {
            all.push_back(std::move(r));
        }
        if (last) {
            return all;
        }
        query.offset += query.limit;
    }
}

Result<std::vector<std::int64_t>> MissingRecords(
    TenantScope& scope, const RegisterSpec& spec, const std::vector<std::int64_t>& ids
) {
    std::vector<std::int64_t> missing;
    if (ids.empty()) {
        return missing;
    }
    SqlParams params{scope.tenant().value};
    for (auto id : ids) {
        params.emplace_back(id);
    }
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT id FROM " + RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL AND id IN ("
                + Placeholders(ids.size()) + ")",
            params
        )
    );
    for (auto id : ids) {
        const bool found =
            std::any_of(rows.begin(), rows.end(), [&](const SqlRow& r) { return r.Int(0) == id; });
        if (!found) {
            missing.push_back(id);
        }
    }
    return missing;
}

Result<std::vector<LedgerEvent>> RecordHistory(
    TenantScope& scope, const RegisterSpec& spec, RecordId id
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT seq, at, actor_id, actor, action, before_json, after_json, prev_hash, hash "
            "FROM ledger WHERE tenant_id = ? AND subject = ? AND record_id = ? ORDER BY seq",
            {scope.tenant().value, spec.name, id.value}
        )
    );
    std::vector<LedgerEvent> events;
    for (const auto& row : rows) {
        LedgerEvent e;
        e.seq = row.Int(0);
        e.tenant = scope.tenant();
        e.at = ParseTimestamp(row.Text(1)).value_or(Timestamp{});
        e.actor = Actor{UserId{row.Int(2)}, row.Text(3)};
        e.action = row.Text(4);
        e.subject = spec.name;
        e.record_id = id.value;
        if (!row.IsNull(5)) {
            e.before = row.Text(5);
        }
        if (!row.IsNull(6)) {
            e.after = row.Text(6);
        }
        e.prev_hash = row.Text(7);
        e.hash = row.Text(8);
        events.push_back(std::move(e));
    }
    return events;
}

Result<Record> InsertRecord(WriteTx& tx, const RegisterSpec& spec, const schema::Draft& draft) {
    ISMS_TRY_ASSIGN(
        std::int64_t ref_num,
        tx.sql().QueryInt(
            "INSERT INTO ref_counters (tenant_id, register, next_ref) VALUES (?, ?, 1) "
            "ON CONFLICT (tenant_id, register) DO UPDATE SET next_ref = ref_counters.next_ref + 1 "
            "RETURNING next_ref",
            {tx.tenant().value, spec.name}
        )
    );
    Record r;
    r.ref = spec.ref_prefix + "-" + std::to_string(ref_num);
    r.created_at = r.updated_at = tx.now();
    r.created_by = r.updated_by = tx.actor().id;
    ApplyDraft(r, draft);
    std::string columns =
        "tenant_id, ref_num, ref, version, created_at, created_by, updated_at, "
        "updated_by, owner, tags, extra";
    SqlParams params{
        tx.tenant().value,
        ref_num,
        r.ref,
        r.version,
        FormatTimestamp(r.created_at),
        r.created_by.value,
        FormatTimestamp(r.updated_at),
        r.updated_by.value,
        r.owner ? SqlValue(r.owner->value) : SqlValue(std::monostate{}),
        json::serialize(r.tags),
        json::serialize(r.extra)};
    for (const FieldSpec& f : spec.fields) {
        columns += ", " + f.name;
    }
    for (auto& p : FieldParams(spec, r)) {
        params.push_back(std::move(p));
    }
    ISMS_TRY_ASSIGN(
        std::int64_t id,
        tx.sql().QueryInt(
            "INSERT INTO " + RegisterTable(spec) + " (" + columns + ") VALUES ("
                + Placeholders(params.size()) + ") RETURNING id",
            params
        )
    );
    ISMS_TRY_ASSIGN(Record stored, ReadBack(tx, spec, RecordId{id}));
    ISMS_TRY(BumpRegisterVersion(tx, spec.name));
    ISMS_TRY(tx.Append("created", spec.name, id, std::nullopt, RecordJsonText(spec, stored)));
    return stored;
}

Result<Record> UpdateRecord(
    WriteTx& tx,
    const RegisterSpec& spec,
    RecordId id,
    std::optional<std::int64_t> expected_version,
    const schema::Draft& draft
) {
    ISMS_TRY_ASSIGN(Record current, GetRecord(tx, spec, id));
    if (expected_version && *expected_version != current.version) {
        return Error::Stale(
            spec.name + " " + std::to_string(id.value) + " is at version "
            + std::to_string(current.version) + ", not " + std::to_string(*expected_version)
            + ": reload and retry"
        );
    }
    if (current.archived_at) {
        return Error::Conflict(current.ref + " is archived");
    }
    Record next = current;
    ApplyDraft(next, draft);
    const std::string before = RecordJsonText(spec, current);
    if (RecordJsonText(spec, next) == before) {
        return current;  // nothing changed: no new version, no ledger event
    }
    next.version = current.version + 1;
    next.updated_at = tx.now();
    next.updated_by = tx.actor().id;
    std::string sets =
        "version = ?, updated_at = ?, updated_by = ?, owner = ?, tags = ?, extra = ?";
    SqlParams params{
        next.version,
        FormatTimestamp(next.updated_at),
        next.updated_by.value,
        next.owner ? SqlValue(next.owner->value) : SqlValue(std::monostate{}),
        json::serialize(next.tags),
        json::serialize(next.extra)};
    for (const FieldSpec& f : spec.fields) {
        sets += ", " + f.name + " = ?";
    }
    for (auto& p : FieldParams(spec, next)) {
        params.push_back(std::move(p));
    }
    params.emplace_back(tx.tenant().value);
    params.emplace_back(id.value);
    params.emplace_back(current.version);
    ISMS_TRY_ASSIGN(
        std::int64_t changed,
        tx.sql().Exec(
            "UPDATE " + RegisterTable(spec) + " SET " + sets
                + " WHERE tenant_id = ? AND id = ? AND version = ?",
            params
        )
    );
    if (changed != 1) {
        return Error::Stale(spec.name + " " + std::to_string(id.value) + " changed concurrently");
    }
    ISMS_TRY_ASSIGN(Record stored, ReadBack(tx, spec, id));
    ISMS_TRY(BumpRegisterVersion(tx, spec.name));
    ISMS_TRY(tx.Append("updated", spec.name, id.value, before, RecordJsonText(spec, stored)));
    return stored;
}

Result<Record> ArchiveRecord(
    WriteTx& tx, const RegisterSpec& spec, RecordId id, std::optional<std::int64_t> expected_version
) {
    ISMS_TRY_ASSIGN(Record current, GetRecord(tx, spec, id));
    if (expected_version && *expected_version != current.version) {
        return Error::Stale(
            spec.name + " " + std::to_string(id.value) + " is at version "
            + std::to_string(current.version) + ", not " + std::to_string(*expected_version)
        );
    }
    if (current.archived_at) {
        return Error::Conflict(current.ref + " is already archived");
    }
    ISMS_TRY(tx.sql().Exec(
        "UPDATE " + RegisterTable(spec)
            + " SET archived_at = ?, version = version + 1, updated_at = ?, updated_by = ? "
              "WHERE tenant_id = ? AND id = ?",
        {FormatTimestamp(tx.now()),
         FormatTimestamp(tx.now()),
         tx.actor().id.value,
         tx.tenant().value,
         id.value}
    ));
    ISMS_TRY_ASSIGN(Record stored, ReadBack(tx, spec, id));
    ISMS_TRY(BumpRegisterVersion(tx, spec.name));
    ISMS_TRY(tx.Append(
        "archived", spec.name, id.value, RecordJsonText(spec, current), RecordJsonText(spec, stored)
    ));
    return stored;
}

Result<std::vector<FieldSpec>> LoadExtension(TenantScope& scope, const std::string& register_name) {
    ISMS_TRY_ASSIGN(
        auto rows,
        scope.sql().Query(
            "SELECT fields_json FROM register_extensions WHERE tenant_id = ? AND register = ?",
            {scope.tenant().value, register_name}
        )
    );
    std::vector<FieldSpec> fields;
    if (rows.empty()) {
        return fields;
    }
    ISMS_TRY_ASSIGN(json::value v, ParseJson(rows[0].Text(0)));
    if (!v.is_array()) {
        return Error::Internal("corrupt extension of " + register_name);
    }
    for (std::size_t i = 0; i < v.as_array().size(); ++i) {
        ISMS_TRY_ASSIGN(
            FieldSpec f, schema::FieldFromJson(v.as_array()[i], "fields[" + std::to_string(i) + "]")
        );
        fields.push_back(std::move(f));
    }
    return fields;
}

Status SaveExtension(
    WriteTx& tx, const std::string& register_name, const std::vector<FieldSpec>& fields
) {
    json::array list;
    for (const auto& f : fields) {
        list.push_back(schema::FieldToJson(f));
    }
    std::string text = json::serialize(list);
    ISMS_TRY_ASSIGN(
        auto before_rows,
        tx.sql().Query(
            "SELECT fields_json FROM register_extensions WHERE tenant_id = ? AND register = ?",
            {tx.tenant().value, register_name}
        )
    );
    std::optional<std::string> before;
    if (!before_rows.empty()) {
        before = before_rows[0].Text(0);
    }
    ISMS_TRY(tx.sql().Exec(
        "INSERT INTO register_extensions (tenant_id, register, fields_json) VALUES (?, ?, ?) "
        "ON CONFLICT (tenant_id, register) DO UPDATE SET fields_json = excluded.fields_json",
        {tx.tenant().value, register_name, text}
    ));
    ISMS_TRY(tx.Append("extension_saved", "schema:" + register_name, 0, before, text));
    return {};
}

}  // namespace isms::store
