#include "compliance/assessment_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "catalog/catalog.hpp"
#include "catalog/text.hpp"
#include "schema/record.hpp"
#include "store/migrate.hpp"
#include "store/session.hpp"

namespace isms::compliance {

Status AssessmentRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    std::vector<FieldError> problems;
    std::string framework;
    if (current != nullptr) {
        framework = std::string(current->fields.at("framework").as_string());
    }
    if (const json::value* f = draft.fields.if_contains("framework");
        f != nullptr && f->is_string()) {
        ISMS_TRY_ASSIGN(auto view, catalog_.View(tx.tenant()));
        const std::string wanted(f->get_string());
        const catalog::FrameworkEntry* entry = view->FindFramework(wanted);
        if (entry == nullptr) {
            entry = view->FindFramework(catalog::AsciiLowercase(wanted));
        }
        if (entry == nullptr) {
            return Error::Invalid(
                "framework",
                fmt::format(
                    "'{}' is not a framework of this organization's catalog (see "
                    "/api/v1/frameworks)",
                    wanted
                )
            );
        }
        if (current != nullptr && entry->framework->urn != framework) {
            ISMS_TRY_ASSIGN(
                auto rows,
                tx.sql().Query(
                    "SELECT COUNT(*) FROM assessment_results WHERE tenant_id = ? AND "
                    "assessment_id = ?",
                    {tx.tenant().value, current->id.value}
                )
            );
            if (rows[0].Int(0) > 0) {
                problems.push_back(
                    {"framework",
                     fmt::format(
                         "{} has {} result(s) against {}; start a new assessment for another "
                         "framework",
                         current->ref,
                         rows[0].Int(0),
                         framework
                     )}
                );
            }
        }
        framework = entry->framework->urn;
        draft.fields["framework"] = framework;
        draft.fields["framework_ref"] =
            entry->framework->ref_id.empty() ? entry->framework->name : entry->framework->ref_id;
    }
    if (const json::value* from = draft.fields.if_contains("infer_from"); from != nullptr) {
        const std::vector<std::int64_t> ids = schema::ReferenceIds(from);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (current != nullptr && ids[i] == current->id.value) {
                problems.push_back(
                    {fmt::format("infer_from[{}]", i), "an assessment cannot infer from itself"}
                );
                continue;
            }
            ISMS_TRY_ASSIGN(
                auto rows,
                tx.sql().Query(
                    "SELECT ref, framework FROM " + store::RegisterTable(spec)
                        + " WHERE tenant_id = ? AND id = ?",
                    {tx.tenant().value, ids[i]}
                )
            );
            if (!rows.empty() && rows[0].Text(1) == framework) {
                problems.push_back(
                    {fmt::format("infer_from[{}]", i),
                     fmt::format(
                         "{} assesses the same framework; infer from another framework's "
                         "assessment",
                         rows[0].Text(0)
                     )}
                );
            }
        }
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    return {};
}

}  // namespace isms::compliance
