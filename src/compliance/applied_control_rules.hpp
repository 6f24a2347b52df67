// The rule the applied controls register's declaration cannot express: every requirement it
// names is a requirement of a framework in the organization's catalog (built in or imported).
#pragma once

#include "catalog/catalog_service.hpp"
#include "records/record_rules.hpp"

namespace isms::compliance {

class AppliedControlRules final : public records::RecordRules {
public:
    explicit AppliedControlRules(catalog::CatalogService& catalog) : catalog_(catalog) {}

    /// Checks `requirements`: each the URN of an assessable requirement the catalog knows
    /// (compared without case),
    /// stored as the catalog spells it, duplicates dropped; unknown ones are named by index.
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;

private:
    catalog::CatalogService& catalog_;
};

}  // namespace isms::compliance
