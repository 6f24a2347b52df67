#include "app/registers.hpp"

#include "risk/risk_registers.hpp"

namespace isms::app {

Result<schema::Registry> BuildRegistry() {
    schema::Registry registry;
    ISMS_TRY(risk::DeclareRiskRegisters(registry));
    return registry;
}

}  // namespace isms::app
