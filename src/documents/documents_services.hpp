// The documents module's register rules and lifecycle service, built once by the composition
// root.
#pragma once

#include "documents/document_rules.hpp"
#include "documents/document_service.hpp"
#include "records/record_service.hpp"

namespace isms::documents {

struct DocumentServices {
    explicit DocumentServices(const DocumentDeps& deps)
        : version_rules(deps.registry), acknowledgement_rules(deps.registry), service(deps) {}

    /// Hooks the rules to the writes of documents, versions and acknowledgements.
    void HookRules(records::RecordService& records) {
        records.SetRules("documents", document_rules);
        records.SetRules("document_versions", version_rules);
        records.SetRules("acknowledgements", acknowledgement_rules);
    }

    DocumentRules document_rules;
    DocumentVersionRules version_rules;
    AcknowledgementRules acknowledgement_rules;
    DocumentService service;
};

}  // namespace isms::documents
