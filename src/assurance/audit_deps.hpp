// What the audit and improvement services use: the store, the register declarations, the
// clock, the ledger key, the tenant catalogs and the Statement of Applicability (for which
// Annex A controls an audit programme must cover). Built once by the composition root.
#pragma once

#include "catalog/catalog_service.hpp"
#include "compliance/soa_service.hpp"
#include "core/clock.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::assurance {

struct AuditDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    catalog::CatalogService& catalog;
    compliance::SoaService& soa;
};

}  // namespace isms::assurance
