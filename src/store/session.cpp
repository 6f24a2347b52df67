#include "store/session.hpp"

namespace isms::store {

Result<ReadSession> ReadSession::Open(Database& db, TenantId tenant) {
    ISMS_TRY_ASSIGN(ConnectionLease lease, db.Reader());
    // A cached statement on SQLite: every read request opens one.
    ISMS_TRY(lease->Exec(BeginReadSnapshot(lease->dialect()), {}));
    return ReadSession(std::move(lease), tenant);
}

ReadSession::ReadSession(ConnectionLease lease, TenantId tenant)
    : TenantScope(std::move(lease), tenant) {}

ReadSession::ReadSession(ReadSession&& other) noexcept
    : TenantScope(std::move(other)), open_(std::exchange(other.open_, false)) {}

ReadSession::~ReadSession() {
    if (open_) {
        static_cast<void>(sql().Exec("COMMIT", {}));
    }
}

Result<WriteTx> WriteTx::Begin(
    Database& db, TenantId tenant, Actor actor, const Clock& clock, const LedgerKey& key
) {
    ISMS_TRY_ASSIGN(ConnectionLease lease, db.Writer());
    return WriteTx(std::move(lease), tenant, std::move(actor), clock.Now(), key);
}

WriteTx::WriteTx(
    ConnectionLease lease, TenantId tenant, Actor actor, Timestamp now, const LedgerKey& key
)
    : TenantScope(std::move(lease), tenant), actor_(std::move(actor)), now_(now), key_(&key) {}

WriteTx::WriteTx(WriteTx&& other) noexcept
    : TenantScope(std::move(other)),
      actor_(std::move(other.actor_)),
      now_(other.now_),
      key_(other.key_),
      head_(std::move(other.head_)),
      appended_(other.appended_),
      open_(std::exchange(other.open_, false)) {}

WriteTx::~WriteTx() {
    if (open_) {
        static_cast<void>(sql().ExecScript("ROLLBACK"));
    }
}

Result<LedgerEvent> WriteTx::Append(
    std::string action,
    std::string subject,
    std::int64_t record_id,
    std::optional<std::string> before,
    std::optional<std::string> after
) {
    if (!head_) {
        ISMS_TRY_ASSIGN(
            auto rows, sql().Query("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1", {})
        );
        head_ = rows.empty()
                    ? std::pair<std::int64_t, std::string>{0, GenesisHash()}
                    : std::pair<std::int64_t, std::string>{rows[0].Int(0), rows[0].Text(1)};
    }
    LedgerEvent e;
    e.seq = head_->first + 1;
    e.tenant = tenant_;
    e.at = now_;
    e.actor = actor_;
    e.action = std::move(action);
    e.subject = std::move(subject);
    e.record_id = record_id;
    e.before = std::move(before);
    e.after = std::move(after);
    e.prev_hash = head_->second;
    e.hash = ChainHash(e.prev_hash, e);
    auto text_or_null = [](const std::optional<std::string>& s) -> SqlValue {
        return s ? SqlValue(*s) : SqlValue(std::monostate{});
    };
    ISMS_TRY(sql().Exec(
        "INSERT INTO ledger (seq, tenant_id, at, actor_id, actor, action, subject, record_id, "
        "before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {e.seq,
         e.tenant.value,
         FormatTimestamp(e.at),
         e.actor.id.value,
         e.actor.name,
         e.action,
         e.subject,
         e.record_id,
         text_or_null(e.before),
         text_or_null(e.after),
         e.prev_hash,
         e.hash}
    ));
    head_ = {e.seq, e.hash};
    appended_ = true;
    return e;
}

Status WriteTx::Commit() {
    if (appended_) {
        const std::string signature =
            crypto::Sign(key_->key, CheckpointMessage(head_->first, head_->second));
        ISMS_TRY(sql().Exec(
            "INSERT INTO ledger_checkpoints (seq, hash, signature, key_id, at) VALUES (?, ?, ?, ?, "
            "?)",
            {head_->first,
             head_->second,
             crypto::HexEncode(signature),
             key_->key_id,
             FormatTimestamp(now_)}
        ));
    }
    open_ = false;
    auto committed = sql().ExecScript("COMMIT");
    if (!committed) {
        static_cast<void>(sql().ExecScript("ROLLBACK"));
    }
    lease_.reset();  // let the next writer in while this object lives on
    return committed;
}

}  // namespace isms::store
