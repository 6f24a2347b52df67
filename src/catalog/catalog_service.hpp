// Use cases over the catalog: browse frameworks and requirements, import libraries (all or
// nothing, every problem reported, idempotent per URN and version, recorded in the ledger),
// diff versions, list mapping sets and answer coverage questions through them. Built-ins are
// shared by every tenant; imports belong to the tenant that made them.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/import_files.hpp"
#include "core/clock.hpp"
#include "core/json.hpp"
#include "iam/principal.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::catalog {

struct RequirementQuery {
    std::string q;      // case-insensitive text in ref_id, name or description
    std::string group;  // a Group id ("annex-a")
    bool assessable_only = false;
    std::int64_t limit = 100;  // 1..1000
    std::int64_t offset = 0;
};

class CatalogService {
public:
    CatalogService(store::Database& db, const Clock& clock, const store::LedgerKey& key);

    /// What `tenant` sees: built-ins plus its imports, rebuilt only after an import.
    [[nodiscard]] Result<std::shared_ptr<const Catalog>> View(TenantId tenant);

    /// {"items": [framework summary…], "total"}; every version of every framework.
    [[nodiscard]] Result<json::object> ListFrameworks(const iam::Principal& who);
    /// One framework (newest version unless `version` is given) with its requirement tree.
    [[nodiscard]] Result<json::object> GetFramework(
        const iam::Principal& who, std::string_view urn, std::string_view version
    );
    /// A flat, filtered page of a framework's requirements.
    [[nodiscard]] Result<json::object> Requirements(
        const iam::Principal& who,
        std::string_view urn,
        std::string_view version,
        const RequirementQuery& query
    );
    /// {"items": [mapping set summary…]}.
    [[nodiscard]] Result<json::object> ListMappings(const iam::Principal& who);
    /// Coverage of framework `to` from framework `from` (see coverage.hpp). `satisfied` lists
    /// source requirement URNs or ref_ids counted as met; empty means all assessable ones.
    [[nodiscard]] Result<json::object> Coverage(
        const iam::Principal& who,
        std::string_view from,
        std::string_view to,
        const std::vector<std::string>& satisfied,
        int max_hops
    );
    /// Imports one batch of files (libraries may depend on each other within the batch).
    /// Returns {"libraries": [{urn, version, status: "created"|"unchanged", counts, diff?}],
    /// "notices": [...]}. Any problem in any file: nothing is imported.
    [[nodiscard]] Result<json::object> Import(
        const iam::Principal& who,
        const std::vector<ImportFile>& files,
        const ImportOptions& options
    );
    /// Requirements added, removed and changed between two versions of a framework.
    [[nodiscard]] Result<json::object> Diff(
        const iam::Principal& who,
        std::string_view framework_urn,
        std::string_view from_version,
        std::string_view to_version
    );

private:
    struct CachedView {
        std::int64_t stamp = -1;  // imports of the tenant when the view was built
        std::shared_ptr<const Catalog> catalog;
    };

    store::Database& db_;
    const Clock& clock_;
    const store::LedgerKey& key_;
    std::mutex mutex_;  // guards views_
    std::unordered_map<std::int64_t, CachedView> views_;
};

}  // namespace isms::catalog
