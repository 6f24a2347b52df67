// What the services of the risk module are built from (by the composition root, app/app.cpp).
#pragma once

#include "catalog/catalog_service.hpp"
#include "core/clock.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::risk {

struct RiskDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    catalog::CatalogService& catalog;
};

}  // namespace isms::risk
