// The generic use cases of every register: list, get, create, patch, archive, history, CSV
// export and tenant custom fields. Each write runs the one write path (STYLE rule 10):
// permission → validation (declared rules, then references inside the tenant) → write → ledger,
// in one transaction. Domain modules add their own rules on top of these.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "records/record_rules.hpp"
#include "schema/registry.hpp"
#include "schema/validate.hpp"
#include "store/count_cache.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/session.hpp"

namespace isms::records {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

class RecordService {
public:
    RecordService(
        store::Database& db,
        const schema::Registry& registry,
        const Clock& clock,
        const store::LedgerKey& key
    );

    /// One page as {"items", "total", "limit", "offset"}, written as JSON text for the API.
    [[nodiscard]] Result<std::string> ListJson(
        const iam::Principal& who, std::string_view register_name, const QueryParams& params
    );
    /// ListJson as an object, for callers that read the page.
    [[nodiscard]] Result<json::object> List(
        const iam::Principal& who, std::string_view register_name, const QueryParams& params
    );
    [[nodiscard]] Result<json::object> Get(
        const iam::Principal& who, std::string_view register_name, RecordId id
    );
    [[nodiscard]] Result<json::object> Create(
        const iam::Principal& who, std::string_view register_name, const json::object& body
    );
    /// Creates many records in one transaction (bulk load, imports): all or nothing; errors
    /// name the item ("items[12].name"). Returns how many were created.
    [[nodiscard]] Result<std::int64_t> CreateMany(
        const iam::Principal& who,
        std::string_view register_name,
        const std::vector<json::object>& bodies
    );
    /// `expected_version` comes from If-Match; a patch without one is accepted (last writer wins
    /// is the client's explicit choice), a stale one is refused with kStaleVersion.
    [[nodiscard]] Result<json::object> Patch(
        const iam::Principal& who,
        std::string_view register_name,
        RecordId id,
        std::optional<std::int64_t> expected_version,
        const json::object& body
    );
    /// Create and Patch inside the caller's transaction, for a use case that writes several
    /// records at once (the caller commits).
    [[nodiscard]] Result<schema::Record> CreateIn(
        store::WriteTx& tx,
        const iam::Principal& who,
        std::string_view register_name,
        const json::object& body
    );
    [[nodiscard]] Result<schema::Record> PatchIn(
        store::WriteTx& tx,
        const iam::Principal& who,
        std::string_view register_name,
        RecordId id,
        std::optional<std::int64_t> expected_version,
        const json::object& body
    );
    [[nodiscard]] Result<json::object> Archive(
        const iam::Principal& who,
        std::string_view register_name,
        RecordId id,
        std::optional<std::int64_t> expected_version
    );
    [[nodiscard]] Result<json::object> History(
        const iam::Principal& who, std::string_view register_name, RecordId id
    );
    /// All records matching the list filters (no paging), as CSV.
    [[nodiscard]] Result<std::string> ExportCsv(
        const iam::Principal& who, std::string_view register_name, const QueryParams& params
    );

    /// The register declarations with this tenant's custom fields, for /api/v1/schema.
    [[nodiscard]] Result<json::object> Schema(const iam::Principal& who);
    [[nodiscard]] Result<json::object> SetExtension(
        const iam::Principal& who, std::string_view register_name, const json::value& body
    );

    [[nodiscard]] const schema::Registry& registry() const { return registry_; }

    /// Hooks `rules` to the writes of `register_name` (one set per register); `rules` must
    /// outlive the service. Call while wiring, before the first request.
    void SetRules(std::string_view register_name, RecordRules& rules);

private:
    [[nodiscard]] Result<const schema::RegisterSpec*> Find(std::string_view register_name) const;
    [[nodiscard]] Status CheckReferences(
        store::TenantScope& scope,
        const schema::RegisterSpec& spec,
        const std::vector<schema::FieldSpec>& extension,
        const schema::Draft& draft
    );

    store::Database& db_;
    const schema::Registry& registry_;
    const Clock& clock_;
    const store::LedgerKey& key_;
    [[nodiscard]] Status ApplyRules(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    );

    store::CountCache totals_;  // list totals, revalidated against register_versions
    std::map<std::string, RecordRules*, std::less<>> rules_;
};

}  // namespace isms::records
