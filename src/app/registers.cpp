#include "app/registers.hpp"

#include "assurance/audit_registers.hpp"
#include "assurance/metric_registers.hpp"
#include "compliance/compliance_registers.hpp"
#include "context/context_registers.hpp"
#include "documents/documents_registers.hpp"
#include "evidence/evidence_registers.hpp"
#include "operations/operations_registers.hpp"
#include "people/people_registers.hpp"
#include "risk/risk_registers.hpp"

namespace isms::app {

Result<schema::Registry> BuildRegistry() {
    schema::Registry registry;
    ISMS_TRY(risk::DeclareRiskRegisters(registry));
    ISMS_TRY(compliance::DeclareComplianceRegisters(registry));
    ISMS_TRY(evidence::DeclareEvidenceRegisters(registry));
    ISMS_TRY(context::DeclareContextRegisters(registry));
    ISMS_TRY(people::DeclarePeopleRegisters(registry));
    ISMS_TRY(documents::DeclareDocumentRegisters(registry));
    ISMS_TRY(assurance::DeclareMonitoringRegisters(registry));
    ISMS_TRY(operations::DeclareOperationsRegisters(registry));
    ISMS_TRY(assurance::DeclareAuditRegisters(registry));
    return registry;
}

}  // namespace isms::app
