// What the compliance services use: the store, the register declarations, the clock, the
// ledger key and the tenant catalogs. Built once by the composition root.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "catalog/catalog_service.hpp"
#include "core/clock.hpp"
#include "core/stamped_cache.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::compliance {

struct ComplianceDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    catalog::CatalogService& catalog;
};

/// What a cached derivation was made from: register versions (store::RegisterVersionStamp,
/// perhaps with the day) and the tenant's catalog view, which the entry also keeps alive.
using CatalogStamp = std::pair<std::string, std::shared_ptr<const catalog::Catalog>>;

}  // namespace isms::compliance
