// What the compliance services use: the store, the register declarations, the clock, the
// ledger key and the tenant catalogs. Built once by the composition root.
#pragma once

#include "catalog/catalog_service.hpp"
#include "core/clock.hpp"
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

}  // namespace isms::compliance
