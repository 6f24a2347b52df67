#include "store/ledger_verify.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/crypto.hpp"
#include "store/ledger.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::store {

namespace {

constexpr std::string_view kCatalogLibraries = "catalog_libraries";

constexpr std::int64_t kPage = 20000;

struct RecordKey {
    std::string subject;
    std::int64_t id;
    bool operator==(const RecordKey&) const = default;
};

struct RecordKeyHash {
    std::size_t operator()(const RecordKey& k) const {
        return std::hash<std::string>{}(k.subject) * 31 + std::hash<std::int64_t>{}(k.id);
    }
};

struct LastState {
    std::int64_t tenant;
    std::int64_t seq;
    std::optional<std::string> after;
    bool seen_row = false;
};

using StateMap = std::unordered_map<RecordKey, LastState, RecordKeyHash>;

/// Roles are security state: each membership row must match its last ledger event too.
RecordKey MembershipKey(std::int64_t tenant, std::int64_t user) {
    return RecordKey{"memberships:" + std::to_string(tenant), user};
}

/// A side table of (tenant_id, id, document) rows, each of which must be the exact text of its
/// last ledger event (subject = table name); a row whose last event removed it must be gone.
struct DocumentTable {
    const char* table;
    const char* id_column;
    const char* noun;   // how a row is named in a problem: "<noun> <id> of organization <t>"
    const char* thing;  // "(<thing> edited outside isms?)"
};

constexpr DocumentTable kDocumentTables[] = {
    {"risk_methods", "version", "risk method version", "method"},
    {"risk_loss_models", "risk_id", "the loss model of risk", "model"},
    {"soa_decisions", "id", "SoA decision", "decision"},
    {"soa_versions", "version", "issued SoA version", "SoA"},
    {"evidence_revisions", "id", "evidence revision", "revision"},
    {"assessment_results", "id", "assessment result", "result"},
    {"scope_versions", "version", "scope statement version", "scope"},
    {"scope_approvals", "version", "the approval of scope statement version", "approval"},
    {"review_snapshots", "review_id", "the compiled inputs of management review", "snapshot"},
};

bool IsDocumentTable(std::string_view subject) {
    return std::any_of(
        std::begin(kDocumentTables),
        std::end(kDocumentTables),
        [&](const DocumentTable& t) { return subject == t.table; }
    );
}

/// Document rows are numbered per tenant (method versions) or keyed by a record of the tenant.
RecordKey DocumentKey(std::string_view table, std::int64_t tenant, std::int64_t id) {
    return RecordKey{std::string(table) + ":" + std::to_string(tenant), id};
}

/// True when the stored row says what the ledger's last `after` says. Fields declared after
/// the event was written are absent from it and must be null in the row.
bool SameState(const json::object& row, const std::string& after_text) {
    auto after = ParseJson(after_text);
    if (!after || !after->is_object()) {
        return false;
    }
    const json::object& logged = after->as_object();
    for (const auto& [key, value] : logged) {
        const json::value* current = row.if_contains(key);
        if (current == nullptr || *current != value) {
            return false;
        }
    }
    for (const auto& [key, value] : row) {
        if (!logged.contains(key) && !value.is_null()) {
            return false;
        }
    }
    return true;
}

void Fail(VerifyReport& r, std::int64_t seq, std::string problem) {
    r.ok = false;
    r.bad_seq = seq;
    r.problem = std::move(problem);
}

/// Step 1; fills `hashes` (seq → hash, for checkpoint checks) and `states` when given.
Status WalkChain(
    Connection& conn,
    VerifyReport& report,
    std::vector<std::string>* hashes,
    StateMap* states,
    const schema::Registry* registry
) {
    std::string prev = GenesisHash();
    std::int64_t expected = 1;
    while (report.ok) {
        ISMS_TRY_ASSIGN(
            auto rows,
            conn.Query(
                "SELECT seq, tenant_id, at, actor_id, actor, action, subject, record_id, "
                "before_json, after_json, prev_hash, hash FROM ledger WHERE seq >= ? "
                "ORDER BY seq LIMIT ?",
                {expected, kPage}
            )
        );
        if (rows.empty()) {
            break;
        }
        for (const auto& row : rows) {
            LedgerEvent e;
            e.seq = row.Int(0);
            if (e.seq != expected) {
                Fail(
                    report,
                    expected,
                    "event " + std::to_string(expected)
                        + " is missing: the chain has a gap (deleted row?)"
                );
                return {};
            }
            e.tenant = TenantId{row.Int(1)};
            auto at = ParseTimestamp(row.Text(2));
            if (!at) {
                Fail(report, e.seq, "event " + std::to_string(e.seq) + " has a malformed time");
                return {};
            }
            e.at = *at;
            e.actor = Actor{UserId{row.Int(3)}, row.Text(4)};
            e.action = row.Text(5);
            e.subject = row.Text(6);
            e.record_id = row.Int(7);
            if (!row.IsNull(8)) {
                e.before = row.Text(8);
            }
            if (!row.IsNull(9)) {
                e.after = row.Text(9);
            }
            const std::string& stored_prev = row.Text(10);
            const std::string& stored_hash = row.Text(11);
            if (stored_prev != prev) {
                Fail(
                    report,
                    e.seq,
                    "event " + std::to_string(e.seq) + ": prev_hash does not link to event "
                        + std::to_string(e.seq - 1)
                );
                return {};
            }
            if (ChainHash(prev, e) != stored_hash) {
                Fail(
                    report,
                    e.seq,
                    "event " + std::to_string(e.seq)
                        + ": hash does not match its content (event altered)"
                );
                return {};
            }
            if (hashes != nullptr) {
                hashes->push_back(stored_hash);
            }
            if (states != nullptr && registry->Find(e.subject) != nullptr) {
                (*states)[RecordKey{e.subject, e.record_id}] =
                    LastState{e.tenant.value, e.seq, std::move(e.after), false};
            } else if (states != nullptr && e.subject == kCatalogLibraries) {
                (*states)[RecordKey{e.subject, e.record_id}] =
                    LastState{e.tenant.value, e.seq, std::move(e.after), false};
            } else if (states != nullptr && e.subject == "memberships") {
                (*states)[MembershipKey(e.tenant.value, e.record_id)] =
                    LastState{e.tenant.value, e.seq, std::move(e.after), false};
            } else if (states != nullptr && IsDocumentTable(e.subject)) {
                const RecordKey key = DocumentKey(e.subject, e.tenant.value, e.record_id);
                if (e.after) {
                    (*states)[key] = LastState{e.tenant.value, e.seq, std::move(e.after), false};
                } else {
                    states->erase(key);  // deleted: no row may remain (checked below)
                }
            }
            prev = stored_hash;
            ++expected;
            ++report.events;
        }
    }
    report.head_seq = expected - 1;
    report.head_hash = prev;
    return {};
}

Status CheckCheckpoints(
    Connection& conn,
    const std::string& public_key,
    const std::vector<std::string>& hashes,
    VerifyReport& report
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        conn.Query("SELECT seq, hash, signature, key_id FROM ledger_checkpoints ORDER BY seq", {})
    );
    const std::string key_id = KeyId(public_key);
    report.checkpoints = static_cast<std::int64_t>(rows.size());
    if (report.head_seq == 0) {
        return {};
    }
    if (rows.empty()) {
        Fail(report, 1, "no signed checkpoint: the chain head is not signed");
        return {};
    }
    for (const auto& row : rows) {
        const std::int64_t seq = row.Int(0);
        if (seq < 1 || seq > report.head_seq) {
            Fail(
                report,
                seq,
                "checkpoint at event " + std::to_string(seq) + " but the chain ends at "
                    + std::to_string(report.head_seq) + " (events removed?)"
            );
            return {};
        }
        if (row.Text(3) != key_id) {
            Fail(
                report,
                seq,
                "checkpoint at event " + std::to_string(seq) + " was signed by key " + row.Text(3)
                    + ", not this instance's key " + key_id + " (key replaced?)"
            );
            return {};
        }
        if (hashes[static_cast<std::size_t>(seq - 1)] != row.Text(1)) {
            Fail(
                report,
                seq,
                "checkpoint at event " + std::to_string(seq)
                    + " does not match the chain (events rewritten?)"
            );
            return {};
        }
    }
    const auto& last = rows.back();
    const std::int64_t last_seq = last.Int(0);
    auto signature = crypto::HexDecode(last.Text(2));
    if (!signature
        || !crypto::VerifySignature(
            public_key, CheckpointMessage(last_seq, last.Text(1)), *signature
        )) {
        Fail(
            report,
            last_seq,
            "checkpoint at event " + std::to_string(last_seq)
                + ": signature is not valid for this instance's key"
        );
        return {};
    }
    if (last_seq != report.head_seq) {
        Fail(
            report,
            last_seq + 1,
            "events after " + std::to_string(last_seq) + " are not covered by a signed checkpoint"
        );
    }
    return {};
}

Status CheckState(
    Connection& conn, const schema::Registry& registry, StateMap& states, VerifyReport& report
) {
    // Pages follow the primary key: the rowid on SQLite, (tenant_id, id) on PostgreSQL.
    const bool by_tenant = conn.dialect() == Dialect::kPostgres;
    for (const schema::RegisterSpec& spec : registry.All()) {
        std::int64_t last_tenant = 0;
        std::int64_t last_id = 0;
        while (report.ok) {
            const std::string select =
                "SELECT " + RecordColumns(spec) + ", tenant_id FROM " + RegisterTable(spec);
            ISMS_TRY_ASSIGN(
                auto rows,
                by_tenant
                    ? conn.Query(
                        select + " WHERE (tenant_id, id) > (?, ?) ORDER BY tenant_id, id LIMIT ?",
                        {last_tenant, last_id, kPage}
                    )
                    : conn.Query(select + " WHERE id > ? ORDER BY id LIMIT ?", {last_id, kPage})
            );
            if (rows.empty()) {
                break;
            }
            for (const auto& row : rows) {
                last_id = row.Int(0);
                last_tenant = row.Int(row.values.size() - 1);
                const std::string where = spec.name + " row " + std::to_string(last_id);
                auto it = states.find(RecordKey{spec.name, last_id});
                if (it == states.end()) {
                    Fail(report, 0, where + " has no ledger event (written outside isms?)");
                    return {};
                }
                it->second.seen_row = true;
                auto record = RecordFromRow(spec, row);
                if (!record || last_tenant != it->second.tenant || !it->second.after
                    || !SameState(schema::RecordToJson(spec, *record), *it->second.after)) {
                    Fail(
                        report,
                        it->second.seq,
                        where + " differs from its last ledger event "
                            + std::to_string(it->second.seq) + " (row edited outside isms?)"
                    );
                    return {};
                }
                ++report.records;
            }
        }
    }
    ISMS_TRY_ASSIGN(
        auto members, conn.Query("SELECT tenant_id, user_id, role FROM memberships", {})
    );
    for (const auto& row : members) {
        if (!report.ok) {
            break;
        }
        const std::string where = "membership of user " + std::to_string(row.Int(1))
                                  + " in organization " + std::to_string(row.Int(0));
        auto it = states.find(MembershipKey(row.Int(0), row.Int(1)));
        if (it == states.end()) {
            Fail(report, 0, where + " has no ledger event (written outside isms?)");
            break;
        }
        it->second.seen_row = true;
        const json::object expected{{"user", row.Int(1)}, {"role", row.Text(2)}};
        if (!it->second.after || !SameState(expected, *it->second.after)) {
            Fail(
                report,
                it->second.seq,
                where + " differs from its last ledger event " + std::to_string(it->second.seq)
                    + " (role edited outside isms?)"
            );
        }
    }
    for (const DocumentTable& table : kDocumentTables) {
        ISMS_TRY_ASSIGN(
            auto rows,
            conn.Query(
                std::string("SELECT tenant_id, ") + table.id_column + ", document FROM "
                    + table.table,
                {}
            )
        );
        for (const auto& row : rows) {
            if (!report.ok) {
                break;
            }
            const std::string where = std::string(table.noun) + " " + std::to_string(row.Int(1))
                                      + " of organization " + std::to_string(row.Int(0));
            auto it = states.find(DocumentKey(table.table, row.Int(0), row.Int(1)));
            if (it == states.end()) {
                Fail(report, 0, where + " has no ledger event (written outside isms?)");
                break;
            }
            it->second.seen_row = true;
            if (it->second.after != row.Text(2)) {
                Fail(
                    report,
                    it->second.seq,
                    where + " differs from its ledger event " + std::to_string(it->second.seq)
                        + " (" + table.thing + " edited outside isms?)"
                );
            }
        }
    }
    // Imported catalog libraries are immutable: each stored document must hash to the SHA-256
    // its import event recorded.
    ISMS_TRY_ASSIGN(
        auto libraries, conn.Query("SELECT id, tenant_id, document FROM catalog_libraries", {})
    );
    for (const auto& row : libraries) {
        if (!report.ok) {
            break;
        }
        const std::string where = "catalog library " + std::to_string(row.Int(0));
        auto it = states.find(RecordKey{std::string(kCatalogLibraries), row.Int(0)});
        if (it == states.end()) {
            Fail(report, 0, where + " has no ledger event (written outside isms?)");
            break;
        }
        it->second.seen_row = true;
        const std::string sha256 = crypto::HexEncode(crypto::Sha256(row.Text(2)));
        auto recorded =
            it->second.after ? ParseJson(*it->second.after) : Result<json::value>(json::value());
        const bool same = recorded && recorded->is_object() && row.Int(1) == it->second.tenant
                          && StringOr(recorded->get_object(), "sha256") == sha256;
        if (!same) {
            Fail(
                report,
                it->second.seq,
                where + " differs from its import event " + std::to_string(it->second.seq)
                    + " (document edited outside isms?)"
            );
        }
    }
    for (const auto& [key, state] : states) {
        if (!state.seen_row && report.ok) {
            Fail(
                report,
                state.seq,
                key.subject + " row " + std::to_string(key.id)
                    + " is in the ledger but missing from the table (deleted?)"
            );
        }
    }
    return {};
}

}  // namespace

Result<VerifyReport> VerifyLedger(
    Database& db, const std::string& public_key, const schema::Registry& registry
) {
    ISMS_TRY_ASSIGN(ConnectionLease conn, db.Reader());
    ISMS_TRY(conn->ExecScript(BeginReadSnapshot(conn->dialect())));
    VerifyReport report;
    std::vector<std::string> hashes;
    StateMap states;
    auto result = [&]() -> Status {
        ISMS_TRY(WalkChain(*conn, report, &hashes, &states, &registry));
        if (report.ok) {
            ISMS_TRY(CheckCheckpoints(*conn, public_key, hashes, report));
        }
        if (report.ok) {
            ISMS_TRY(CheckState(*conn, registry, states, report));
        }
        return {};
    }();
    static_cast<void>(conn->ExecScript("COMMIT"));
    ISMS_TRY(result);
    return report;
}

Status CheckSigningKey(Database& db, const LedgerKey& key) {
    ISMS_TRY_ASSIGN(ConnectionLease conn, db.Reader());
    ISMS_TRY_ASSIGN(
        auto rows,
        conn->Query("SELECT key_id FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1", {})
    );
    if (!rows.empty() && rows[0].Text(0) != key.key_id) {
        return Error::Conflict(
            "the ledger is signed with key " + rows[0].Text(0) + ", but keys/ledger.key is "
            + key.key_id + ": every server of this database needs the same keys/ directory"
        );
    }
    return {};
}

Result<VerifyReport> VerifyChain(Database& db) {
    ISMS_TRY_ASSIGN(ConnectionLease conn, db.Reader());
    VerifyReport report;
    ISMS_TRY(WalkChain(*conn, report, nullptr, nullptr, nullptr));
    return report;
}

}  // namespace isms::store
