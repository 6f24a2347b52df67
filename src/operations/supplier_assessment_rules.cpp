#include "operations/supplier_assessment_rules.hpp"

#include <vector>

#include <fmt/format.h>

#include "operations/field_values.hpp"
#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::operations {

using detail::IdOf;
using detail::TextOf;

Status SupplierAssessmentRules::BeforeWrite(
    store::WriteTx& tx,
    const iam::Principal& /*who*/,
    const schema::RegisterSpec& spec,
    const schema::Record* current,
    schema::Draft& draft
) {
    const json::object after = records::FieldsAfter(current, draft);
    std::vector<FieldError> problems;
    const std::string_view assessed = TextOf(after, "assessed_on");
    const std::string_view next_due = TextOf(after, "next_due");
    const std::string today = FormatDate(Today(clock_));
    if (assessed > today) {
        problems.push_back({"assessed_on", fmt::format("{} is in the future", assessed)});
    }
    if (!next_due.empty() && next_due <= assessed) {
        problems.push_back(
            {"next_due", fmt::format("{} is not after the assessment on {}", next_due, assessed)}
        );
    }
    if (!problems.empty()) {
        return Error::Invalid(std::move(problems));
    }
    const std::int64_t self = current != nullptr ? current->id.value : 0;
    const auto supplier = IdOf(after, "supplier");
    if (supplier) {
        ISMS_TRY(Refresh(tx, spec, *supplier, self, &after));
    }
    if (current != nullptr) {
        const auto before = IdOf(current->fields, "supplier");
        if (before && before != supplier) {
            ISMS_TRY(Refresh(tx, spec, *before, self, nullptr));
        }
    }
    return {};
}

Status SupplierAssessmentRules::BeforeArchive(
    store::WriteTx& tx, const schema::RegisterSpec& spec, const schema::Record& current
) {
    const auto supplier = IdOf(current.fields, "supplier");
    if (!supplier) {
        return {};
    }
    return Refresh(tx, spec, *supplier, current.id.value, nullptr);
}

Status SupplierAssessmentRules::Refresh(
    store::WriteTx& tx,
    const schema::RegisterSpec& spec,
    std::int64_t supplier,
    std::int64_t skip,
    const json::object* candidate
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT assessed_on, next_due FROM " + store::RegisterTable(spec)
                + " WHERE tenant_id = ? AND archived_at IS NULL AND supplier = ? AND id <> ? "
                  "ORDER BY assessed_on DESC, id DESC LIMIT 1",
            {tx.tenant().value, supplier, skip}
        )
    );
    json::value next_due = nullptr;
    std::string latest;
    if (!rows.empty()) {
        latest = rows[0].Text(0);
        if (!rows[0].IsNull(1)) {
            next_due = json::string(rows[0].Text(1));
        }
    }
    if (candidate != nullptr && TextOf(*candidate, "assessed_on") >= latest) {
        next_due = detail::FieldOf(*candidate, "next_due");
    }
    schema::Draft draft;
    draft.fields["next_assessment_due"] = next_due;
    ISMS_TRY(
        store::UpdateRecord(tx, registry_.Get("suppliers"), RecordId{supplier}, std::nullopt, draft)
    );
    return {};
}

}  // namespace isms::operations
