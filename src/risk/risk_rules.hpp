// Domain rules of the risk registers, hooked to their writes (records/record_rules.hpp):
// - risks: an asset-based risk names an asset; levels and the method version are computed from
//   the tenant's method, and likelihood or impact outside its scales are refused;
// - assets: authenticity and non-repudiation only where the method enables them; no dependency
//   cycles (a supporting asset cannot depend, directly or not, on what depends on it);
// - treatment actions: at least one risk; Annex A controls known to ISO/IEC 27001:2022.
#pragma once

#include "catalog/catalog_service.hpp"
#include "records/record_rules.hpp"

namespace isms::risk {

class RiskRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class AssetRules final : public records::RecordRules {
public:
    [[nodiscard]] Status BeforeWrite(
        store::WriteTx& tx,
        const iam::Principal& who,
        const schema::RegisterSpec& spec,
        const schema::Record* current,
        schema::Draft& draft
    ) override;
};

class TreatmentActionRules final : public records::RecordRules {
public:
    explicit TreatmentActionRules(catalog::CatalogService& catalog) : catalog_(catalog) {}

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

}  // namespace isms::risk
