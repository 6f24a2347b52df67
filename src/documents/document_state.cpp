#include "documents/document_state.hpp"

#include <map>

#include "store/migrate.hpp"
#include "store/records.hpp"

namespace isms::documents {

Status RefreshDocument(
    store::WriteTx& tx,
    const schema::Registry& registry,
    std::int64_t document_id,
    const std::optional<PendingVersion>& pending
) {
    ISMS_TRY_ASSIGN(
        auto rows,
        tx.sql().Query(
            "SELECT id, number, status FROM "
                + store::RegisterTable(registry.Get("document_versions"))
                + " WHERE tenant_id = ? AND document = ? AND archived_at IS NULL",
            {tx.tenant().value, document_id}
        )
    );
    std::map<std::int64_t, std::string> by_number;  // number → status
    for (const auto& row : rows) {
        if (!pending || pending->id != row.Int(0)) {
            by_number[row.Int(1)] = row.Text(2);
        }
    }
    if (pending && !pending->status.empty()) {
        by_number[pending->number] = pending->status;
    }
    json::value published = nullptr;
    for (const auto& [number, status] : by_number) {
        if (status == "published") {
            published = number;
        }
    }
    schema::Draft draft;
    draft.fields["published_version"] = published;
    draft.fields["latest_version"] =
        by_number.empty() ? json::value(nullptr) : json::value(by_number.rbegin()->first);
    draft.fields["status"] = !published.is_null() ? std::string("published")
                             : by_number.empty()  ? std::string("draft")
                                                  : by_number.rbegin()->second;
    ISMS_TRY(store::UpdateRecord(
        tx, registry.Get("documents"), RecordId{document_id}, std::nullopt, draft
    ));
    return {};
}

}  // namespace isms::documents
