// Tenant-scoped access to the store. A ReadSession or WriteTx is opened for exactly one tenant
// and every record operation (store/records.hpp) takes one, so no record query can forget the
// tenant. A WriteTx is the one write path: it appends ledger events in the same transaction,
// signs the new chain head on commit, and rolls back when destroyed uncommitted.
#pragma once

#include <optional>
#include <string>

#include "core/assert.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::store {

class TenantScope {
public:
    [[nodiscard]] TenantId tenant() const { return tenant_; }
    /// Raw SQL for module-specific queries; such SQL must filter by tenant() itself.
    [[nodiscard]] Connection& sql() const {
        ISMS_CHECK(lease_.has_value(), "store session used after it ended");
        return **lease_;
    }

protected:
    TenantScope(ConnectionLease lease, TenantId tenant)
        : lease_(std::move(lease)), tenant_(tenant) {}
    ~TenantScope() = default;
    TenantScope(TenantScope&&) noexcept = default;

    std::optional<ConnectionLease> lease_;  // empty once a WriteTx has committed
    TenantId tenant_;
};

/// A consistent read snapshot for one tenant.
class ReadSession final : public TenantScope {
public:
    [[nodiscard]] static Result<ReadSession> Open(Database& db, TenantId tenant);
    ReadSession(ReadSession&& other) noexcept;
    ReadSession& operator=(ReadSession&&) = delete;
    ~ReadSession();

private:
    ReadSession(ConnectionLease lease, TenantId tenant);
    bool open_ = true;
};

class WriteTx final : public TenantScope {
public:
    /// Begins a write transaction for `tenant` (0 for instance-wide changes) on behalf of `actor`.
    [[nodiscard]] static Result<WriteTx> Begin(
        Database& db, TenantId tenant, Actor actor, const Clock& clock, const LedgerKey& key
    );
    WriteTx(WriteTx&& other) noexcept;
    WriteTx& operator=(WriteTx&&) = delete;
    ~WriteTx();

    [[nodiscard]] const Actor& actor() const { return actor_; }
    [[nodiscard]] Timestamp now() const { return now_; }

    /// Appends an event (seq, tenant, time, actor and hashes are filled in) and returns it.
    [[nodiscard]] Result<LedgerEvent> Append(
        std::string action,
        std::string subject,
        std::int64_t record_id,
        std::optional<std::string> before,
        std::optional<std::string> after
    );
    /// Signs the chain head and commits, then hands the writer connection back: the WriteTx
    /// must not be used afterwards. After a failed commit the transaction is rolled back.
    [[nodiscard]] Status Commit();

private:
    WriteTx(
        ConnectionLease lease, TenantId tenant, Actor actor, Timestamp now, const LedgerKey& key
    );

    Actor actor_;
    Timestamp now_;
    const LedgerKey* key_;
    std::optional<std::pair<std::int64_t, std::string>> head_;  // seq, hash after our appends
    bool appended_ = false;
    bool open_ = true;
};

}  // namespace isms::store
