#include "assurance/audit_checklist_rules.hpp"

#include <fmt/format.h>

#include "assurance/audit_records.hpp"
#include "catalog/text.hpp"

namespace isms::assurance {

Status ChecklistItemRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* /*current*/,
    schema::Draft& draft
) {
    const std::string urn = TextOf(draft.fields, "requirement");
    if (urn.empty()) {
        return {};
    }
    ISMS_TRY_ASSIGN(auto view, deps_.catalog.View(tx.tenant()));
    const catalog::NodeEntry* entry = view->FindNode(urn);
    if (entry == nullptr) {
        entry = view->FindNode(catalog::AsciiLowercase(urn));
    }
    if (entry == nullptr || !entry->node->assessable) {
        return Error::Invalid(
            "requirement",
            fmt::format(
                "'{}' is not an assessable requirement of this organization's catalog (give its "
                "URN, e.g. urn:isms:framework:iso27001-2022:9.2)",
                urn
            )
        );
    }
    draft.fields["requirement"] = entry->node->urn;
    draft.fields["requirement_ref"] = entry->node->ref_id;
    draft.fields["requirement_name"] = entry->node->name;
    return {};
}

}  // namespace isms::assurance
