#include "store/migrate.hpp"

#include <algorithm>
#include <functional>

#include "store/tenant_keys.hpp"

namespace isms::store {

namespace {

using schema::FieldType;

// Each step is a function of the dialect, so the same list serves SQLite and PostgreSQL.
const std::vector<std::function<std::string(Dialect)>>& Steps() {
    static const std::vector<std::function<std::string(Dialect)>> kSteps = {
        // 1: identity, tenancy, ledger
        [](Dialect d) {
            const std::string id = AutoIdColumn(d);
            return "CREATE TABLE tenants (id " + id + ", slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                   "created_at TEXT NOT NULL);"
                   "CREATE TABLE users (id " + id + ", email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                   "password_hash TEXT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0, "
                   "created_at TEXT NOT NULL, last_login_at TEXT);"
                   "CREATE TABLE memberships (tenant_id BIGINT NOT NULL REFERENCES tenants(id), "
                   "user_id BIGINT NOT NULL REFERENCES users(id), role TEXT NOT NULL, "
                   "PRIMARY KEY (tenant_id, user_id));"
                   "CREATE TABLE sessions (id " + id + ", token_hash TEXT NOT NULL UNIQUE, "
                   "tenant_id BIGINT NOT NULL REFERENCES tenants(id), "
                   "user_id BIGINT NOT NULL REFERENCES users(id), csrf_token TEXT NOT NULL, "
                   "created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL, "
                   "revoked_at TEXT);"
                   "CREATE TABLE api_tokens (id " + id + ", token_hash TEXT NOT NULL UNIQUE, "
                   "tenant_id BIGINT NOT NULL REFERENCES tenants(id), "
                   "user_id BIGINT NOT NULL REFERENCES users(id), name TEXT NOT NULL, "
                   "scope TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT, "
                   "last_used_at TEXT, revoked_at TEXT);"
                   "CREATE TABLE ledger (seq BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL, "
                   "at TEXT NOT NULL, actor_id BIGINT NOT NULL, actor TEXT NOT NULL, "
                   "action TEXT NOT NULL, subject TEXT NOT NULL, record_id BIGINT NOT NULL, "
                   "before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
                   "CREATE INDEX ledger_by_record ON ledger (tenant_id, subject, record_id, seq);"
                   "CREATE TABLE ledger_checkpoints (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, "
                   "signature TEXT NOT NULL, key_id TEXT NOT NULL, at TEXT NOT NULL);"
                   "CREATE TABLE ref_counters (tenant_id BIGINT NOT NULL, register TEXT NOT NULL, "
                   "next_ref BIGINT NOT NULL, PRIMARY KEY (tenant_id, register));"
                   "CREATE TABLE register_extensions (tenant_id BIGINT NOT NULL, "
                   "register TEXT NOT NULL, fields_json TEXT NOT NULL, "
                   "PRIMARY KEY (tenant_id, register));";
        },
        // 2: a version per (tenant, register), bumped by every record write, so list totals
        // can be cached and revalidated with one key lookup (store/count_cache.hpp)
        [](Dialect) {
            return std::string(
                "CREATE TABLE register_versions (tenant_id BIGINT NOT NULL, register TEXT NOT "
                "NULL, "
                "version BIGINT NOT NULL, PRIMARY KEY (tenant_id, register));"
            );
        },
        // 3: imported catalog libraries (src/catalog/): immutable documents, one row per
        // (tenant, urn, version); the ledger records each import with the document's SHA-256
        [](Dialect d) {
            return std::string("CREATE TABLE catalog_libraries (id ") + AutoIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, urn TEXT NOT NULL, version TEXT NOT NULL, "
                     "format TEXT NOT NULL, name TEXT NOT NULL, source TEXT NOT NULL, "
                     "sha256 TEXT NOT NULL, document TEXT NOT NULL, imported_at TEXT NOT NULL, "
                     "imported_by BIGINT NOT NULL, UNIQUE (tenant_id, urn, version));";
        },
        // 4: the risk module (src/risk/): every version of a tenant's risk method; residual
        // risk acceptances with their signed snapshot; FAIR loss models per risk
        [](Dialect d) {
            return std::string(
                       "CREATE TABLE risk_methods (tenant_id BIGINT NOT NULL, version BIGINT NOT "
                       "NULL, document TEXT NOT NULL, created_at TEXT NOT NULL, created_by "
                       "BIGINT NOT NULL, PRIMARY KEY (tenant_id, version));"
                       "CREATE TABLE risk_acceptances (id "
                   )
                   + AutoIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, risk_id BIGINT NOT NULL, "
                     "level TEXT NOT NULL, method_version BIGINT NOT NULL, snapshot TEXT NOT NULL, "
                     "snapshot_sha256 TEXT NOT NULL, signature TEXT NOT NULL, key_id TEXT NOT "
                     "NULL, approver BIGINT NOT NULL, accepted_at TEXT NOT NULL, comment TEXT NOT "
                     "NULL, expires_on TEXT NOT NULL, revoked_at TEXT, revoked_by BIGINT, "
                     "revoke_reason TEXT);"
                     "CREATE INDEX risk_acceptances_risk ON risk_acceptances (tenant_id, risk_id);"
                     "CREATE TABLE risk_loss_models (tenant_id BIGINT NOT NULL, risk_id BIGINT "
                     "NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by "
                     "BIGINT NOT NULL, PRIMARY KEY (tenant_id, risk_id));";
        },
        // 5: the compliance module (src/compliance/): manual Statement of Applicability
        // decisions per Annex A control; issued SoA versions, whole and signed
        [](Dialect d) {
            return std::string("CREATE TABLE soa_decisions (id ") + AutoIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, control_urn TEXT NOT NULL, document TEXT NOT "
                     "NULL, updated_at TEXT NOT NULL, updated_by BIGINT NOT NULL, "
                     "UNIQUE (tenant_id, control_urn));"
                     "CREATE TABLE soa_versions (tenant_id BIGINT NOT NULL, version BIGINT NOT "
                     "NULL, document TEXT NOT NULL, sha256 TEXT NOT NULL, signature TEXT NOT "
                     "NULL, key_id TEXT NOT NULL, issued_at TEXT NOT NULL, issued_by BIGINT NOT "
                     "NULL, comment TEXT NOT NULL, PRIMARY KEY (tenant_id, version));";
        },
        // 6: evidence (src/evidence/): every uploaded revision of an evidence file; which
        // issued SoA versions and assessment results cite an evidence record. Compliance
        // assessments (src/compliance/): one result per assessed requirement
        [](Dialect d) {
            return std::string("CREATE TABLE evidence_revisions (id ") + AutoIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, evidence_id BIGINT NOT NULL, revision BIGINT "
                     "NOT NULL, sha256 TEXT NOT NULL, document TEXT NOT NULL, "
                     "UNIQUE (tenant_id, evidence_id, revision));"
                     "CREATE TABLE evidence_citations (tenant_id BIGINT NOT NULL, evidence_id "
                     "BIGINT NOT NULL, source TEXT NOT NULL, label TEXT NOT NULL, "
                     "PRIMARY KEY (tenant_id, evidence_id, source));"
                     "CREATE INDEX evidence_citations_source ON evidence_citations "
                     "(tenant_id, source);"
                     "CREATE TABLE assessment_results (id "
                   + AutoIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, assessment_id BIGINT NOT NULL, "
                     "requirement_urn TEXT NOT NULL, result TEXT NOT NULL, document TEXT NOT "
                     "NULL, UNIQUE (tenant_id, assessment_id, requirement_urn));";
        },
        // 7: log-on throttling (src/iam/login_throttle.hpp): failed log-ons per account and per
        // source address, and how long each is locked
        [](Dialect) {
            return std::string(
                "CREATE TABLE login_throttle (key TEXT PRIMARY KEY, failures BIGINT NOT NULL, "
                "last_failure_at TEXT NOT NULL, locked_until TEXT);"
            );
        },
        // 8: the source address a session logged on from, shown when a user lists sessions
        [](Dialect) { return std::string("ALTER TABLE sessions ADD COLUMN remote TEXT;"); },
        // 9: multi-factor authentication (src/iam/iam_mfa.cpp): each user's TOTP secret,
        // sealed with keys/secrets.key, and the last time step a code was accepted for; the
        // recovery codes, SHA-256 only; which members an organization requires MFA of
        [](Dialect d) {
            return std::string(
                       "CREATE TABLE mfa_factors (user_id BIGINT PRIMARY KEY REFERENCES "
                       "users(id), secret_sealed TEXT NOT NULL, created_at TEXT NOT NULL, "
                       "confirmed_at TEXT, last_step BIGINT NOT NULL DEFAULT 0);"
                       "CREATE TABLE mfa_recovery_codes (id "
                   )
                   + AutoIdColumn(d)
                   + ", user_id BIGINT NOT NULL REFERENCES users(id), code_hash TEXT NOT NULL, "
                     "created_at TEXT NOT NULL, used_at TEXT);"
                     "CREATE INDEX mfa_recovery_codes_user ON mfa_recovery_codes (user_id, "
                     "code_hash);"
                     "ALTER TABLE tenants ADD COLUMN mfa_required_for TEXT NOT NULL DEFAULT "
                     "'nobody';";
        },
        // 10: tenant_id leads every key of a tenant-owned table, so a tenant-sharded PostgreSQL
        // can distribute it (store/tenant_keys.hpp, docs/adr/0005-tenant-leading-keys.md)
        [](Dialect d) { return TenantLeadingKeysStep(d); },
        // 11: context (src/context/): every version of an organization's ISMS scope statement
        // (4.3), whole; the newest is the current one
        [](Dialect) {
            return std::string(
                "CREATE TABLE scope_versions (tenant_id BIGINT NOT NULL, version BIGINT NOT NULL, "
                "document TEXT NOT NULL, created_at TEXT NOT NULL, created_by BIGINT NOT NULL, "
                "PRIMARY KEY (tenant_id, version));"
            );
        },
        // 12: management reviews (src/assurance/review_service.hpp): the inputs of a review,
        // compiled once, frozen, hashed and signed with the instance key
        [](Dialect) {
            return std::string(
                "CREATE TABLE review_snapshots (tenant_id BIGINT NOT NULL, review_id BIGINT NOT "
                "NULL, document TEXT NOT NULL, sha256 TEXT NOT NULL, signature TEXT NOT NULL, "
                "key_id TEXT NOT NULL, compiled_at TEXT NOT NULL, compiled_by BIGINT NOT NULL, "
                "PRIMARY KEY (tenant_id, review_id));"
            );
        },
        // 13: reminders (src/notifications/): what each member has read or dismissed, by
        // reminder key (register.record.field.day); the daily digests sent, one per member a day
        [](Dialect d) {
            return std::string("CREATE TABLE notification_state (id ") + TenantIdColumn(d)
                   + ", tenant_id BIGINT NOT NULL, user_id BIGINT NOT NULL, key TEXT NOT NULL, "
                     "read_at TEXT, dismissed_at TEXT, UNIQUE (tenant_id, user_id, key)"
                   + TenantPrimaryKey(d) + ");"
                     "CREATE TABLE notification_digests (tenant_id BIGINT NOT NULL, user_id "
                     "BIGINT NOT NULL, day TEXT NOT NULL, sent_at TEXT NOT NULL, subject TEXT NOT "
                     "NULL, PRIMARY KEY (tenant_id, user_id, day));";
        },
        // 14: context (src/context/scope_service.hpp): top management's approval of a scope
        // statement version, whole and signed with the instance key; at most one per version
        [](Dialect) {
            return std::string(
                "CREATE TABLE scope_approvals (tenant_id BIGINT NOT NULL, version BIGINT NOT "
                "NULL, document TEXT NOT NULL, approved_at TEXT NOT NULL, approved_by BIGINT NOT "
                "NULL, PRIMARY KEY (tenant_id, version));"
            );
        },
    };
    return kSteps;
}

// Lists filter live records (archived_at IS NULL) of one tenant by one field and page by id,
// so (tenant_id, archived_at, field, id) answers both the page and its COUNT from the index.
std::string IndexSql(const std::string& table, const std::string& column) {
    return "CREATE INDEX IF NOT EXISTS " + table + "_" + column + " ON " + table
           + " (tenant_id, archived_at, " + column + ", id)";
}

// Short coded values are filtered often; so are computed values such as a risk's level, which
// only the domain rules write.
bool Indexed(const schema::FieldSpec& f) {
    const FieldType t = f.type;
    return f.computed || t == FieldType::kEnum || t == FieldType::kReference
           || t == FieldType::kUser || t == FieldType::kDate || t == FieldType::kInt
           || t == FieldType::kBool;
}

}  // namespace

int LatestSchemaVersion() {
    return static_cast<int>(Steps().size());
}

std::string SystemStepSql(int version, Dialect dialect) {
    return Steps().at(static_cast<std::size_t>(version - 1))(dialect);
}

std::string RegisterTable(const schema::RegisterSpec& spec) {
    return "r_" + spec.name;
}

const char* ColumnType(FieldType type) {
    switch (type) {
        case FieldType::kText:
        case FieldType::kMarkdown:
        case FieldType::kEnum:
        case FieldType::kDate:
        case FieldType::kDateTime:
        case FieldType::kReferenceList:
        case FieldType::kTextList:
            return "TEXT";
        case FieldType::kInt:
        case FieldType::kBool:
        case FieldType::kReference:
        case FieldType::kUser:
            return "BIGINT";
        case FieldType::kDecimal:
            return "DOUBLE PRECISION";
    }
    return "TEXT";
}

Result<MigrationReport> Migrate(Database& db, const schema::Registry& registry) {
    ISMS_TRY_ASSIGN(ConnectionLease conn, db.Writer());
    bool committed = false;
    struct Rollback {
        Connection& c;
        bool& done;
        ~Rollback() {
            if (!done) {
                static_cast<void>(c.ExecScript("ROLLBACK"));
            }
        }
    } rollback{*conn, committed};

    MigrationReport report;
    ISMS_TRY(conn->ExecScript("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
    );
    ISMS_TRY_ASSIGN(auto rows, conn->Query("SELECT MAX(version) FROM schema_version", {}));
    const int current = rows.empty() || rows[0].IsNull(0) ? 0 : static_cast<int>(rows[0].Int(0));
    report.from_version = current;
    if (current > LatestSchemaVersion()) {
        return Error::Conflict(
            "database schema version " + std::to_string(current) + " is newer than this isms ("
            + std::to_string(LatestSchemaVersion()) + "); upgrade isms"
        );
    }
    for (int v = current; v < LatestSchemaVersion(); ++v) {
        ISMS_TRY(conn->ExecScript(SystemStepSql(v + 1, conn->dialect())));
        ISMS_TRY(
            conn->Exec("INSERT INTO schema_version (version) VALUES (?)", {std::int64_t{v + 1}})
        );
        report.changes.push_back("system schema step " + std::to_string(v + 1));
    }
    report.to_version = LatestSchemaVersion();

    for (const schema::RegisterSpec& spec : registry.All()) {
        const std::string table = RegisterTable(spec);
        ISMS_TRY_ASSIGN(auto columns, conn->Columns(table));
        if (columns.empty()) {
            std::string ddl = "CREATE TABLE " + table + " (id " + TenantIdColumn(conn->dialect())
                            + ", tenant_id BIGINT NOT NULL REFERENCES tenants(id), "
                              "ref_num BIGINT NOT NULL, ref TEXT NOT NULL, version BIGINT NOT NULL, "
                              "created_at TEXT NOT NULL, created_by BIGINT NOT NULL, "
                              "updated_at TEXT NOT NULL, updated_by BIGINT NOT NULL, owner BIGINT, "
                              "tags TEXT NOT NULL, extra TEXT NOT NULL, archived_at TEXT";
            for (const auto& f : spec.fields) {
                ddl += ", " + f.name + " " + ColumnType(f.type);
            }
            ddl += std::string(", UNIQUE (tenant_id, ref_num)") + TenantPrimaryKey(conn->dialect())
                   + ")";
            ISMS_TRY(conn->ExecScript(ddl));
            report.changes.push_back("created table " + table);
            columns.emplace_back("id");
        } else {
            ISMS_TRY_ASSIGN(const bool rekeyed, LeadPrimaryKeyWithTenant(*conn, table));
            if (rekeyed) {
                report.changes.push_back("primary key of " + table + " is (tenant_id, id)");
            }
            for (const auto& f : spec.fields) {
                if (std::find(columns.begin(), columns.end(), f.name) == columns.end()) {
                    ISMS_TRY(conn->ExecScript(
                        "ALTER TABLE " + table + " ADD COLUMN " + f.name + " " + ColumnType(f.type)
                    ));
                    report.changes.push_back("added column " + table + "." + f.name);
                }
            }
        }
        ISMS_TRY(conn->ExecScript(
            "CREATE INDEX IF NOT EXISTS " + table + "_live ON " + table
            + " (tenant_id, archived_at, id)"
        ));
        ISMS_TRY(conn->ExecScript(IndexSql(table, "updated_at")));
        ISMS_TRY(conn->ExecScript(IndexSql(table, "owner")));
        for (const auto& f : spec.fields) {
            if (Indexed(f)) {
                ISMS_TRY(conn->ExecScript(IndexSql(table, f.name)));
            }
        }
    }
    ISMS_TRY(conn->ExecScript("COMMIT"));
    committed = true;
    return report;
}

}  // namespace isms::store
