// What the services of the context module are built from (by the composition root).
#pragma once

#include "core/clock.hpp"
#include "schema/registry.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"

namespace isms::context {

struct ContextDeps {
    store::Database& db;
    const schema::Registry& registry;
    const Clock& clock;
    const store::LedgerKey& key;
};

}  // namespace isms::context
