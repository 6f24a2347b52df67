// What the monitoring and management review services use: the store, the register
// declarations, the clock, the ledger key, and the services of lower modules whose results
// the built-in metrics and the review inputs report (the SoA, the risk method). Built once by
// the composition root.
#pragma once

#include "compliance/soa_service.hpp"
#include "core/clock.hpp"
#include "risk/method_service.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::assurance {

struct MonitoringDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
    compliance::SoaService& soa;
    risk::MethodService& risk_method;
};

}  // namespace isms::assurance
