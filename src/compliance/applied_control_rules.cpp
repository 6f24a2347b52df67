#include "compliance/applied_control_rules.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "catalog/text.hpp"
#include "store/session.hpp"

namespace isms::compliance {

Status AppliedControlRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& /*spec*/,
    const schema::Record* /*current*/,
    schema::Draft& draft
) {
    const json::value* requirements = draft.fields.if_contains("requirements");
    if (requirements == nullptr || !requirements->is_array()) {
        return {};
    }
    ISMS_TRY_ASSIGN(auto view, catalog_.View(tx.tenant()));
    std::vector<FieldError> problems;
    json::array canonical;
    const auto& list = requirements->get_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string urn(list[i].get_string());
        const catalog::NodeEntry* entry = view->FindNode(urn);
        if (entry == nullptr) {
            entry = view->FindNode(catalog::AsciiLowercase(urn));
        }
        if (entry == nullptr) {
            problems.push_back(
                {fmt::format("requirements[{}]", i),
                 fmt::format(
                     "'{}' is not a requirement of any framework in this organization's catalog "
                     "(give its URN, e.g. urn:isms:framework:iso27001-2022:a.8.5)",
                     urn
                 )}
            );
            continue;
        }
        if (!entry->node->assessable) {
            problems.push_back(
                {fmt::format("requirements[{}]", i),
                 fmt::format(
                     "'{}' ({}) groups requirements; name the requirements it holds instead",
                     urn,
                     entry->node->ref_id
                 )}
            );
            continue;
        }
        const json::value found(json::string(entry->node->urn));
        if (std::find(canonical.begin(), canonical.end(), found) == canonical.end()) {
            canonical.push_back(found);
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    draft.fields["requirements"] = std::move(canonical);
    return {};
}

}  // namespace isms::compliance
