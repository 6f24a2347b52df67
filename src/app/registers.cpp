#include "app/registers.hpp"

#include "assurance/audit_registers.hpp"
#include "compliance/compliance_registers.hpp"
#include "evidence/evidence_registers.hpp"
#include "risk/risk_registers.hpp"

namespace isms::app {

Result<schema::Registry> BuildRegistry() {
    schema::Registry registry;
    ISMS_TRY(risk::DeclareRiskRegisters(registry));
    ISMS_TRY(compliance::DeclareComplianceRegisters(registry));
    ISMS_TRY(evidence::DeclareEvidenceRegisters(registry));
    ISMS_TRY(assurance::DeclareAuditRegisters(registry));
    return registry;
}

}  // namespace isms::app
