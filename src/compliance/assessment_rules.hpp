// Rules of the assessments register: the framework is one of the tenant's catalog (stored by
// its canonical URN, its reference shown beside it) and fixed once results exist; the
// assessments a result may be inferred from assess other frameworks.
#pragma once

#include "catalog/catalog_service.hpp"
#include "records/record_rules.hpp"

namespace isms::compliance {

class AssessmentRules final : public records::RecordRules {
public:
    explicit AssessmentRules(catalog::CatalogService& catalog) : catalog_(catalog) {}

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
